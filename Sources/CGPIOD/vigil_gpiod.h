#pragma once
/* libgpiod 1.6 (Debian 12): lines are looked up by name, never by chip number. */
/* libc first, through CSystem: the Embedded build has no libc module, so struct timespec
 * would otherwise be this module's own, and Swift files that use it without importing this
 * module would not build. */
#include "../CSystem/vigil_system.h"
#include <gpiod.h>

/* Edge events as plain numbers, read in one place. */
enum { VIGIL_GPIOD_EDGES_PER_READ = 16 };

/* 1 when an edge is queued, 0 when none is, -1 on error: never waits. */
static inline int vigil_gpiod_edge_queued(struct gpiod_line *line) {
    const struct timespec none = { 0, 0 };
    return gpiod_line_event_wait(line, &none);
}

/* Reads the queued edges (at least one must be queued, or this blocks), at most
 * VIGIL_GPIOD_EDGES_PER_READ: whether each became active, and the kernel's monotonic stamp. */
static inline int vigil_gpiod_read_edges(struct gpiod_line *line, int *rising, long long *nanoseconds) {
    struct gpiod_line_event events[VIGIL_GPIOD_EDGES_PER_READ];
    int count = gpiod_line_event_read_multiple(line, events, VIGIL_GPIOD_EDGES_PER_READ);
    for (int i = 0; i < count; i++) {
        rising[i] = events[i].event_type == GPIOD_LINE_EVENT_RISING_EDGE;
        nanoseconds[i] = (long long)events[i].ts.tv_sec * 1000000000LL + events[i].ts.tv_nsec;
    }
    return count;
}
