/// A screen's state that keys change and that can be asked to close: the class board's
/// and the course screen's.
public protocol KeyedScreenState {
    mutating func handle(_ key: Key)
    mutating func requestExit()
}

extension BoardState: KeyedScreenState {}
extension CourseState: KeyedScreenState {}

/// How the board's and the course screen's loops take a terminal event, as `play` does: Ctrl-L,
/// a resize or a resume redraws everything; a key goes to the state; Ctrl-C closes it; SIGTERM
/// and SIGHUP close it at once, the signal handed back.
enum ScreenEvents {
    /// Applies `event` to `state`; returns whether the whole screen must be redrawn, and the
    /// signal that stopped it, if one did.
    static func apply(_ event: TerminalEvent, to state: inout some KeyedScreenState,
                      backend: any TerminalBackend) -> (redraw: Bool, signal: TerminationSignal?) {
        switch event {
        case .key(.character("\u{0C}")), .resize, .resumed:
            backend.invalidate()
            return (true, nil)
        case .key(let key):
            state.handle(key)
        case .signal(.interrupt):
            state.requestExit()
        case .signal(let signal):
            state.requestExit()
            return (false, signal)
        }
        return (false, nil)
    }
}
