/* OpenCV's face cascades as integer tables, converted at build time by scripts/convert-cascades.py
 * (Debian's opencv-data package) into generated/cascade_tables.h, which is not committed.
 * Fixed point: Haar node thresholds Q48, leaf values and stage thresholds Q32 (value * 2^n). */
#ifndef VIGIL_CASCADES_H
#define VIGIL_CASCADES_H

#include <stdint.h>

enum { VIGIL_CASCADE_HAAR = 0, VIGIL_CASCADE_LBP = 1 };

struct vigil_cascade_stage {
    int32_t first_tree;
    int32_t tree_count;
    int64_t threshold; /* Q32, OpenCV's float threshold less its 1e-5 */
};

struct vigil_cascade_tree {
    int32_t first_node;
    int32_t first_leaf;
};

/* One split. A child > 0 is the index of the next node within the tree; a child <= 0 is the
 * leaf -child of the tree (OpenCV's numbering). */
struct vigil_cascade_node {
    int32_t feature;
    int16_t left;  /* taken when value < threshold (Haar), or when the LBP code is in the subset */
    int16_t right;
    int64_t threshold; /* Haar: Q48; LBP: 0 (node n's 256-bit subset is words 8n..8n+7 of `subsets`) */
};

struct vigil_cascade {
    const char *name;
    const char *source;  /* the file under /usr/share/opencv4 */
    const char *licence; /* the licence comment of that file */
    int32_t kind;
    int32_t window_width, window_height;
    int32_t max_nodes_per_tree;
    int32_t stage_count, tree_count, node_count, leaf_count, feature_count, subset_word_count;
    const struct vigil_cascade_stage *stages;
    const struct vigil_cascade_tree *trees;
    const struct vigil_cascade_node *nodes;
    const int64_t *leaves; /* Q32 */
    /* Haar: 15 per feature, three rectangles of x, y, width, height, weight (weight 0: none).
     * LBP: 4 per feature, x, y, width, height of one of the 3x3 blocks. */
    const int8_t *features;
    const int32_t *subsets;
};

int32_t vigil_cascade_count(void);
/* NULL when index is out of range. */
const struct vigil_cascade *vigil_cascade_at(int32_t index);

#endif
