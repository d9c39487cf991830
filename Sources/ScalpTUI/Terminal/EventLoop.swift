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
    public var framesPerSecond = 30.0
    /// The longest wait in one key read when nothing is scheduled.
    public var idleTimeout = 0.5
    /// Called with every key before it is handled (test hooks).
    public var keyHook: ((Key) -> Void)?
    /// Frames drawn so far.
    public private(set) var frames = 0
    /// Called after each frame with the time it took to render and present (seconds).
    public var frameObserver: ((Double) -> Void)?

    private let backend: any TerminalBackend
    private var journal: (any JournalSink)?
    private let clock: () -> Double
    private var scheduler = TickScheduler()
    private var drawnRevision = -1
    private var drawnSize = (width: -1, height: -1)
    private var lastFrame = -Double.infinity

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
        _ = scheduler.due(now: clock(), stepsPerSecond: state.stepsPerSecond, running: state.isRunning)
        while !state.exitRequested {
            let now = clock()
            let steps = scheduler.due(now: now, stepsPerSecond: state.stepsPerSecond, running: state.isRunning)
            if steps > 0 { state.advance(steps: steps) }
            writeJournal()
            let frameInterval = 1 / framesPerSecond
            // (A millisecond of slack, and waits of at least one: a deadline a rounding error
            // away must not turn into a spin.)
            if needsDraw, now - lastFrame >= frameInterval - 0.001 { draw(now: now) }

            // Sleep in the key read until the next thing to do.
            var deadline = now + idleTimeout
            if state.isRunning {
                let nextStep = now + scheduler.secondsToNextStep(stepsPerSecond: state.stepsPerSecond)
                deadline = min(deadline, max(nextStep, lastFrame + frameInterval))
            }
            if needsDraw { deadline = min(deadline, lastFrame + frameInterval) }
            guard let event = backend.nextEvent(timeout: max(deadline - now, 0.001)) else { continue }
            switch event {
            case .key(let key):
                keyHook?(key)
                if keyMap.command(for: key) == .redraw { backend.invalidate(); drawnRevision = -1 }
                let wasRunning = state.isRunning
                state.handle(key, keyMap: keyMap)
                if !wasRunning, state.isRunning {
                    // Resuming: time starts again from now, not from when it paused.
                    _ = scheduler.due(now: clock(), stepsPerSecond: state.stepsPerSecond, running: false)
                }
            case .resize, .resumed:
                backend.invalidate()
                drawnRevision = -1
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

    private var needsDraw: Bool {
        let size = backend.size
        return state.revision != drawnRevision || size.width != drawnSize.width || size.height != drawnSize.height
    }

    private func draw(now: Double) {
        let size = backend.size
        let grid = Dashboard.render(state, width: size.width, height: size.height, keyMap: keyMap)
        backend.present(grid)
        drawnRevision = state.revision
        drawnSize = size
        lastFrame = now
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
