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
#include <spawn.h>
#include <syslog.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/wait.h>
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

/* The maintenance shell's terminal while a line is typed: no echo, no line discipline, no
 * signals from Ctrl-C/Ctrl-Z (the line editor gets those bytes and writes "\r\n" itself). */
static inline void vigil_termios_make_raw(struct termios *settings) {
    cfmakeraw(settings);
    settings->c_cc[VMIN] = 1;
    settings->c_cc[VTIME] = 0;
}

/* A handler that interrupts a blocking read (no SA_RESTART), so a hangup ends the shell's
 * session through its normal exit path; sigaction's handler is in a union Swift cannot set. */
static inline int vigil_catch_signal(int signal, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    return sigaction(signal, &action, NULL);
}
/* Waits until FD is readable or a handled signal blocked outside this call (SIGHUP, SIGTERM)
 * arrives: ppoll unblocks them atomically with the wait, so one arriving just before it still
 * ends it, which a plain read(2) after a flag check would miss. ppoll is declared only under
 * _GNU_SOURCE, hence the declaration. Returns > 0 when readable, -1 with EINTR on a signal. */
int ppoll(struct pollfd *fds, nfds_t count, const struct timespec *timeout, const sigset_t *mask);
static inline int vigil_wait_input(int fd) {
    struct pollfd request = { fd, POLLIN, 0 };
    sigset_t during;
    pthread_sigmask(SIG_SETMASK, NULL, &during);
    sigdelset(&during, SIGHUP);
    sigdelset(&during, SIGTERM);
    return ppoll(&request, 1, NULL, &during);
}
static inline int vigil_ignore_signal(int signal) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_IGN;
    return sigaction(signal, &action, NULL);
}

/* Runs PATH with a fixed ARGV and ENVP, never through a shell, and waits for it. SIGINT and
 * SIGQUIT go back to their defaults in the child (the shell ignores them), so Ctrl-C stops a
 * long command and not the shell. Returns the exit status, 128 + N for signal N, or -errno
 * when it could not be started. The W* macros are function-like, which Swift does not import. */
static inline int vigil_spawn_and_wait(const char *path, char *const argv[], char *const envp[]) {
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults, none;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t child;
    int failure = posix_spawn(&child, path, NULL, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    if (failure != 0) return -failure;
    int status;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) return -errno;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 255;
}

/* Sets the wall clock (CLOCK_REALTIME) to whole seconds since 1970; struct timespec stays in C
 * for the reason above. Returns 0 or -1 with errno. */
static inline int vigil_set_realtime_seconds(long long seconds) {
    struct timespec moment = { (time_t)seconds, 0 };
    return clock_settime(CLOCK_REALTIME, &moment);
}

/* The CPUs this process may run on (its affinity, so `taskset -c 0` counts as one): the raw
 * system call, as CPU_COUNT and sched_getaffinity's wrapper need _GNU_SOURCE. */
static inline int vigil_usable_cpus(void) {
    unsigned long mask[16];
    memset(mask, 0, sizeof mask);
    long bytes = syscall(SYS_sched_getaffinity, 0, sizeof mask, mask);
    if (bytes <= 0) return 1;
    int count = 0;
    for (long i = 0; i < bytes / (long)sizeof mask[0]; i++) count += __builtin_popcountl(mask[i]);
    return count > 0 ? count : 1;
}
