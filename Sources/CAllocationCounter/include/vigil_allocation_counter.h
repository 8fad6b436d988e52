#pragma once
/* Counts heap allocations in the whole process, for `vigil-bench` only (host build).
 * Linking this target defines malloc and its relatives in the executable, so every library
 * (the Swift runtime included) allocates through it; the counting forwards to glibc. */
#include <stdint.h>

/* Calls of malloc, calloc, realloc, posix_memalign, aligned_alloc and memalign so far. */
uint64_t vigil_allocations(void);
