// The state behind terminal_guard.h, one copy per process. Everything a handler touches is
// a volatile sig_atomic_t flag or memory prepared before the signal; handlers call only
// async-signal-safe functions (write, tcsetattr, lseek, read, dup2, close, sigaction, raise).
#include "terminal_guard.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// MARK: - Signals

// Set by the handlers, read and cleared by the loop; one copy for the process.
static volatile sig_atomic_t pending_signal = 0;
static volatile sig_atomic_t resumed = 0;

static void gs__flag_handler(int sig) {
    if (sig == SIGCONT) { resumed = 1; return; }
    // The first terminating signal wins; a second Ctrl-C is still seen (it is SIGINT again).
    pending_signal = sig;
}

void gs_install_flag_handlers(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = gs__flag_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGCONT, &action, NULL);
}

int gs_take_signal(void) {
    int sig = (int)pending_signal;
    pending_signal = 0;
    return sig;
}

int gs_take_resumed(void) {
    int was_resumed = (int)resumed;
    resumed = 0;
    return was_resumed;
}

void gs_restore_default_signals(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGCONT, SIG_DFL);
}

// MARK: - Crash restore

#define GS_CRASH_SIGNAL_COUNT 6

struct gs_crash_state {
    int armed;
    char restore[512];
    size_t restore_length;
    struct termios tty;
    int have_tty;
    int saved_stderr;   // the real stderr, while fd 2 is captured
    int capture_fd;     // where fd 2 writes while the screen is up
    struct sigaction previous[GS_CRASH_SIGNAL_COUNT];
};

// What the crash handler needs, prepared before a crash so the handler only copies bytes.
static struct gs_crash_state crash = { .saved_stderr = -1, .capture_fd = -1 };

static const int crash_signals[GS_CRASH_SIGNAL_COUNT] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };

static void gs__write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) { if (errno == EINTR) continue; return; }
        bytes += written;
        length -= (size_t)written;
    }
}

static void gs__release_stderr(void) {
    struct gs_crash_state *s = &crash;
    if (s->saved_stderr < 0) return;
    if (s->capture_fd >= 0) {
        char buffer[4096];
        lseek(s->capture_fd, 0, SEEK_SET);
        for (;;) {
            ssize_t n = read(s->capture_fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            gs__write_all(s->saved_stderr, buffer, (size_t)n);
        }
        close(s->capture_fd);
        s->capture_fd = -1;
    }
    dup2(s->saved_stderr, STDERR_FILENO);
    close(s->saved_stderr);
    s->saved_stderr = -1;
}

static void gs__crash_handler(int sig) {
    struct gs_crash_state *s = &crash;
    if (s->armed) {
        s->armed = 0;
        gs__write_all(STDOUT_FILENO, s->restore, s->restore_length);
        if (s->have_tty) tcsetattr(STDIN_FILENO, TCSANOW, &s->tty);
        gs__release_stderr();
    }
    // Hand the signal to whoever had it before (Swift's backtracer, or the default action).
    const int *signals = crash_signals;
    for (int i = 0; i < GS_CRASH_SIGNAL_COUNT; i++) {
        if (signals[i] == sig) { sigaction(sig, &s->previous[i], NULL); break; }
    }
    raise(sig);
}

void gs_crash_save_tty(void) {
    struct gs_crash_state *s = &crash;
    s->have_tty = tcgetattr(STDIN_FILENO, &s->tty) == 0;
}

void gs_crash_arm(const char *restore) {
    struct gs_crash_state *s = &crash;
    size_t length = strlen(restore);
    if (length >= sizeof s->restore) length = sizeof s->restore - 1;
    memcpy(s->restore, restore, length);
    s->restore[length] = 0;
    s->restore_length = length;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = gs__crash_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    const int *signals = crash_signals;
    for (int i = 0; i < GS_CRASH_SIGNAL_COUNT; i++) sigaction(signals[i], &action, &s->previous[i]);
    s->armed = 1;
}

void gs_crash_disarm(void) {
    struct gs_crash_state *s = &crash;
    if (!s->armed) return;
    s->armed = 0;
    const int *signals = crash_signals;
    for (int i = 0; i < GS_CRASH_SIGNAL_COUNT; i++) sigaction(signals[i], &s->previous[i], NULL);
}

int gs_capture_stderr(void) {
    struct gs_crash_state *s = &crash;
    if (s->saved_stderr >= 0) return 1;
    char path[] = "/tmp/gammascalp-stderr-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 0;
    unlink(path);
    int saved = dup(STDERR_FILENO);
    if (saved < 0) { close(fd); return 0; }
    fflush(stderr);
    if (dup2(fd, STDERR_FILENO) < 0) { close(fd); close(saved); return 0; }
    s->saved_stderr = saved;
    s->capture_fd = fd;
    return 1;
}

void gs_release_stderr(void) {
    fflush(stderr);
    gs__release_stderr();
}
