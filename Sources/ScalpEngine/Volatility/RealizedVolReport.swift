import Foundation

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
        let closes = history.closes
        // One pass over the bars: each bar's logs once, every window's sums over terms kept in
        // a ring, each sum adding oldest first as `RangeVolEstimator` does, so every figure is
        // the one the estimator gives on that run of bars, to the bit.
        var squares = WindowRing(capacity: window, filler: 0.0)
        var closeToClose = RollingVolSummary.Accumulator(), squareSum = 0.0, returns = 0
        for step in 0..<history.steps where nights.isEmpty || !nights.contains(step) {
            let r = log(closes[step + 1] / closes[step])
            squares.append(r * r)
            squareSum += r * r
            returns += 1
            if squares.count == window {
                closeToClose.add((squares.withValues { $0.reduce(0, +) } / Double(window) * a).squareRoot())
            }
        }
        if returns > 0 { fullSample[.closeToClose] = (squareSum / Double(returns) * a).squareRoot() }
        rolling[.closeToClose] = closeToClose.summary

        guard let opens = history.opens, let highs = history.highs, let lows = history.lows else { return }
        var windows = RollingRangeVolatility(window: window, periodsPerYear: a)
        var summaries = [RollingVolSummary.Accumulator](repeating: .init(), count: 4)
        var sums = RollingRangeVolatility.Terms()
        func bar(_ row: Int) -> PriceBar {
            PriceBar(previousClose: closes[row - 1], open: opens[row], high: highs[row], low: lows[row], close: closes[row])
        }
        for row in 1..<closes.count {
            let terms = RollingRangeVolatility.Terms(bar(row))
            sums.parkinson += terms.parkinson
            sums.garmanKlass += terms.garmanKlass
            sums.rogersSatchell += terms.rogersSatchell
            sums.overnight += terms.overnight
            sums.body += terms.body
            windows.append(terms)
            guard windows.count == window, let estimates = windows.estimates() else { continue }
            summaries[0].add(estimates.parkinson)
            summaries[1].add(estimates.garmanKlass)
            summaries[2].add(estimates.rogersSatchell)
            summaries[3].add(estimates.yangZhang ?? 0)
        }
        let n = Double(history.steps)
        func annualised(_ perPeriod: Double) -> Double { (max(perPeriod, 0) * a).squareRoot() }
        // Yang-Zhang's variances take a second pass, around the means of the first.
        let overnightMean = sums.overnight / n, bodyMean = sums.body / n
        var overnightSquares = 0.0, bodySquares = 0.0
        for row in 1..<closes.count {
            let bar = bar(row), overnight = bar.overnightReturn, body = bar.openToCloseReturn
            overnightSquares += (overnight - overnightMean) * (overnight - overnightMean)
            bodySquares += (body - bodyMean) * (body - bodyMean)
        }
        let yangZhang = RangeVolEstimator.yangZhangPerPeriod(
            overnightVariance: overnightSquares / (n - 1), bodyVariance: bodySquares / (n - 1),
            rogersSatchellSum: sums.rogersSatchell, count: history.steps)
        let full: [(RangeVolEstimator, Double)] = [
            (.parkinson, sums.parkinson / n), (.garmanKlass, sums.garmanKlass / n),
            (.rogersSatchell, sums.rogersSatchell / n), (.yangZhang, yangZhang),
        ]
        for ((estimator, perPeriod), summary) in zip(full, summaries) {
            fullSample[estimator] = annualised(perPeriod)
            rolling[estimator] = summary.summary
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
        var accumulator = Accumulator()
        for value in values { accumulator.add(value) }
        guard let summary = accumulator.summary else { return nil }
        self = summary
    }

    /// The summary built one value at a time, in time order, keeping no values.
    struct Accumulator: Sendable {
        private var count = 0, sum = 0.0, last = 0.0, least = 0.0, greatest = 0.0

        mutating func add(_ value: Double) {
            if count == 0 || value < least { least = value }
            if count == 0 || greatest < value { greatest = value }
            sum += value
            last = value
            count += 1
        }

        /// nil before the first value.
        var summary: RollingVolSummary? {
            count == 0 ? nil : RollingVolSummary(last: last, mean: sum / Double(count), min: least, max: greatest)
        }
    }

    init(last: Double, mean: Double, min: Double, max: Double) {
        (self.last, self.mean, self.min, self.max) = (last, mean, min, max)
    }
}
