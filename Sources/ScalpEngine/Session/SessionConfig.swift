/// Which volatility the hedger plugs into the delta it hedges to.
public enum HedgeVolatility: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each position's implied vol: the trader's usual choice, what the options were bought at.
    case implied
    /// The session's own EWMA realized vol (the estimator on the vol panel, its half-life set
    /// by `SessionConfig.ewmaHalfLife`): what a trader can measure. Each position's implied vol
    /// until the estimator has two returns.
    case ewma
    /// The session's own rolling-window realized vol (`SessionConfig.volatilityWindow` returns,
    /// sample variance). Each position's implied vol until the window has two returns.
    case rolling
    /// The price process's true current volatility, which no trader can see: a teaching device
    /// that makes the hedged P&L nearly deterministic. Journals written before the estimators
    /// existed say `realized` for it, and still decode to it.
    case trueVolatility = "true"

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        // Old journals' name for the true vol: they replay as they were recorded.
        if text == "realized" { self = .trueVolatility; return }
        guard let choice = HedgeVolatility(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "unknown hedge volatility \"\(text)\""))
        }
        self = choice
    }

    /// Whether the hedge vol is the session's own realized-vol estimate.
    public var isEstimated: Bool { self == .ewma || self == .rolling }
}

/// Which delta the hedger hedges: Black-Scholes, or the smile's too.
public enum HedgeDelta: String, Sendable, Hashable, Codable, CaseIterable {
    /// Each option's Black-Scholes delta at the hedge vol: right when the option's implied vol
    /// does not move with spot (sticky-strike without a spot-vol link).
    case bs
    /// The Black-Scholes delta plus vega · ∂σ/∂S, ∂σ/∂S from the sticky rule and the spot-vol
    /// link (`ImpliedVolModel.volSpotSlope`): the delta of the book as the market re-marks it,
    /// dV/dS along the surface.
    case smile
}

/// How much a session records as it runs.
public enum SessionDetail: String, Sendable, Hashable, Codable {
    /// Greeks, P&L attribution, volatility estimators and a trade history every step: the live screen.
    case full
    /// Only what the final P&L needs (cash, stock, trades, costs): the Monte Carlo's inner loop.
    case pnlOnly
}

/// Everything that fixes a session's market and rules before its first step.
public struct SessionConfig: Sendable, Hashable, Codable {
    /// Spot at time 0, currency.
    public var spot: Double
    /// Riskless rate, continuously compounded per year (fraction): cash accrues at it.
    public var rate: Double
    /// Continuous dividend yield per year (fraction): stock held earns it as cash.
    public var dividendYield: Double
    /// The process the spot follows.
    public var process: MarketProcess
    /// Simulated time per step, years.
    public var timeStep: Double
    /// Steps in the session; the session ends (stock closed out) after the last one.
    public var steps: Int
    /// The options held at time 0, bought (or sold) at their model value at their implied vol.
    public var book: OptionBook
    public var costs: TransactionCosts
    /// Shares per lot: hedges round to it, `b`/`s` trade one; 0 means fractional shares.
    public var lotSize: Double
    public var hedgeRule: HedgeRule
    /// Whether the hedge rule trades automatically from the start (and hedges at time 0).
    public var autoHedge: Bool
    public var hedgeVolatility: HedgeVolatility
    public var detail: SessionDetail
    /// Returns in the rolling realized-vol window.
    public var volatilityWindow: Int
    /// Half-life in steps of the EWMA realized vol.
    public var ewmaHalfLife: Double
    /// Trades kept in memory for the blotter (the journal keeps them all).
    public var tradeHistory: Int
    /// How implied vols move; nil keeps every position at the vol it was booked at.
    public var impliedVolModel: ImpliedVolModel?
    /// Price gaps and implied-vol jumps at known times.
    public var events: EventSchedule
    /// Execution terms other than the standard ones, nil for standard: stored this way so a
    /// configuration without them encodes (in journals) exactly as before. Set `executionTerms`.
    public private(set) var execution: ExecutionTerms?
    /// `hedgeDelta` when not Black-Scholes, nil for it: stored this way so a configuration
    /// hedging Black-Scholes deltas encodes (in journals) exactly as before.
    private var smileHedge: HedgeDelta?

    /// Which delta the hedger hedges (`HedgeDelta.bs` unless set).
    public var hedgeDelta: HedgeDelta {
        get { smileHedge ?? .bs }
        set { smileHedge = newValue == .bs ? nil : newValue }
    }
    /// The day count asked for (`[market] calendar`); nil derives it (see `dayCount`), so
    /// configurations written before the key existed mean what they meant.
    public var dayCountChoice: DayCount?
    /// The equity trading calendar (`[execution] calendar = "equity"`): 6.5-hour days, gaps
    /// over nights and weekends. nil trades around the clock. With it, `timeStep` is the
    /// calendar's grid step and `steps` counts grid steps.
    public var equityCalendar: EquityCalendar?

