import DequeModule

/// The session's bars: each step's open, high, low and close (full detail only; the Monte
/// Carlo's `pnlOnly` paths keep none). The latest bar, and the last `window` of them for the
/// range estimators (`RangeVolEstimator`), annualised by the session's step.
///
/// A simulated step's high and low are the exact Brownian bridge's between its two closes
/// (see `Session+Bars`); the draws come from their own stream, so a path's closes, its fills
/// and its journal are the same with or without bars.
public struct SessionBars: Sendable {
    /// Bars kept for the estimators: the session's realized-vol window.
    public let window: Int
    /// The last `window` bars, oldest first.
    public private(set) var recent: Deque<PriceBar> = []
    /// The bar of the step just taken; nil before the first step.
    public var latest: PriceBar? { recent.last }
    /// Draws that complete a bar's high and low (`StepPathDraws`).
    var rng: Xoshiro256StarStar

    init(window: Int, rng: Xoshiro256StarStar) {
        self.window = max(window, 1)
        self.rng = rng
        recent = Deque(minimumCapacity: self.window)
    }

    mutating func append(_ bar: PriceBar) {
        if recent.count == window { recent.removeFirst() }
        recent.append(bar)
    }

    /// `estimator`'s annualised volatility (fraction) over the bars kept, `periodsPerYear`
    /// bars a year; nil with too few bars.
    public func volatility(_ estimator: RangeVolEstimator, periodsPerYear: Double) -> Double? {
        let bars = Array(recent)
        return estimator.volatility(of: bars[...], periodsPerYear: periodsPerYear)
    }
}
