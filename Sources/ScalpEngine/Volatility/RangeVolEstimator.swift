import Foundation

/// Realized-volatility estimators over a run of bars, as desks read them. Each gives an
/// annualised variance (fraction² per year; its square root is the annualised vol as a
/// fraction) from n bars spaced 1/A years apart, A = periods per year (252 for daily bars):
///
/// - close-to-close: A·mean(r²), r = ln(C/C₋₁); zero-mean, like the EWMA and the gamma P&L.
/// - Parkinson (1980): A·mean(ln(H/L)²)/(4 ln 2). Open-to-close variance of a driftless path.
/// - Garman-Klass (1980): A·mean(½·ln(H/L)² − (2 ln 2 − 1)·ln(C/O)²). Same target, less noise.
/// - Rogers-Satchell (1991): A·mean(ln(H/C)·ln(H/O) + ln(L/C)·ln(L/O)). Unbiased for the
///   open-to-close variance whatever the drift.
/// - Yang-Zhang (2000): A·(σ_o² + k·σ_c² + (1 − k)·σ_rs²), k = 0.34/(1.34 + (n+1)/(n−1)),
///   σ_o² and σ_c² the sample variances (n − 1) of ln(O/C₋₁) and ln(C/O), σ_rs² the
///   Rogers-Satchell mean. The only range estimator that also counts the overnight gap.
///
/// Parkinson, Garman-Klass and Rogers-Satchell measure the open-to-close part only; with
/// overnight gaps they read below close-to-close by the gap's variance.
public enum RangeVolEstimator: String, CaseIterable, Sendable, Hashable, Codable {
    case closeToClose = "close_to_close"
    case parkinson
    case garmanKlass = "garman_klass"
    case rogersSatchell = "rogers_satchell"
    case yangZhang = "yang_zhang"

    /// The trader's name, e.g. "Garman-Klass".
    public var name: String {
        switch self {
        case .closeToClose: "close-to-close"
        case .parkinson: "Parkinson"
        case .garmanKlass: "Garman-Klass"
        case .rogersSatchell: "Rogers-Satchell"
        case .yangZhang: "Yang-Zhang"
        }
    }

    /// False only for close-to-close, which needs closes alone.
    public var needsOpenHighLow: Bool { self != .closeToClose }

    /// Bars the estimator needs: two for Yang-Zhang's sample variances, one otherwise.
    public var minimumBars: Int { self == .yangZhang ? 2 : 1 }

    /// One bar's contribution to the mean, per period (log return², not annualised); nil for
    /// Yang-Zhang, which is not a mean of per-bar terms.
    public func term(_ bar: PriceBar) -> Double? {
        switch self {
        case .closeToClose:
            let r = bar.closeToCloseReturn
            return r * r
        case .parkinson:
            let range = bar.logRange
            return range * range / (4 * M_LN2)
        case .garmanKlass:
            let range = bar.logRange, body = bar.openToCloseReturn
            return 0.5 * range * range - (2 * M_LN2 - 1) * body * body
        case .rogersSatchell:
            return Self.rogersSatchellTerm(bar)
        case .yangZhang:
            return nil
        }
    }

    /// Annualised variance over `bars` (fraction² per year); nil with fewer than
    /// `minimumBars` bars. Never negative.
    public func variance(of bars: ArraySlice<PriceBar>, periodsPerYear: Double) -> Double? {
        guard bars.count >= minimumBars else { return nil }
        let perPeriod: Double
        if self == .yangZhang {
            perPeriod = Self.yangZhangPerPeriod(overnight: bars.lazy.map(\.overnightReturn),
                                                body: bars.lazy.map(\.openToCloseReturn),
                                                rogersSatchell: bars.lazy.map(Self.rogersSatchellTerm), count: bars.count)
        } else {
            perPeriod = bars.reduce(0) { $0 + (term($1) ?? 0) } / Double(bars.count)
        }
        return max(perPeriod, 0) * periodsPerYear
    }

    /// Yang-Zhang's variance per period (not annualised, may be slightly negative) from each of
    /// `count` bars' overnight return ln(O/C₋₁), open-to-close return ln(C/O) and
    /// Rogers-Satchell term, oldest first; `count` ≥ 2.
    public static func yangZhangPerPeriod(overnight: some Sequence<Double>, body: some Sequence<Double>,
                                          rogersSatchell: some Sequence<Double>, count: Int) -> Double {
        let n = Double(count)
        return yangZhangPerPeriod(overnightVariance: sampleVariance(overnight, count: n),
                                  bodyVariance: sampleVariance(body, count: n),
                                  rogersSatchellSum: rogersSatchell.reduce(0, +), count: count)
    }

    /// Yang-Zhang's variance per period from the sample variances of ln(O/C₋₁) and ln(C/O)
    /// and the sum of the Rogers-Satchell terms over `count` ≥ 2 bars.
    static func yangZhangPerPeriod(overnightVariance: Double, bodyVariance: Double, rogersSatchellSum: Double,
                                   count: Int) -> Double {
        let n = Double(count)
        let k = 0.34 / (1.34 + (n + 1) / (n - 1))
        return overnightVariance + k * bodyVariance + (1 - k) * rogersSatchellSum / n
    }

    /// Annualised volatility over `bars`, fraction: √variance.
    public func volatility(of bars: ArraySlice<PriceBar>, periodsPerYear: Double) -> Double? {
        variance(of: bars, periodsPerYear: periodsPerYear)?.squareRoot()
    }

    /// Annualised volatility over each run of `window` consecutive bars, one value per run,
    /// in time order (the first covers bars 0 ..< window). Empty when `window` exceeds the bars.
    public func rollingVolatilities(of bars: [PriceBar], window: Int, periodsPerYear: Double) -> [Double] {
        precondition(window >= minimumBars, "a \(name) window needs at least \(minimumBars) bars")
        guard bars.count >= window else { return [] }
        return (window...bars.count).map { end in
            volatility(of: bars[(end - window)..<end], periodsPerYear: periodsPerYear) ?? 0
        }
    }

    /// Zero-mean close-to-close volatility from log returns alone (files without
    /// open/high/low): √(A·mean r²), fraction.
    public static func closeToCloseVolatility(returns: ArraySlice<Double>, periodsPerYear: Double) -> Double? {
        guard !returns.isEmpty else { return nil }
        return (returns.reduce(0) { $0 + $1 * $1 } / Double(returns.count) * periodsPerYear).squareRoot()
    }

    /// ln(H/C)·ln(H/O) + ln(L/C)·ln(L/O): ≥ 0, since the high is above and the low below both.
    static func rogersSatchellTerm(_ bar: PriceBar) -> Double {
        log(bar.high / bar.close) * log(bar.high / bar.open) + log(bar.low / bar.close) * log(bar.low / bar.open)
    }

    /// Sample variance (n − 1) in two passes: the mean first, so large means cannot cancel.
    static func sampleVariance(_ values: some Sequence<Double>, count n: Double) -> Double {
        let mean = values.reduce(0, +) / n
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    }
}
