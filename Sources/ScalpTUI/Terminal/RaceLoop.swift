import ScalpEngine

/// `watch`'s loop, on one thread like the live screen's `EventLoop`: wait in the key read
/// until the next step is due, advance the race by the steps real time owes (`TickScheduler`),
/// grade the lanes and redraw at most `framesPerSecond` times a second, only when something
/// changed. At the last step it stays on screen until q. q or Ctrl-C leaves; SIGTERM and
/// SIGHUP stop it at once with the signal in the outcome.
public final class RaceLoop {
    public private(set) var state: WatchState
    public let keyMap: KeyMap
    public var framesPerSecond = 20.0
    /// The longest wait in one key read when nothing is scheduled.
    public var idleTimeout = 0.5
    /// Frames drawn so far.
    public private(set) var frames = 0

    private let backend: any TerminalBackend
    private let clock: () -> Double
    private var scheduler = TickScheduler()
    private var drawnRevision = -1
    private var drawnSize = (width: -1, height: -1)
    private var lastFrame = -Double.infinity

    public init(state: WatchState, backend: any TerminalBackend, keyMap: KeyMap = .standard, clock: @escaping () -> Double) {
        self.state = state
        self.backend = backend
        self.keyMap = keyMap
        self.clock = clock
    }

    /// Runs until q, Ctrl-C or a terminating signal; returns the signal, if one stopped it.
    public func run() -> TerminationSignal? {
        var stoppedBy: TerminationSignal?
        _ = scheduler.due(now: clock(), stepsPerSecond: state.stepsPerSecond, running: state.isRunning)
        while !state.exitRequested {
            let now = clock()
            let steps = scheduler.due(now: now, stepsPerSecond: state.stepsPerSecond, running: state.isRunning)
            if steps > 0 { state.advance(steps: steps) }
            let frameInterval = 1 / framesPerSecond
            // (A millisecond of slack, as in `EventLoop`: a deadline a rounding error away must not spin.)
            if needsDraw, now - lastFrame >= frameInterval - 0.001 { draw(now: now) }

            var deadline = now + idleTimeout
            if state.isRunning {
                let nextStep = now + scheduler.secondsToNextStep(stepsPerSecond: state.stepsPerSecond)
                deadline = min(deadline, max(nextStep, lastFrame + frameInterval))
            }
            if needsDraw { deadline = min(deadline, lastFrame + frameInterval) }
            guard let event = backend.nextEvent(timeout: max(deadline - now, 0.001)) else { continue }
            switch event {
            case .key(let key):
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
                state.requestExit()
            case .signal(let signal):
                stoppedBy = signal
                state.requestExit()
            }
        }
        return stoppedBy
    }

    private var needsDraw: Bool {
        let size = backend.size
        return state.revision != drawnRevision || size.width != drawnSize.width || size.height != drawnSize.height
    }

    private func draw(now: Double) {
        // Points so far are graded once per frame, not once per step.
        state.refreshStandings()
        let size = backend.size
        backend.present(WatchScreen.render(state, width: size.width, height: size.height, keyMap: keyMap))
        drawnRevision = state.revision
        drawnSize = size
        lastFrame = now
        frames += 1
    }
}
