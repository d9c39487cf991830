import DequeModule
import ScalpEngine

/// The range estimators' rolling realized vol at each step, for the volatility chart when `v`
/// leads with one of them: the estimate over the session's window of bars as it stood at that
/// step, kept as the session runs (each bar's logs taken once) in ring buffers of `capacity`.
public struct RangeVolHistory: Sendable {
    public static let estimators: [RangeVolEstimator] = [.parkinson, .garmanKlass, .rogersSatchell, .yangZhang]

    public let capacity: Int
    /// Per estimator, one sample a step, oldest first; NaN before the estimator had its bars.
    public private(set) var vols: [RangeVolEstimator: Deque<Double>]
    private var rolling: RollingRangeVolatility?
    /// `session.bars.made` when last recorded: the bars after it are new.
    private var barsTaken = 0

    public init(capacity: Int) {
        self.capacity = capacity
        vols = Dictionary(uniqueKeysWithValues: Self.estimators.map { ($0, Deque()) })
    }

    /// Takes in the bars the session made since the last call and appends each estimate now.
    public mutating func record(_ session: Session) {
        if rolling == nil {
            rolling = RollingRangeVolatility(window: session.config.volatilityWindow, periodsPerYear: 1 / session.config.timeStep)
        }
        let bars = session.bars
        let fresh = min(bars.made - barsTaken, bars.recent.count)
        if fresh > 0 { for bar in bars.recent.suffix(fresh) { rolling?.append(bar) } }
        barsTaken = bars.made
        for estimator in Self.estimators {
            if vols[estimator]?.count == capacity { vols[estimator]?.removeFirst() }
            vols[estimator]?.append(rolling?.volatility(estimator) ?? .nan)
        }
    }
}
