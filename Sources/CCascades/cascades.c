#include "vigil_cascades.h"

#if __has_include("generated/cascade_tables.h")
#include "generated/cascade_tables.h"
#else
#error "the cascade tables are not generated: run 'make cascades' (scripts/convert-cascades.py needs Debian's opencv-data)"
#endif

int32_t vigil_cascade_count(void) {
    return (int32_t)(sizeof vigil_cascade_table / sizeof vigil_cascade_table[0]);
}

const struct vigil_cascade *vigil_cascade_at(int32_t index) {
    if (index < 0 || index >= vigil_cascade_count()) return 0;
    return vigil_cascade_table[index];
}
