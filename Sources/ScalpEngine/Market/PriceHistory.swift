import Foundation

/// A real price series to replay instead of a simulated one: closes at evenly spaced times,
/// optionally each row's open, high and low, and the implied vol quoted beside each close.
public struct PriceHistory: Sendable, Hashable, Codable {
    /// The date or timestamp of each row, as written in the file (or, read for a report of
    /// the span, `PriceLabels.Kept.firstAndLast`, only the first row's and the last's).
    public var labels: PriceLabels
    /// Closing prices, currency (> 0).
    public var closes: [Double]
    /// Implied vol beside each close, annualised fraction; nil when the file has none.
    public var impliedVols: [Double]?
    /// Years between rows: 1/252 for daily data, trading time for intraday data.
    public var timeStep: Double
    /// True for one row per trading day.
    public var isDaily: Bool
    /// Each row's open, high and low, currency; nil when the file has no such column.
    public var opens: [Double]?
    public var highs: [Double]?
    public var lows: [Double]?

    /// Steps (row i to row i + 1) across a night: in an intraday file, those whose rows fall
    /// on different dates. Empty for daily rows, whose close-to-close returns all span a night.
    public private(set) var overnightSteps: Set<Int>

    /// The nights are found from `labels`, which must then be every row's.
    public init(labels: PriceLabels, closes: [Double], impliedVols: [Double]?, timeStep: Double, isDaily: Bool,
                opens: [Double]? = nil, highs: [Double]? = nil, lows: [Double]? = nil) {
        self.init(labels: labels, closes: closes, impliedVols: impliedVols, timeStep: timeStep, isDaily: isDaily,
                  opens: opens, highs: highs, lows: lows, overnightSteps: Self.overnightSteps(labels, isDaily: isDaily))
    }

    init(labels: PriceLabels, closes: [Double], impliedVols: [Double]?, timeStep: Double, isDaily: Bool,
         opens: [Double]?, highs: [Double]?, lows: [Double]?, overnightSteps: Set<Int>) {
        self.labels = labels
        self.closes = closes
        self.impliedVols = impliedVols
        self.timeStep = timeStep
        self.isDaily = isDaily
        self.opens = opens
        self.highs = highs
        self.lows = lows
        self.overnightSteps = overnightSteps
    }

    /// Rows a year, A, for annualising a per-row variance: 252 for daily rows, and for
    /// intraday rows the number of their steps in 252 trading days of 6.5 hours.
    public var periodsPerYear: Double { isDaily ? DayCount.tradingDaysPerYear : 1 / timeStep }

    /// The steps whose rows' labels fall on different dates; none for daily rows.
    static func overnightSteps(_ labels: PriceLabels, isDaily: Bool) -> Set<Int> {
        guard !isDaily else { return [] }
        func day(_ row: Int) -> Int? {
            labels.withBytes(row) { PriceHistory.parseTime(bytes: $0).map { Int(($0.0 / 86_400).rounded(.down)) } }
        }
        var nights = Set<Int>(), previous = labels.isEmpty ? nil : day(0)
        for row in labels.indices.dropFirst() {
            let today = day(row)
            if today != nil && today != previous { nights.insert(row - 1) }
            previous = today
        }
        return nights
    }

    /// ln(C/C₋₁) for each row after the first.
    public var logReturns: [Double] { zip(closes.dropFirst(), closes).map { log($0 / $1) } }

    /// One bar per row after the first (with the row before's close), when the file has
    /// open, high and low columns; nil otherwise.
    public var bars: [PriceBar]? {
        guard let opens, let highs, let lows else { return nil }
        return closes.indices.dropFirst().map {
            PriceBar(previousClose: closes[$0 - 1], open: opens[$0], high: highs[$0], low: lows[$0], close: closes[$0])
        }
    }

    /// The range columns missing from the file, of "open", "high", "low".
    public var missingRangeColumns: [String] {
        [("open", opens), ("high", highs), ("low", lows)].filter { $0.1 == nil }.map(\.0)
    }

    /// Steps in the replay: one per row after the first.
    public var steps: Int { closes.count - 1 }

    /// A scenario that replays this history: spot at the first close, one option position
    /// (call, put or straddle) struck at `strike` (default the first close, at the money)
    /// expiring at the last row, at the file's implied vol (which then moves with it) or
    /// at `impliedVol`.
    public func scenario(name: String, kinds: [OptionKind], strike: Double? = nil, quantity: Double, multiplier: Double,
                         impliedVol: Double, rate: Double, dividendYield: Double, costs: TransactionCosts,
                         lotSize: Double, hedgeRule: HedgeRule, autoHedge: Bool) -> Scenario {
        let expiry = Double(steps) * timeStep
        let openingVol = impliedVols?.first ?? impliedVol
        let positions = kinds.map {
            OptionPosition(kind: $0, strike: strike ?? closes[0], expiry: expiry, quantity: quantity,
                           multiplier: multiplier, impliedVol: openingVol)
        }
        let config = SessionConfig(
            spot: closes[0], rate: rate, dividendYield: dividendYield,
            process: .historical(HistoricalPath(self)), timeStep: timeStep, steps: steps,
            book: OptionBook(positions), costs: costs, lotSize: lotSize, hedgeRule: hedgeRule, autoHedge: autoHedge,
            volatilityWindow: isDaily ? 21 : 78, ewmaHalfLife: isDaily ? 10 : 39)
        let span = "\(labels.first ?? "?") to \(labels.last ?? "?")"
        return Scenario(
            name: name,
            description: "Replays \(closes.count) real closes, \(span)" + (impliedVols == nil ? "." : ", with their implied vol."),
            learningGoal: "How gamma scalping at the quoted implied vol would have gone through this history.",
            config: config, stepsPerSecond: isDaily ? 2 : 10, atmImpliedVol: openingVol,
            impliedVolDynamics: impliedVols.map { .historical(ImpliedVolSeries($0)) } ?? .constant)
    }
}

