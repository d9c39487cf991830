/// Something that happened at the terminal.
public enum TerminalEvent: Sendable, Hashable {
    case key(Key)
    /// The window changed size (KEY_RESIZE).
    case resize
    /// The process was continued after Ctrl-Z: redraw everything.
    case resumed
    case signal(TerminationSignal)
}

/// Signals that end the session; handlers only record them, the loop acts.
public enum TerminationSignal: Int32, Sendable, Hashable {
    case hangup = 1
    case interrupt = 2
    case terminate = 15
}

/// What the event loop needs from a terminal. `CursesTerminal` is the real one; tests use a
/// scripted one, so the loop runs without a terminal.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// Waits up to `timeout` seconds for an event; nil when the time ran out.
    func nextEvent(timeout: Double) -> TerminalEvent?
    /// Shows the grid (copying only what changed since the last one).
    func present(_ grid: Grid)
    /// Forgets what is on the screen, so the next `present` repaints all of it.
    func invalidate()
}
