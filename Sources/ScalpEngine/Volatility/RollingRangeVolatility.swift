/// The range estimators' rolling estimate, kept step by step: each bar's logs are taken once
/// as it arrives (the per-bar terms of `RangeVolEstimator`), and the estimate over the last
/// `window` bars sums the terms kept, oldest first, as `RangeVolEstimator.variance(of:)` does
/// over the bars, so the two agree to the last bit. Memory is 2 × `window` bars' terms.
public struct RollingRangeVolatility: Sendable {
    /// One bar's share of each estimator, per period (log returns, not annualised).
    struct Terms: Sendable {
        var parkinson = 0.0
        var garmanKlass = 0.0
        var rogersSatchell = 0.0
        var overnight = 0.0
        var body = 0.0

        init() {}

        init(_ bar: PriceBar) {
            parkinson = RangeVolEstimator.parkinson.term(bar) ?? 0
            garmanKlass = RangeVolEstimator.garmanKlass.term(bar) ?? 0
            rogersSatchell = RangeVolEstimator.rogersSatchellTerm(bar)
            (overnight, body) = (bar.overnightReturn, bar.openToCloseReturn)
        }
    }

    /// The four range estimators over one window, annualised vols (fractions).
    public struct Estimates: Sendable, Hashable {
        public var parkinson: Double
        public var garmanKlass: Double
        public var rogersSatchell: Double
        /// nil with fewer than 2 bars.
        public var yangZhang: Double?

        /// `estimator`'s vol; nil for close-to-close, which is not kept here.
        public subscript(estimator: RangeVolEstimator) -> Double? {
            switch estimator {
            case .closeToClose: nil
            case .parkinson: parkinson
            case .garmanKlass: garmanKlass
            case .rogersSatchell: rogersSatchell
            case .yangZhang: yangZhang
            }
        }
    }

    /// Bars the estimate looks back over.
    public var window: Int { terms.capacity }
    /// Bars a year, to annualise.
    public let periodsPerYear: Double
    private var terms: WindowRing<Terms>

    /// `window` bars (at least 1) of 1/`periodsPerYear` years each.
    public init(window: Int, periodsPerYear: Double) {
        terms = WindowRing(capacity: window, filler: Terms())
        self.periodsPerYear = periodsPerYear
    }

    /// Bars in the window now, at most `window`.
    public var count: Int { terms.count }

    /// Takes in the next bar, forgetting the oldest beyond the window.
    public mutating func append(_ bar: PriceBar) {
        terms.append(Terms(bar))
    }

    /// Takes in the next bar's terms, already worked out.
    mutating func append(_ barTerms: Terms) {
        terms.append(barTerms)
    }

    /// `estimator`'s annualised volatility (fraction) over the bars in the window; nil with
    /// fewer than `estimator.minimumBars` bars. Close-to-close is not kept here: nil.
    public func volatility(_ estimator: RangeVolEstimator) -> Double? {
        estimates()?[estimator]
    }

    /// Every range estimator over the bars in the window, in one pass over the terms (two for
    /// Yang-Zhang's variances); nil before the first bar.
    public func estimates() -> Estimates? {
        guard count > 0 else { return nil }
        let a = periodsPerYear
        return terms.withValues { window in
            // Each sum starts at 0 and adds oldest first, as `reduce` does in `RangeVolEstimator`.
            var parkinson = 0.0, garmanKlass = 0.0, rogersSatchell = 0.0, overnight = 0.0, body = 0.0
            for bar in window {
                parkinson += bar.parkinson
                garmanKlass += bar.garmanKlass
                rogersSatchell += bar.rogersSatchell
                overnight += bar.overnight
                body += bar.body
            }
            let n = Double(window.count)
            func annualised(_ perPeriod: Double) -> Double { (max(perPeriod, 0) * a).squareRoot() }
            var estimates = Estimates(parkinson: annualised(parkinson / n), garmanKlass: annualised(garmanKlass / n),
                                      rogersSatchell: annualised(rogersSatchell / n), yangZhang: nil)
            guard window.count >= 2 else { return estimates }
            let overnightMean = overnight / n, bodyMean = body / n
            var overnightSquares = 0.0, bodySquares = 0.0
            for bar in window {
                overnightSquares += (bar.overnight - overnightMean) * (bar.overnight - overnightMean)
                bodySquares += (bar.body - bodyMean) * (bar.body - bodyMean)
            }
            estimates.yangZhang = annualised(RangeVolEstimator.yangZhangPerPeriod(
                overnightVariance: overnightSquares / (n - 1), bodyVariance: bodySquares / (n - 1),
                rogersSatchellSum: rogersSatchell, count: window.count))
            return estimates
        }
    }
}
