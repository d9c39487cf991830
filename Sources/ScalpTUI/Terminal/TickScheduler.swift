/// Turns real time into simulated steps: at `stepsPerSecond` steps per second whatever the
/// frame rate, catching up at most `maximumCatchUp` seconds of steps after a stall (so a
/// suspended or slow process does not burst through the session).
public struct TickScheduler: Sendable {
    public var maximumCatchUp: Double
    /// Fractional steps owed.
    public private(set) var owed = 0.0
    private var last: Double?

    public init(maximumCatchUp: Double = 0.25) {
        self.maximumCatchUp = maximumCatchUp
    }

    /// The whole steps due at `now` (seconds on a monotonic clock).
    public mutating func due(now: Double, stepsPerSecond: Double, running: Bool) -> Int {
        defer { last = now }
        guard running, stepsPerSecond > 0, let last else {
            owed = 0
            return 0
        }
        owed += max(now - last, 0) * stepsPerSecond
        owed = min(owed, max(stepsPerSecond * maximumCatchUp, 1))
        let steps = Int(owed)
        owed -= Double(steps)
        return steps
    }

    /// Seconds until the next whole step is due.
    public func secondsToNextStep(stepsPerSecond: Double) -> Double {
        stepsPerSecond > 0 ? max(1 - owed, 0) / stepsPerSecond : .infinity
    }
}
