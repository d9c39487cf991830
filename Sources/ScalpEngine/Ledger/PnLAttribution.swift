/// P&L in currency split by source. Per step, with the book's Greeks taken before the move:
/// - `delta`: net delta (options + stock) × dS
/// - `gamma`: ½·Γ·dS²
/// - `theta`: Θ·dt
/// - `vega`: Σ vega_i·dσ_i over the positions' implied-vol changes
/// - `costs`: spread and fees paid (≤ 0)
/// - `financing`: interest on cash plus dividends on stock held
/// - `funding`: perpetual-future funding received (paid when negative)
/// - `residual`: total − explained, the higher-order terms the Greeks leave out
public struct PnLAttribution: Sendable, Hashable, Codable {
    public var delta = 0.0
    public var gamma = 0.0
    public var theta = 0.0
    public var vega = 0.0
    public var costs = 0.0
    public var financing = 0.0
    public var funding = 0.0
    public var residual = 0.0

    public init() {}

    public init(delta: Double, gamma: Double, theta: Double, vega: Double, costs: Double,
                financing: Double, residual: Double) {
        self.delta = delta
        self.gamma = gamma
        self.theta = theta
        self.vega = vega
        self.costs = costs
        self.financing = financing
        self.residual = residual
    }

    /// The part the Greeks, costs and financing account for.
    public var explained: Double { delta + gamma + theta + vega + costs + financing + funding }
    /// Explained plus residual: the whole P&L.
    public var total: Double { explained + residual }

    public static func += (lhs: inout PnLAttribution, rhs: PnLAttribution) {
        lhs.delta += rhs.delta
        lhs.gamma += rhs.gamma
        lhs.theta += rhs.theta
        lhs.vega += rhs.vega
        lhs.costs += rhs.costs
        lhs.financing += rhs.financing
        lhs.funding += rhs.funding
        lhs.residual += rhs.residual
    }

    private enum CodingKeys: String, CodingKey { case delta, gamma, theta, vega, costs, financing, funding, residual }

    /// Funding is written only when there was some, and read as 0 when absent, so sessions
    /// without a perpetual encode exactly as before.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        delta = try c.decode(Double.self, forKey: .delta)
        gamma = try c.decode(Double.self, forKey: .gamma)
        theta = try c.decode(Double.self, forKey: .theta)
        vega = try c.decode(Double.self, forKey: .vega)
        costs = try c.decode(Double.self, forKey: .costs)
        financing = try c.decode(Double.self, forKey: .financing)
        funding = try c.decodeIfPresent(Double.self, forKey: .funding) ?? 0
        residual = try c.decode(Double.self, forKey: .residual)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(delta, forKey: .delta)
        try c.encode(gamma, forKey: .gamma)
        try c.encode(theta, forKey: .theta)
        try c.encode(vega, forKey: .vega)
        try c.encode(costs, forKey: .costs)
        try c.encode(financing, forKey: .financing)
        if funding != 0 { try c.encode(funding, forKey: .funding) }
        try c.encode(residual, forKey: .residual)
    }
}
