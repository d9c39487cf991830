/// Every realized-vol estimator over one price history: over the whole file and over rolling
/// windows of `window` bars. What `gammascalp vol` prints.
///
/// A bar is a row with the row before it (its previous close), so n rows give n − 1 bars and
/// every estimator sees the same periods. Vols are annualised fractions, A = the history's
/// periods per year. Without open, high and low columns only close-to-close is available.
public struct RealizedVolReport: Sendable, Hashable {
    /// Rows in the file.
    public var rows: Int
    /// Bars in each rolling window.
    public var window: Int
    /// A, periods per year the vols are annualised with.
    public var periodsPerYear: Double
    /// Each available estimator over every bar, annualised vol (fraction).
    public var fullSample: [RangeVolEstimator: Double]
    /// Each available estimator over rolling windows.
    public var rolling: [RangeVolEstimator: RollingVolSummary]
    /// Returns across a night (intraday files) that close-to-close left out.
    public var nightsSkipped = 0
    /// The range columns the file lacks ("open", "high", "low"); empty when it has all three.
    public var missingColumns: [String]

    /// Needs 2 ≤ window ≤ history.steps (the bars in the file).
    public init(history: PriceHistory, window: Int) {
        precondition(window >= 2 && window <= history.steps, "window must be in 2 ... \(history.steps), got \(window)")
        rows = history.closes.count
        self.window = window
        periodsPerYear = history.periodsPerYear
        missingColumns = history.missingRangeColumns
        fullSample = [:]
        rolling = [:]
        let a = periodsPerYear
        // In an intraday file a return across a night is not one bar's move: close-to-close
        // skips it, as the session's estimators do, so it measures the trading hours' variance
        // like the range estimators (which read each bar's own open, high, low and close).
        // Yang-Zhang keeps the night in its overnight term σ_o², by design.
        let nights = history.overnightSteps
        nightsSkipped = nights.count
        if let bars = history.bars {
            for estimator in RangeVolEstimator.allCases where !(estimator == .closeToClose && !nights.isEmpty) {
                fullSample[estimator] = estimator.volatility(of: bars[...], periodsPerYear: a)
                rolling[estimator] = RollingVolSummary(estimator.rollingVolatilities(of: bars, window: window, periodsPerYear: a))
            }
        }
        if history.bars == nil || !nights.isEmpty {
            let returns = history.logReturns.enumerated().filter { !nights.contains($0.offset) }.map(\.element)
            fullSample[.closeToClose] = RangeVolEstimator.closeToCloseVolatility(returns: returns[...], periodsPerYear: a)
            rolling[.closeToClose] = RollingVolSummary(returns.count < window ? [] : (window...returns.count).compactMap {
                RangeVolEstimator.closeToCloseVolatility(returns: returns[($0 - window)..<$0], periodsPerYear: a)
            })
        }
    }
}

/// A rolling estimate's path summarised: the latest value and the mean, least and greatest
/// over all windows (annualised vol, fraction).
public struct RollingVolSummary: Sendable, Hashable {
    public var last: Double
    public var mean: Double
    public var min: Double
    public var max: Double

    /// Summarises `values` in time order; nil when there are none.
    public init?(_ values: [Double]) {
        guard let last = values.last, let least = values.min(), let greatest = values.max() else { return nil }
        self.last = last
        mean = values.reduce(0, +) / Double(values.count)
        min = least
        max = greatest
    }
}
