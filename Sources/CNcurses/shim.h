// ncurses for Swift 6: Swift imports no function-like C macros (COLOR_PAIR, getmaxyx, A_BOLD)
// and rejects direct use of ncurses' mutable globals (stdscr, COLS, LINES, COLORS), so this
// header wraps each one the TUI uses in a static inline function.
//
// It also holds the async-signal-safe parts of terminal hygiene: handlers that only set a
// flag, and a crash handler that restores the terminal with precomputed bytes. Their state
// lives in function-local statics, which each Swift source file that calls them may get its
// own copy of in a debug build: call the signal and crash functions from ONE Swift file only
// (Sources/ScalpTUI/Terminal/CursesTerminal.swift).
#ifndef GAMMASCALP_CNCURSES_SHIM_H
#define GAMMASCALP_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// MARK: - Globals

static inline WINDOW *gs_stdscr(void) { return stdscr; }
static inline WINDOW *gs_curscr(void) { return curscr; }
static inline FILE *gs_stdout(void) { return stdout; }
static inline FILE *gs_stdin(void) { return stdin; }
static inline int gs_lines(void) { return LINES; }
static inline int gs_cols(void) { return COLS; }
static inline int gs_colors(void) { return COLORS; }
static inline int gs_color_pairs(void) { return COLOR_PAIRS; }

// MARK: - Macros

static inline int gs_color_pair(int pair) { return (int)COLOR_PAIR(pair); }
static inline unsigned int gs_a_normal(void) { return (unsigned int)A_NORMAL; }
static inline unsigned int gs_a_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int gs_a_dim(void) { return (unsigned int)A_DIM; }
static inline unsigned int gs_a_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int gs_a_underline(void) { return (unsigned int)A_UNDERLINE; }

static inline void gs_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y, x;
    getmaxyx(win, y, x);
    *rows = y;
    *cols = x;
}

static inline int gs_key_resize(void) { return KEY_RESIZE; }
static inline int gs_key_up(void) { return KEY_UP; }
static inline int gs_key_down(void) { return KEY_DOWN; }
static inline int gs_key_left(void) { return KEY_LEFT; }
static inline int gs_key_right(void) { return KEY_RIGHT; }
static inline int gs_key_enter(void) { return KEY_ENTER; }
static inline int gs_key_backspace(void) { return KEY_BACKSPACE; }
static inline int gs_key_code_yes(void) { return KEY_CODE_YES; }
static inline int gs_err(void) { return ERR; }

/// Reads one key or character; returns OK, KEY_CODE_YES (function key) or ERR (timeout).
static inline int gs_get_wch(WINDOW *win, unsigned int *out) {
    wint_t ch = 0;
    int rc = wget_wch(win, &ch);
    *out = (unsigned int)ch;
    return rc;
}

/// Sets the attributes and color pair for the next writes to `win`.
static inline int gs_attr_set(WINDOW *win, unsigned int attrs, int pair) {
    return wattr_set(win, (attr_t)attrs, (short)pair, NULL);
}

/// Writes `n` wide characters at (y, x) with the current attributes.
static inline int gs_mvaddnwstr(WINDOW *win, int y, int x, const wchar_t *text, int n) {
    if (wmove(win, y, x) == ERR) return ERR;
    return waddnwstr(win, text, n);
}

static inline int gs_bkgd(WINDOW *win, unsigned int attrs, int pair) {
    return wbkgdset(win, (chtype)(attrs | (unsigned int)COLOR_PAIR(pair))), OK;
}

// MARK: - Locale

/// Sets the locale from the environment; if that leaves a non-UTF-8 character set, tries
/// C.UTF-8. Returns 1 when the terminal encoding is UTF-8 (box drawing and braille work).
static inline int gs_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8")) {
        codeset = nl_langinfo(CODESET);
        return codeset && strcmp(codeset, "UTF-8") == 0;
    }
    return 0;
}

// MARK: - Signals (call from one Swift file only)

static inline volatile sig_atomic_t *gs__pending_signal(void) {
    static volatile sig_atomic_t pending = 0;
    return &pending;
}

static inline volatile sig_atomic_t *gs__resumed(void) {
    static volatile sig_atomic_t resumed = 0;
    return &resumed;
}

