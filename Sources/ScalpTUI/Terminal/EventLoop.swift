import ScalpJournal

/// How a run of the loop ended.
public struct LoopOutcome: Sendable {
    public var endReason: EndReason?
    /// The signal that stopped the loop at once (SIGTERM, SIGHUP), if any.
    public var signal: TerminationSignal?
}

/// The one loop of the live screen, on one thread (curses is not thread-safe): wait for a
/// key until the next step is due, turn keys into commands, advance the session by the
/// steps real time owes, write the journal, and redraw at most `framesPerSecond` times a
/// second and only when something changed. Simulated time is independent of the frame
/// rate: at high speed many steps pass per frame. When paused it sleeps in the key read.
public final class EventLoop {
    public private(set) var state: AppState
    public let keyMap: KeyMap
    public var framesPerSecond: Double {
        get { pacing.framesPerSecond }
        set { pacing.framesPerSecond = newValue }
    }
    /// The longest wait in one key read when nothing is scheduled.
    public var idleTimeout: Double {
        get { pacing.idleTimeout }
        set { pacing.idleTimeout = newValue }
    }
    /// Called with every key before it is handled (test hooks).
    public var keyHook: ((Key) -> Void)?
    /// Frames drawn so far.
    public private(set) var frames = 0
    /// Called after each frame with the time it took to render and present (seconds).
    public var frameObserver: ((Double) -> Void)?

    private let backend: any TerminalBackend
    private var journal: (any JournalSink)?
    private let clock: () -> Double
    private var pacing = FramePacing(framesPerSecond: 30)

    public init(state: AppState, backend: any TerminalBackend, journal: (any JournalSink)?,
                keyMap: KeyMap = .standard, clock: @escaping () -> Double) {
        self.state = state
        self.backend = backend
        self.journal = journal
        self.keyMap = keyMap
        self.clock = clock
        self.state.journalLocation = journal?.location
    }

    /// Runs until the user leaves the summary, or a SIGTERM/SIGHUP.
    public func run() -> LoopOutcome {
        var outcome = LoopOutcome()
        writeJournal()
        pacing.restart(now: clock())
        while !state.exitRequested {
            let now = clock()
            let steps = pacing.stepsDue(now: now, stepsPerSecond: state.stepsPerSecond, running: state.isRunning)
            if steps > 0 { state.advance(steps: steps) }
            writeJournal()
            let size = backend.size
            if pacing.isFrameDue(now: now, revision: state.revision, size: size) { draw(now: now) }

            // Sleep in the key read until the next thing to do.
            let wait = pacing.wait(now: now, stepsPerSecond: state.stepsPerSecond, running: state.isRunning,
                                   revision: state.revision, size: backend.size)
            guard let event = backend.nextEvent(timeout: wait) else { continue }
            switch event {
            case .key(let key):
                keyHook?(key)
                if keyMap.command(for: key) == .redraw { backend.invalidate(); pacing.forgetFrame() }
                let wasRunning = state.isRunning
                state.handle(key, keyMap: keyMap)
                // Resuming: time starts again from now, not from when it paused.
                if !wasRunning, state.isRunning { pacing.restart(now: clock()) }
            case .resize, .resumed:
                backend.invalidate()
                pacing.forgetFrame()
            case .signal(.interrupt):
                if state.endReason == nil { state.end(.quit) } else { state.requestExit() }
            case .signal(let signal):
                state.end(.terminated)
                state.requestExit()
                outcome.signal = signal
            }
        }
        writeJournal()
        outcome.endReason = state.endReason
        return outcome
    }

    private func draw(now: Double) {
        let size = backend.size
        let grid = Dashboard.render(state, width: size.width, height: size.height, keyMap: keyMap)
        backend.present(grid)
        pacing.drew(revision: state.revision, size: size, at: now)
        frames += 1
        frameObserver?(clock() - now)
    }

    /// Writes the pending journal events; syncs once if any was a trade or the end. A
    /// failing journal is reported on screen and then left alone.
    private func writeJournal() {
        do {
            try state.writeJournal(to: journal)
        } catch {
            state.journalProblem = "journal stopped: \(error)"
            journal = nil
        }
    }
}
