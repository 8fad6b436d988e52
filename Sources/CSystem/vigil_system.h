#pragma once
/* The libc surface vigil uses, in one module for both builds: the Embedded build has no
 * Glibc overlay, so Swift code imports this instead of Glibc everywhere. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>
#include <syslog.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <termios.h>
#include <linux/falloc.h>
#include <linux/watchdog.h>

/* errno is a macro over a thread-local: read it through a function. */
static inline int vigil_errno(void) { return errno; }

/* open(2), fcntl(2) and ioctl(2) are variadic, which Swift cannot call. */
static inline int vigil_open(const char *path, int flags, unsigned int mode) { return open(path, flags, (mode_t)mode); }
static inline int vigil_dup_cloexec(int fd) { return fcntl(fd, F_DUPFD_CLOEXEC, 0); }
static inline int vigil_ioctl(int fd, unsigned long request, void *arg) { return ioctl(fd, request, arg); }

/* stdout is fully buffered when it is not a terminal; a trap would lose the log. */
static inline void vigil_line_buffer_stdout(void) { setvbuf(stdout, NULL, _IOLBF, 0); }
/* stdout/stderr are mutable C globals, which Swift 6 refuses to touch directly. */
static inline void vigil_write_stderr(const char *text) { fputs(text, stderr); }
static inline void vigil_flush_stdout(void) { fflush(stdout); }

static inline void *vigil_map_failed(void) { return MAP_FAILED; }

/* struct dirent's d_name is a fixed char array, which Swift imports as a tuple. */
static inline const char *vigil_dirent_name(const struct dirent *entry) { return entry->d_name; }

/* fallocate(2) is declared only under _GNU_SOURCE, which would change other declarations
 * (strerror_r). KEEP_SIZE reserves blocks past the end without growing the file, so an
 * append-only writer can hold back the room it needs to close a file on a full disk. */
int fallocate(int fd, int mode, off_t offset, off_t length);
static inline int vigil_reserve_beyond_end(int fd, long long offset, long long length) {
    return fallocate(fd, FALLOC_FL_KEEP_SIZE, (off_t)offset, (off_t)length);
}

/* The watchdog's ioctl numbers are function-like macros, which Swift does not import. */
static inline int vigil_watchdog_get_timeout(int fd, int *seconds) { return ioctl(fd, WDIOC_GETTIMEOUT, seconds); }
/* The driver may round the timeout; it writes back the one it set. */
static inline int vigil_watchdog_set_timeout(int fd, int *seconds) { return ioctl(fd, WDIOC_SETTIMEOUT, seconds); }

/* syslog(3) is variadic; "%s" keeps a '%' in a message from being read as a format. */
static inline void vigil_syslog(int priority, const char *message) { syslog(priority, "%s", message); }
/* openlog keeps the identifier pointer, so it gets a copy that lives as long as the process. */
static inline void vigil_openlog_daemon(const char *identifier) { openlog(strdup(identifier), LOG_PID, LOG_DAEMON); }

/* The clocks as plain integers: struct timespec is declared by several of vigil's C modules
 * (gpiod.h has it in its events), and the Embedded build refuses a type whose owner a file
 * does not import. */
static inline long long vigil_clock_nanoseconds(clockid_t clock) {
    struct timespec now;
    clock_gettime(clock, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}
/* Sleeps the whole time even when a signal interrupts it. */
static inline void vigil_sleep_milliseconds(long milliseconds) {
    struct timespec request = { milliseconds / 1000, (milliseconds % 1000) * 1000000L }, remaining;
    while (nanosleep(&request, &remaining) != 0 && errno == EINTR) request = remaining;
}

/* adjtimex(2) only to read the NTP state: 1 when the clock is synchronised. */
#include <sys/timex.h>
static inline int vigil_clock_synchronised(void) {
    struct timex t = {0};
    int state = adjtimex(&t);
    return state != -1 && state != TIME_ERROR && !(t.status & STA_UNSYNC);
}

/* stat(2) is both a struct and a function, which Swift cannot tell apart: the permission bits,
 * or -1; the modification time in milliseconds since 1970, or -1. */
static inline int vigil_file_mode(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}
static inline long long vigil_file_mtime_ms(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) return -1;
    return (long long)st.st_mtim.tv_sec * 1000 + st.st_mtim.tv_nsec / 1000000;
}
