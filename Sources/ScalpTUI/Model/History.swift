import DequeModule
import ScalpEngine

/// The recent past the charts draw, one sample per step, in bounded ring buffers: a long
/// session keeps at most `capacity` samples per series, so memory stays flat.
public struct History: Sendable {
    public let capacity: Int
    public private(set) var steps: Deque<Int> = []
    public private(set) var spots: Deque<Double> = []
    public private(set) var pnls: Deque<Double> = []
    /// Realized vols (rolling window, EWMA) and the book's implied vol; NaN before defined.
    public private(set) var rollingVols: Deque<Double> = []
    public private(set) var ewmaVols: Deque<Double> = []
    public private(set) var impliedVols: Deque<Double> = []
    /// The range estimators' rolling vols, for the chart when `v` leads with one.
    public private(set) var rangeVols: RangeVolHistory

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 2)
        rangeVols = RangeVolHistory(capacity: self.capacity)
    }

    /// The series of `reading`'s estimate, one sample a step (NaN before defined).
    public func realizedVols(_ reading: VolatilityReading) -> Deque<Double> {
        switch reading {
        case .closeToClose: rollingVols
        case .ewma: ewmaVols
        case .parkinson, .garmanKlass, .rogersSatchell, .yangZhang:
            reading.rangeEstimator.flatMap { rangeVols.vols[$0] } ?? []
        }
    }

    public var count: Int { steps.count }

    /// Appends the session's state now (call once per step).
    public mutating func record(_ session: Session) {
        if steps.count == capacity {
            steps.removeFirst()
            spots.removeFirst()
            pnls.removeFirst()
            rollingVols.removeFirst()
            ewmaVols.removeFirst()
            impliedVols.removeFirst()
        }
        steps.append(session.step)
        spots.append(session.spot)
        pnls.append(session.pnl)
        rollingVols.append(session.rollingRealizedVol ?? .nan)
        ewmaVols.append(session.ewmaRealizedVol ?? .nan)
        let implied = session.book.live.isEmpty ? Double.nan : session.impliedVol
        impliedVols.append(implied)
        rangeVols.record(session)
    }
}
