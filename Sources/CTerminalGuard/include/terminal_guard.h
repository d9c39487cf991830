// Terminal hygiene that must survive a crash, async-signal-safe: signal handlers that only
// set a flag for the event loop, and a crash handler that restores the terminal with bytes
// prepared in advance. Its state is one copy per process, in terminal_guard.c, so any Swift
// file may call these.
#ifndef GAMMASCALP_TERMINAL_GUARD_H
#define GAMMASCALP_TERMINAL_GUARD_H

/// Installs flag-only handlers for SIGINT, SIGTERM, SIGHUP and SIGCONT (without SA_RESTART,
/// so a blocking read returns). Call before newterm() so ncurses keeps its hands off them.
void gs_install_flag_handlers(void);

/// The terminating signal received since the last call (SIGINT, SIGTERM, SIGHUP), or 0.
int gs_take_signal(void);

/// 1 if the process was continued (after Ctrl-Z and fg) since the last call.
int gs_take_resumed(void);

/// Puts back the default actions for the signals `gs_install_flag_handlers` took.
void gs_restore_default_signals(void);

/// Saves the terminal modes the shell had; call before newterm().
void gs_crash_save_tty(void);

/// Arms the crash handlers: on SIGILL/SIGTRAP (Swift traps), SIGABRT, SIGSEGV, SIGBUS and
/// SIGFPE they write `restore` (leave the alternate screen, show the cursor, reset
/// attributes), put back the saved terminal modes, release captured stderr, then re-raise.
void gs_crash_arm(const char *restore);

/// Disarms the crash handlers (after a normal endwin()).
void gs_crash_disarm(void);

/// Sends fd 2 to an unlinked temporary file while the screen is up, so runtime messages
/// cannot scribble over it; `gs_release_stderr` (or a crash) prints them afterwards.
/// Returns 1 on success.
int gs_capture_stderr(void);

/// Copies what fd 2 wrote while the screen was up back to the real stderr and reconnects fd 2.
void gs_release_stderr(void);

#endif
