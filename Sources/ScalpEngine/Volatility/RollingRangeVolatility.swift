import DequeModule

/// The range estimators' rolling estimate, kept step by step: each bar's logs are taken once
/// as it arrives (the per-bar terms of `RangeVolEstimator`), and the estimate over the last
/// `window` bars sums the terms kept, oldest first, as `RangeVolEstimator.variance(of:)` does
/// over the bars, so the two agree to the last bit. Memory is `window` bars' terms.
public struct RollingRangeVolatility: Sendable {
    /// One bar's share of each estimator, per period (log returns, not annualised).
    struct Terms: Sendable {
        var parkinson: Double
        var garmanKlass: Double
        var rogersSatchell: Double
        var overnight: Double
        var body: Double

        init(_ bar: PriceBar) {
            parkinson = RangeVolEstimator.parkinson.term(bar) ?? 0
            garmanKlass = RangeVolEstimator.garmanKlass.term(bar) ?? 0
            rogersSatchell = RangeVolEstimator.rogersSatchellTerm(bar)
            (overnight, body) = (bar.overnightReturn, bar.openToCloseReturn)
        }
    }

    /// Bars the estimate looks back over.
    public let window: Int
    /// Bars a year, to annualise.
    public let periodsPerYear: Double
    private var terms: Deque<Terms> = []

    /// `window` bars (at least 1) of 1/`periodsPerYear` years each.
    public init(window: Int, periodsPerYear: Double) {
        (self.window, self.periodsPerYear) = (max(window, 1), periodsPerYear)
    }

    /// Bars in the window now, at most `window`.
    public var count: Int { terms.count }

    /// Takes in the next bar, forgetting the oldest beyond the window.
    public mutating func append(_ bar: PriceBar) {
        if terms.count == window { terms.removeFirst() }
        terms.append(Terms(bar))
    }

    /// `estimator`'s annualised volatility (fraction) over the bars in the window; nil with
    /// fewer than `estimator.minimumBars` bars. Close-to-close is not kept here: nil.
    public func volatility(_ estimator: RangeVolEstimator) -> Double? {
        guard estimator != .closeToClose, terms.count >= estimator.minimumBars else { return nil }
        let perPeriod: Double = switch estimator {
        case .closeToClose: 0
        case .parkinson: terms.reduce(0) { $0 + $1.parkinson } / Double(terms.count)
        case .garmanKlass: terms.reduce(0) { $0 + $1.garmanKlass } / Double(terms.count)
        case .rogersSatchell: terms.reduce(0) { $0 + $1.rogersSatchell } / Double(terms.count)
        case .yangZhang:
            RangeVolEstimator.yangZhangPerPeriod(overnight: terms.lazy.map(\.overnight), body: terms.lazy.map(\.body),
                                                 rogersSatchell: terms.lazy.map(\.rogersSatchell), count: terms.count)
        }
        return (max(perPeriod, 0) * periodsPerYear).squareRoot()
    }
}