static inline void gs__flag_handler(int sig) {
    if (sig == SIGCONT) { *gs__resumed() = 1; return; }
    // The first terminating signal wins; a second Ctrl-C is still seen (it is SIGINT again).
    *gs__pending_signal() = sig;
}

/// Installs flag-only handlers for SIGINT, SIGTERM, SIGHUP and SIGCONT (without SA_RESTART,
/// so a blocking read returns). Call before newterm() so ncurses keeps its hands off them.
static inline void gs_install_flag_handlers(void) {
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

/// The terminating signal received since the last call (SIGINT, SIGTERM, SIGHUP), or 0.
static inline int gs_take_signal(void) {
    int sig = (int)*gs__pending_signal();
    *gs__pending_signal() = 0;
    return sig;
}

/// 1 if the process was continued (after Ctrl-Z and fg) since the last call.
static inline int gs_take_resumed(void) {
    int resumed = (int)*gs__resumed();
    *gs__resumed() = 0;
    return resumed;
}

static inline void gs_restore_default_signals(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    signal(SIGCONT, SIG_DFL);
}

// MARK: - Crash restore (call from one Swift file only)

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

static inline struct gs_crash_state *gs__crash(void) {
    static struct gs_crash_state state;
    static int initialized = 0;
    if (!initialized) {
        initialized = 1;
        state.saved_stderr = -1;
        state.capture_fd = -1;
    }
    return &state;
}

static inline const int *gs__crash_signals(void) {
    static const int signals[GS_CRASH_SIGNAL_COUNT] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    return signals;
}

static inline void gs__write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0) { if (errno == EINTR) continue; return; }
        bytes += written;
        length -= (size_t)written;
    }
}

/// Copies what fd 2 wrote while the screen was up back to the real stderr and reconnects fd 2.
/// Async-signal-safe.
static inline void gs__release_stderr(void) {
    struct gs_crash_state *s = gs__crash();
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

static inline void gs__crash_handler(int sig) {
    struct gs_crash_state *s = gs__crash();
    if (s->armed) {
        s->armed = 0;
        gs__write_all(STDOUT_FILENO, s->restore, s->restore_length);
        if (s->have_tty) tcsetattr(STDIN_FILENO, TCSANOW, &s->tty);
        gs__release_stderr();
    }
    // Hand the signal to whoever had it before (Swift's backtracer, or the default action).
    const int *signals = gs__crash_signals();
    for (int i = 0; i < GS_CRASH_SIGNAL_COUNT; i++) {
        if (signals[i] == sig) { sigaction(sig, &s->previous[i], NULL); break; }
    }
    raise(sig);
}

/// Saves the terminal modes the shell had; call before newterm().
static inline void gs_crash_save_tty(void) {
    struct gs_crash_state *s = gs__crash();
    s->have_tty = tcgetattr(STDIN_FILENO, &s->tty) == 0;
}

/// Arms the crash handlers: on SIGILL/SIGTRAP (Swift traps), SIGABRT, SIGSEGV, SIGBUS and
/// SIGFPE they write `restore` (leave the alternate screen, show the cursor, reset
/// attributes), put back the saved terminal modes, release captured stderr, then re-raise.
static inline void gs_crash_arm(const char *restore) {
    struct gs_crash_state *s = gs__crash();
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
    const int *signals = gs__crash_signals();
    for (int i = 0; i < GS_CRASH_SIGNAL_COUNT; i++) sigaction(signals[i], &action, &s->previous[i]);
    s->armed = 1;
}

/// Disarms the crash handlers (after a normal endwin()).
static inline void gs_crash_disarm(void) {
    struct gs_crash_state *s = gs__crash();
    if (!s->armed) return;
    s->armed = 0;
    const int *signals = gs__crash_signals();
    for (int i = 0; i < GS_CRASH_SIGNAL_COUNT; i++) sigaction(signals[i], &s->previous[i], NULL);
}

/// Sends fd 2 to an unlinked temporary file while the screen is up, so runtime messages
/// cannot scribble over it; `gs_release_stderr` (or a crash) prints them afterwards.
/// Returns 1 on success.
static inline int gs_capture_stderr(void) {
    struct gs_crash_state *s = gs__crash();
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

static inline void gs_release_stderr(void) {
    fflush(stderr);
    gs__release_stderr();
}

#endif
