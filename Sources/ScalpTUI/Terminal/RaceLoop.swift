import ScalpEngine

/// `watch`'s loop, on one thread like the live screen's `EventLoop` and paced the same way
/// (`FramePacing`): wait in the key read until the next step or frame is due, advance the
/// race by the steps real time owes, grade the lanes and redraw at most `framesPerSecond`
/// times a second, only when something changed. At the last step it stays on screen until
/// q. q or Ctrl-C leaves; SIGTERM and SIGHUP stop it at once with the signal in the outcome.
public final class RaceLoop {
    public private(set) var state: WatchState
    public let keyMap: KeyMap
    /// Frames drawn so far.
    public private(set) var frames = 0

    private let backend: any TerminalBackend
    private let clock: () -> Double
    // Fewer frames than play's: each one grades every lane against its family.
    private var pacing = FramePacing(framesPerSecond: 20)

    public init(state: WatchState, backend: any TerminalBackend, keyMap: KeyMap = .standard, clock: @escaping () -> Double) {
        self.state = state
        self.backend = backend
        self.keyMap = keyMap
        self.clock = clock
    }

    /// Runs until q, Ctrl-C or a terminating signal; returns the signal, if one stopped it.
    public func run() -> TerminationSignal? {
        var stoppedBy: TerminationSignal?
        pacing.restart(now: clock())
        while !state.exitRequested {
            let now = clock()
            let steps = pacing.stepsDue(now: now, stepsPerSecond: state.stepsPerSecond, running: state.isRunning)
            if steps > 0 { state.advance(steps: steps) }
            if pacing.isFrameDue(now: now, revision: state.revision, size: backend.size) { draw(now: now) }
            let wait = pacing.wait(now: now, stepsPerSecond: state.stepsPerSecond, running: state.isRunning,
                                   revision: state.revision, size: backend.size)
            switch backend.nextEvent(timeout: wait) {
            case nil: continue
            case .key(let key)?:
                if keyMap.command(for: key) == .redraw { backend.invalidate(); pacing.forgetFrame() }
                let wasRunning = state.isRunning
                state.handle(key, keyMap: keyMap)
                if !wasRunning, state.isRunning { pacing.restart(now: clock()) }
            case .resize?, .resumed?:
                backend.invalidate()
                pacing.forgetFrame()
            case .signal(let signal)?:
                // Ctrl-C leaves as q does; the others also say which signal stopped it.
                if signal != .interrupt { stoppedBy = signal }
                state.requestExit()
            }
        }
        return stoppedBy
    }

    private func draw(now: Double) {
        // Points so far are graded once a frame, not once a step.
        state.refreshStandings()
        let size = backend.size
        backend.present(WatchScreen.render(state, width: size.width, height: size.height, keyMap: keyMap))
        pacing.drew(revision: state.revision, size: size, at: now)
        frames += 1
    }
}
