/// P&L in currency split by source. Per step, with the book's Greeks taken before the move:
/// - `delta`: net delta (options + stock) × dS
/// - `gamma`: ½·Γ·dS²
/// - `theta`: Θ·dt
/// - `vega`: Σ vega_i·dσ_i over the positions' implied-vol changes
/// - `costs`: spread and fees paid (≤ 0)
/// - `financing`: interest on cash plus dividends on stock held
/// - `residual`: total − explained, the higher-order terms the Greeks leave out
public struct PnLAttribution: Sendable, Hashable, Codable {
    public var delta = 0.0
    public var gamma = 0.0
    public var theta = 0.0
    public var vega = 0.0
    public var costs = 0.0
    public var financing = 0.0
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
    public var explained: Double { delta + gamma + theta + vega + costs + financing }
    /// Explained plus residual: the whole P&L.
    public var total: Double { explained + residual }

    public static func += (lhs: inout PnLAttribution, rhs: PnLAttribution) {
        lhs.delta += rhs.delta
        lhs.gamma += rhs.gamma
        lhs.theta += rhs.theta
        lhs.vega += rhs.vega
        lhs.costs += rhs.costs
        lhs.financing += rhs.financing
        lhs.residual += rhs.residual
    }
}