extension PriceHistory {
    /// The practice session `play --prices` runs on this history: `structure` (default a
    /// straddle) of `quantity` contracts of 100 (negative is short) struck at `strike` (default
    /// the first close), expiring on the last row, bought at the file's first implied vol (or
    /// `impliedVol`); cash at 5%, lots of 100 shares, costs of 1 bp of notional plus half a cent
    /// a share, hedged by hand or on `band:100`, against a benchmark hedging every step.
    public func practiceScenario(name: String, structure: OptionStructure = .straddle, strike: Double? = nil,
                                 quantity: Double = 10, impliedVol: Double = 0.20) -> Scenario {
        scenario(name: name, kinds: structure.legs, strike: strike, quantity: quantity, multiplier: 100,
                 impliedVol: impliedVol, rate: 0.05, dividendYield: 0,
                 costs: TransactionCosts(halfSpreadBps: 1, feePerShare: 0.005), lotSize: 100,
                 hedgeRule: .band(DeltaBandHedge(halfWidth: 100)), autoHedge: false)
    }

    /// The hedging study `simulate --prices` runs on this history: `units` (negative is short)
    /// of each leg of `structure` (default a call), one share each, struck at `strike` (default
    /// the first close), expiring on the last row, bought at the file's implied vol (or
    /// `impliedVol`); cash at `rate`, no costs, fractional shares, hedged every step from the
    /// start. `simulate`'s flags then change the hedging and costs.
    public func hedgingStudy(name: String, structure: OptionStructure = .call, strike: Double? = nil,
                             units: Double = 1, impliedVol: Double = 0.20, rate: Double = 0.05,
                             dividendYield: Double = 0) -> Scenario {
        scenario(name: name, kinds: structure.legs, strike: strike, quantity: units, multiplier: 1,
                 impliedVol: impliedVol, rate: rate, dividendYield: dividendYield, costs: .free, lotSize: 0,
                 hedgeRule: .every(PeriodicHedge(interval: 1)), autoHedge: true)
    }
}

/// A `PriceProcess` that steps through recorded closes: no randomness, the same path every run.
public struct HistoricalPath: PriceProcess, Hashable, Codable {
    public let closes: [Double]
    /// Trailing realized vol at each row (21 returns), annualised: the "realized" vol a hedger
    /// at realized vol uses.
    public let trailingVols: [Double]
    /// Each row's open, high and low (currency), when the file has the column; nil otherwise.
    public let opens: [Double]?
    public let highs: [Double]?
    public let lows: [Double]?
    /// Index of the current close.
    public private(set) var index = 0
    /// Steps (from row i to row i + 1) that cross a night in an intraday file: the session
    /// treats them as gaps (see `Session.isCrossingGap`). nil in journals written before
    /// gaps were told apart, which replay as recorded.
    public let overnightSteps: Set<Int>?

    public init(_ history: PriceHistory) {
        closes = history.closes
        (opens, highs, lows) = (history.opens, history.highs, history.lows)
        let nights = history.overnightSteps
        overnightSteps = nights
        var estimator = RealizedVolEstimator(window: 21)
        var vols: [Double] = []
        let fallback = history.impliedVols?.first ?? 0.2
        for (i, close) in history.closes.enumerated() {
            // An overnight return is not one bar's move: the trailing vol skips it, as the session's estimators do.
            if i > 0, !nights.contains(i - 1) { estimator.add(logReturn: log(close / history.closes[i - 1])) }
            vols.append(estimator.volatility(dt: history.timeStep) ?? fallback)
        }
        trailingVols = vols
    }

    public mutating func advance(spot: Double, dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        if index < closes.count - 1 { index += 1 }
        return closes[index]
    }

    public var instantaneousVolatility: Double { trailingVols[index] }

    /// Whether the file gave each row's high and low.
    public var hasRanges: Bool { highs != nil && lows != nil }

    /// The bar of row `row` (≥ 1), with the row before's close. A column the file lacks is
    /// filled in: the open is the close before, the high and low the larger and smaller of
    /// open and close. The high and low always take in the open and the close.
    public func bar(at row: Int) -> PriceBar {
        let close = closes[row], previousClose = closes[row - 1]
        let open = opens?[row] ?? previousClose
        let high = max(highs?[row] ?? open, open, close)
        let low = min(lows?[row] ?? open, open, close)
        return PriceBar(previousClose: previousClose, open: open, high: high, low: low, close: close)
    }
}

/// Implied vol read from a recorded series, one value per step.
public struct ImpliedVolSeries: Sendable, Hashable, Codable {
    public let values: [Double]
    public private(set) var index = 0

    public init(_ values: [Double]) { self.values = values }

    /// The next recorded value (the last one once the series is exhausted).
    public mutating func next() -> Double {
        if index < values.count - 1 { index += 1 }
        return values[index]
    }
}
