/// When a live loop next has something to do: the steps real time owes (`TickScheduler`),
/// whether a frame is due (at most `framesPerSecond` a second, and only when the state's
/// revision or the window changed since the last one), and how long the key read may wait
/// until one of those. `EventLoop` and `RaceLoop` pace themselves with it.
struct FramePacing {
    var framesPerSecond: Double
    /// The longest wait in one key read when nothing is scheduled, seconds.
    var idleTimeout: Double
    private var scheduler = TickScheduler()
    private var drawnRevision = -1
    private var drawnSize = (width: -1, height: -1)
    private var lastFrame = -Double.infinity

    init(framesPerSecond: Double, idleTimeout: Double = 0.5) {
        self.framesPerSecond = framesPerSecond
        self.idleTimeout = idleTimeout
    }

    /// The whole steps due at `now` (seconds); nothing while not running.
    mutating func stepsDue(now: Double, stepsPerSecond: Double, running: Bool) -> Int {
        scheduler.due(now: now, stepsPerSecond: stepsPerSecond, running: running)
    }

    /// Starts time again from `now` (after a pause), not from when it stopped.
    mutating func restart(now: Double) {
        _ = scheduler.due(now: now, stepsPerSecond: 0, running: false)
    }

    /// Whether what is on screen is older than `revision` or `size`.
    func needsFrame(revision: Int, size: (width: Int, height: Int)) -> Bool {
        revision != drawnRevision || size.width != drawnSize.width || size.height != drawnSize.height
    }

    /// Whether to draw at `now`: the screen is stale and the last frame far enough back.
    func isFrameDue(now: Double, revision: Int, size: (width: Int, height: Int)) -> Bool {
        // (A millisecond of slack: a deadline a rounding error away must not turn into a spin.)
        needsFrame(revision: revision, size: size) && now - lastFrame >= 1 / framesPerSecond - 0.001
    }

    mutating func drew(revision: Int, size: (width: Int, height: Int), at now: Double) {
        (drawnRevision, drawnSize, lastFrame) = (revision, size, now)
    }

    /// The next frame repaints whatever the revision (after a resize, Ctrl-L or Ctrl-Z).
    mutating func forgetFrame() { drawnRevision = -1 }

    /// Seconds the key read may wait from `now`: until the next step, the next frame or the
    /// idle timeout, whichever comes first (at least a millisecond, so it never spins).
    func wait(now: Double, stepsPerSecond: Double, running: Bool, revision: Int, size: (width: Int, height: Int)) -> Double {
        let frameInterval = 1 / framesPerSecond
        var deadline = now + idleTimeout
        if running {
            let nextStep = now + scheduler.secondsToNextStep(stepsPerSecond: stepsPerSecond)
            deadline = min(deadline, max(nextStep, lastFrame + frameInterval))
        }
        if needsFrame(revision: revision, size: size) { deadline = min(deadline, lastFrame + frameInterval) }
        return max(deadline - now, 0.001)
    }
}
