import ScalpJournal

/// The class board's loop, on one thread like the live screen's `EventLoop`: wait in the key
/// read until the next poll is due, look at the class folder at most once every
/// `pollInterval` seconds (each journal read only where it grew), and redraw when the state
/// changed or the window did. Keys and signals end it the same way as `play`: q or Ctrl-C
/// quits, SIGTERM and SIGHUP stop it at once with the signal in the outcome.
public final class BoardLoop {
    public private(set) var state: BoardState
    public private(set) var directory: ClassDirectory
    public var timing: ClassStanding.Timing
    /// Seconds between looks at the folder.
    public var pollInterval = 1.0
    /// Frames drawn so far.
    public private(set) var frames = 0

    private let backend: any TerminalBackend
    private let clock: () -> Double
    private var drawnRevision = -1
    private var drawnSize = (width: -1, height: -1)
    private var nextPoll = -Double.infinity

    public init(directory: String, backend: any TerminalBackend, timing: ClassStanding.Timing = .init(),
                clock: @escaping () -> Double) {
        state = BoardState(directory: directory)
        self.directory = ClassDirectory(path: directory)
        self.backend = backend
        self.timing = timing
        self.clock = clock
    }

    /// Runs until q, Ctrl-C or a terminating signal; returns the signal, if one stopped it.
    public func run() -> TerminationSignal? {
        var stoppedBy: TerminationSignal?
        while !state.exitRequested {
            let now = clock()
            if now >= nextPoll {
                directory.poll(now: now)
                state.update(ClassStanding(directory.followers, now: now, timing: timing), problem: directory.problem)
                nextPoll = now + pollInterval
            }
            let size = backend.size
            if state.revision != drawnRevision || size.width != drawnSize.width || size.height != drawnSize.height {
                backend.present(BoardScreen.render(state, width: size.width, height: size.height))
                drawnRevision = state.revision
                drawnSize = size
                frames += 1
            }
            guard let event = backend.nextEvent(timeout: max(nextPoll - clock(), 0.001)) else { continue }
            let (redraw, signal) = ScreenEvents.apply(event, to: &state, backend: backend)
            if redraw { drawnRevision = -1 }
            if let signal { stoppedBy = signal }
        }
        return stoppedBy
    }
}