    /// How orders meet the market (`ExecutionTerms.standard` unless set).
    public var executionTerms: ExecutionTerms {
        get { execution ?? .standard }
        set { execution = newValue.isStandard ? nil : newValue }
    }

    public init(spot: Double, rate: Double = 0, dividendYield: Double = 0, process: MarketProcess,
                timeStep: Double, steps: Int, book: OptionBook, costs: TransactionCosts = .free,
                lotSize: Double = 0, hedgeRule: HedgeRule = .every(PeriodicHedge(interval: 1)), autoHedge: Bool = true,
                hedgeVolatility: HedgeVolatility = .implied, hedgeDelta: HedgeDelta = .bs, detail: SessionDetail = .full,
                volatilityWindow: Int = 100, ewmaHalfLife: Double = 50, tradeHistory: Int = 500,
                impliedVolModel: ImpliedVolModel? = nil, events: EventSchedule = [], execution: ExecutionTerms = .standard) {
        self.spot = spot
        self.rate = rate
        self.dividendYield = dividendYield
        self.process = process
        self.timeStep = timeStep
        self.steps = steps
        self.book = book
        self.costs = costs
        self.lotSize = lotSize
        self.hedgeRule = hedgeRule
        self.autoHedge = autoHedge
        self.hedgeVolatility = hedgeVolatility
        self.detail = detail
        self.volatilityWindow = volatilityWindow
        self.ewmaHalfLife = ewmaHalfLife
        self.tradeHistory = tradeHistory
        self.impliedVolModel = impliedVolModel
        self.events = events
        self.execution = execution.isStandard ? nil : execution
        self.hedgeDelta = hedgeDelta
    }

    /// The clock the session's days are counted on: the one asked for, else trading days for
    /// a price file (whose rows step in trading time) or the equity calendar, else calendar days.
    public var dayCount: DayCount {
        if let dayCountChoice { return dayCountChoice }
        if equityCalendar != nil { return .tradingDays }
        if case .historical = process { return .tradingDays }
        return .calendarDays
    }

    /// The session's clock: its day count and trading calendar.
    public var clock: SessionClock { SessionClock(dayCount: dayCount, calendar: equityCalendar) }

    /// Checks every field; the message names the field and its bad value.
    public func validate() throws(SessionConfigError) {
        func check(_ ok: Bool, _ field: String, _ value: Any, _ rule: String) throws(SessionConfigError) {
            if !ok { throw SessionConfigError(message: "\(field) \(rule), got \(value)") }
        }
        try check(spot.isFinite && spot > 0, "spot", spot, "must be a positive number")
        try check(rate.isFinite && abs(rate) < 10, "rate", rate, "must be a finite rate below 1000%")
        try check(dividendYield.isFinite && abs(dividendYield) < 10, "dividend", dividendYield, "must be a finite yield below 1000%")
        try check(timeStep.isFinite && timeStep > 0, "time step", timeStep, "must be positive")
        try check(steps >= 1, "steps", steps, "must be at least 1")
        try check(lotSize.isFinite && lotSize >= 0, "lot size", lotSize, "must be ≥ 0")
        try check(costs.halfSpreadBps.isFinite && costs.halfSpreadBps >= 0, "cost-bps", costs.halfSpreadBps, "must be ≥ 0")
        try check(costs.feePerShare.isFinite && costs.feePerShare >= 0, "fee", costs.feePerShare, "must be ≥ 0")
        try check(volatilityWindow >= 2, "volatility window", volatilityWindow, "must be at least 2")
        try check(ewmaHalfLife.isFinite && ewmaHalfLife > 0, "EWMA half-life", ewmaHalfLife, "must be positive")
        try check(process.instantaneousVolatility.isFinite && process.instantaneousVolatility >= 0,
                  "realized vol", process.instantaneousVolatility, "must be ≥ 0")
        try executionTerms.validate()
        if let equityCalendar {
            try equityCalendar.validate()
            try check(executionTerms.venue == .equity, "calendar", "equity", "needs venue equity (a perpetual trades 24/7)")
            try check(abs(timeStep / equityCalendar.timeStep - 1) < 1e-12, "time step", timeStep,
                      "must be the equity calendar's grid step \(equityCalendar.timeStep)")
        }
        for position in book.positions {
            try check(position.strike.isFinite && position.strike > 0, "strike", position.strike, "must be positive")
            try check(position.expiry.isFinite && position.expiry > 0, "expiry", position.expiry, "must be positive")
            try check(position.impliedVol.isFinite && position.impliedVol >= 0, "implied vol", position.impliedVol, "must be ≥ 0")
            try check(position.quantity.isFinite, "quantity", position.quantity, "must be finite")
            try check(position.multiplier.isFinite && position.multiplier > 0, "multiplier", position.multiplier, "must be positive")
        }
    }
}

/// A session configuration that cannot run.
public struct SessionConfigError: Error, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
