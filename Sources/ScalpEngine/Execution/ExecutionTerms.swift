/// How orders in the underlying meet the market: the quote's width, market impact, latency,
/// maker and taker fees and, on a perpetual, funding. The `[hedging]` half-spread in bps and
/// fee per share (`TransactionCosts`) stay where they are and keep their meaning; these terms
/// add to them. `standard` (every field at its default) is the plain model: a market order
/// fills at once at the mid less the half-spread and fee, and the session takes exactly the
/// steps it took before the execution layer existed.
public struct ExecutionTerms: Sendable, Hashable, Codable {
    public var venue: Venue = .equity
    /// Price increment, currency; 0 for continuous prices. The quoted spread is a whole
    /// number of ticks (at least one) when > 0.
    public var tick = 0.0
    /// k: the half-spread is at least k·σ·S·√dt (σ the process vol, dt the step, years).
    public var spreadVolMultiple = 0.0
    /// η of the square-root impact law: a market order of Q shares pays η·σ_day·S·√(Q/ADV)
    /// per share over the touch, σ_day = σ·√(1 day) on the session's clock.
    public var impact = 0.0
    /// ADV, shares a day; 0 turns impact off.
    public var dailyVolume = 0.0
    /// Milliseconds between sending a market order and its fill (at the price then).
    public var latencyMs = 0.0
    /// Fee on limit (maker) fills, bps of notional; negative is a rebate.
    public var makerFeeBps = 0.0
    /// Fee on market (taker) fills, bps of notional.
    public var takerFeeBps = 0.0
    /// Perpetual funding rate per year (fraction): longs pay shorts when positive.
    public var fundingRate = 0.0
    /// Hours between funding payments.
    public var fundingIntervalHours = 8.0
    /// A perpetual's coin ("BTC"), what its quantities are counted in (`TradingUnit`); nil:
    /// "coins". Optional so that terms without it encode and decode as before it existed.
    public var unit: String?
    /// Shares displayed at the bid and at the ask, which a market order takes at the touch
    /// without impact; 0 = not set (the depth is then the square-root book's, see `Quote`).
    public var touchSize: Double {
        get { displayedSize ?? 0 }
        set { displayedSize = newValue == 0 ? nil : newValue }
    }
    /// `touchSize` when set: optional so that terms without it encode (in journals) and
    /// decode exactly as before it existed.
    private var displayedSize: Double?

    public init(venue: Venue = .equity, tick: Double = 0, spreadVolMultiple: Double = 0, impact: Double = 0,
                dailyVolume: Double = 0, latencyMs: Double = 0, makerFeeBps: Double = 0, takerFeeBps: Double = 0,
                fundingRate: Double = 0, fundingIntervalHours: Double = 8, touchSize: Double = 0) {
        self.venue = venue
        self.tick = tick
        self.spreadVolMultiple = spreadVolMultiple
        self.impact = impact
        self.dailyVolume = dailyVolume
        self.latencyMs = latencyMs
        self.makerFeeBps = makerFeeBps
        self.takerFeeBps = takerFeeBps
        self.fundingRate = fundingRate
        self.fundingIntervalHours = fundingIntervalHours
        self.touchSize = touchSize
    }

    /// Today's plain model: every field at its default.
    public static let standard = ExecutionTerms()

    public var isStandard: Bool { self == .standard }

    /// Hours between funding payments, in years.
    public var fundingIntervalYears: Double { fundingIntervalHours / (24 * DayCount.calendarDaysPerYear) }

    /// Checks every field; the message names the field (as the scenario key) and its bad value.
    public func validate() throws(SessionConfigError) {
        func check(_ ok: Bool, _ field: String, _ value: Double, _ rule: String) throws(SessionConfigError) {
            if !ok { throw SessionConfigError(message: "\(field) \(rule), got \(value)") }
        }
        try check(tick.isFinite && tick >= 0, "tick", tick, "must be ≥ 0")
        try check(spreadVolMultiple.isFinite && spreadVolMultiple >= 0, "spread_vol_multiple", spreadVolMultiple, "must be ≥ 0")
        try check(impact.isFinite && impact >= 0, "impact", impact, "must be ≥ 0")
        try check(dailyVolume.isFinite && dailyVolume >= 0, "daily_volume", dailyVolume, "must be ≥ 0 (shares a day)")
        try check(latencyMs.isFinite && latencyMs >= 0, "latency_ms", latencyMs, "must be ≥ 0")
        try check(makerFeeBps.isFinite && abs(makerFeeBps) < 10_000, "maker_fee_bps", makerFeeBps, "must be between -10000 and 10000")
        try check(takerFeeBps.isFinite && takerFeeBps >= 0 && takerFeeBps < 10_000, "taker_fee_bps", takerFeeBps,
                  "must be between 0 and 10000")
        try check(fundingRate.isFinite && abs(fundingRate) < 10, "funding_rate", fundingRate, "must be between -10 and 10 (per year)")
        try check(fundingIntervalHours.isFinite && fundingIntervalHours > 0, "funding_interval_hours", fundingIntervalHours,
                  "must be > 0")
        try check(touchSize.isFinite && touchSize >= 0, "touch_size", touchSize, "must be ≥ 0 (shares)")
        try check(venue == .cryptoPerp || fundingRate == 0, "funding_rate", fundingRate, "needs venue crypto-perp")
    }
}

