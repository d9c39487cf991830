/// P&L in currency split by source. Per step, with the book's Greeks taken before the move
/// (dS the spot move, dσ_i position i's implied-vol change):
/// - `delta`: net delta (options + stock) × dS
/// - `gamma`: ½·Γ·dS²
/// - `theta`: Θ·dt
/// - `vega`: Σ vega_i·dσ_i
/// - `vanna`: spot and vol moving together, ∂²V/∂S∂σ·dS·dσ for a small move
/// - `volga`: the vol move beyond vega, ½·∂²V/∂σ²·dσ² for a small move
/// - `speed`: the spot move beyond delta and gamma, ⅙·∂³V/∂S³·dS³ for a small move (every
///   higher order across a gap, which no hedge can follow)
///   (`MarkedBook` computes these three by revaluation, so they stay exact for a gap or a crush)
/// - `costs`: spread and fees paid (≤ 0)
/// - `financing`: interest on cash plus dividends on stock held
/// - `funding`: perpetual-future funding received (paid when negative)
/// - `residual`: total − explained, the higher-order terms the Greeks leave out
public struct PnLAttribution: Sendable, Hashable {
    public var delta = 0.0
    public var gamma = 0.0
    public var theta = 0.0
    public var vega = 0.0
    public var vanna = 0.0
    public var volga = 0.0
    public var speed = 0.0
    public var costs = 0.0
    public var financing = 0.0
    public var funding = 0.0
    public var residual = 0.0

    public init() {}

    public init(delta: Double, gamma: Double, theta: Double, vega: Double, vanna: Double = 0, volga: Double = 0,
                speed: Double = 0, costs: Double, financing: Double, funding: Double = 0, residual: Double) {
        self.delta = delta
        self.gamma = gamma
        self.theta = theta
        self.vega = vega
        self.vanna = vanna
        self.volga = volga
        self.speed = speed
        self.costs = costs
        self.financing = financing
        self.funding = funding
        self.residual = residual
    }

    /// The part the Greeks, costs and financing account for.
    public var explained: Double { delta + gamma + theta + vega + vanna + volga + speed + costs + financing + funding }
    /// Explained plus residual: the whole P&L.
    public var total: Double { explained + residual }

    /// A step's hedging error, currency: its deviation from the continuously hedged book
    /// (the delta, costs and residual terms, and a jump's P&L beyond gamma, `speed`, which no
    /// hedge can follow). The grader and the session's own tally both read it here.
    public var hedgingError: Double { delta + costs + speed + residual }

    public static func += (lhs: inout PnLAttribution, rhs: PnLAttribution) {
        lhs.delta += rhs.delta
        lhs.gamma += rhs.gamma
        lhs.theta += rhs.theta
        lhs.vega += rhs.vega
        lhs.vanna += rhs.vanna
        lhs.volga += rhs.volga
        lhs.speed += rhs.speed
        lhs.costs += rhs.costs
        lhs.financing += rhs.financing
        lhs.funding += rhs.funding
        lhs.residual += rhs.residual
    }

}
