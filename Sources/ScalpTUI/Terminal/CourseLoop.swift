/// The course screen's loop: draw when the state changed or the window did, wait for a key.
/// It ends on q or Ctrl-C, on Enter over an open briefing (the level to play is in `state`),
/// or at once on SIGTERM or SIGHUP, with the signal in the outcome.
public final class CourseLoop {
    public private(set) var state: CourseState
    private let backend: any TerminalBackend

    public init(state: CourseState, backend: any TerminalBackend) {
        self.state = state
        self.backend = backend
    }

    /// Runs until the trainee leaves or picks a level; returns the signal, if one stopped it.
    public func run() -> TerminationSignal? {
        var drawnRevision = -1
        var drawnSize = (width: -1, height: -1)
        while !state.exitRequested {
            let size = backend.size
            if state.revision != drawnRevision || size.width != drawnSize.width || size.height != drawnSize.height {
                backend.present(CourseScreen.render(state, width: size.width, height: size.height))
                (drawnRevision, drawnSize) = (state.revision, size)
            }
            guard let event = backend.nextEvent(timeout: 1) else { continue }
            let (redraw, signal) = ScreenEvents.apply(event, to: &state, backend: backend)
            if redraw { drawnRevision = -1 }
            if let signal { return signal }
        }
        return nil
    }
}
