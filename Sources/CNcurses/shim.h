// ncurses for Swift 6: Swift imports no function-like C macros (COLOR_PAIR, getmaxyx, A_BOLD)
// and rejects direct use of ncurses' mutable globals (stdscr, COLS, LINES, COLORS), so this
// header wraps each one the TUI uses in a static inline function. It keeps no state: the
// signal flags and the crash-restore handler, which must have one copy per process, live in
// the CTerminalGuard C target.
#ifndef GAMMASCALP_CNCURSES_SHIM_H
#define GAMMASCALP_CNCURSES_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// MARK: - Globals

static inline WINDOW *gs_stdscr(void) { return stdscr; }
static inline WINDOW *gs_curscr(void) { return curscr; }
static inline FILE *gs_stdout(void) { return stdout; }
static inline FILE *gs_stdin(void) { return stdin; }
static inline int gs_lines(void) { return LINES; }
static inline int gs_cols(void) { return COLS; }
static inline int gs_colors(void) { return COLORS; }
static inline int gs_color_pairs(void) { return COLOR_PAIRS; }

// MARK: - Terminal capabilities

// 1 when $TERM names a terminal its terminfo entry says can address the cursor (cup), which
// the screen needs; 0 for TERM=dumb, an unknown or missing entry, or TERM unset. Checked
// before newterm, so a terminal that cannot draw is refused before anything is drawn.
static inline int gs_terminal_can_draw(void) {
    int error = 0;
    if (setupterm(NULL, STDOUT_FILENO, &error) != OK) return 0;
    const char *cup = tigetstr("cup");
    int can = cup != NULL && cup != (const char *)-1;
    del_curterm(cur_term);
    return can;
}

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

#endif
