/// What execution cost a session, in parts, and how its orders filled. All currency amounts
/// are totals since the start; costs are ≥ 0 amounts paid, `funding` is signed (received > 0).
public struct ExecutionCosts: Sendable, Hashable, Codable {
    /// Half-spreads paid by market orders, currency (≥ 0).
    public var spread = 0.0
    /// Temporary market impact paid by market orders, currency (≥ 0).
    public var impact = 0.0
    /// Fees paid: per share, taker and positive maker fees, currency (≥ 0).
    public var fees = 0.0
    /// Maker rebates received (negative maker fees), currency (≥ 0).
    public var rebates = 0.0
    /// Funding received (paid when negative), currency.
    public var funding = 0.0
    /// Limit orders filled.
    public var limitFills = 0
    /// Market orders filled (with the session's execution terms; plain trades are counted by the session).
    public var marketFills = 0
    /// Shares filled through the execution layer (limit fills and market orders under non-standard terms).
    public var sharesFilled = 0.0
    /// Σ (fill price − mid when sent) × shares over fills of orders in flight: what latency cost, currency.
    public var latencySlippage = 0.0

    public init() {}

    /// The parts as P&L, positive when earned, in the order views list them: spread, impact
    /// and fees paid (negative), maker rebates and funding received (positive).
    public var pnlParts: [(name: String, pnl: Double)] {
        [("spread", -spread), ("impact", -impact), ("fees", -fees), ("maker rebates", rebates), ("funding", funding)]
    }
}
