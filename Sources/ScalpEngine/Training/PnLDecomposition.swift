/// A session's P&L split into luck and skill, currency; the four parts add up to the P&L.
///
/// - market: what the ideal book, the same options continuously hedged at implied vol for
///   free, made on this path: Σ over steps of its gamma, theta and financing, which the
///   Black-Scholes equation makes ≈ Σ ½Γ(ΔS² − σ²S²Δt), the vol edge. Every rule on the path
///   has the same market part: it is the luck of the path.
/// - hedging: what the trainee's hedge made against that ideal: the delta, speed and residual
///   terms (discretisation and timing: what a step's move beyond gamma makes) and the carry
///   of the hedge actually held (financing beyond the ideal book's, and a perpetual's funding).
/// - costs: spread and fees (≤ 0).
/// - rest: everything else, mostly vega, vanna and volga when implied vol moves.
public struct PnLDecomposition: Sendable, Hashable {
    public var market: Double
    public var hedging: Double
    public var costs: Double
    public var rest: Double
    /// The trainee's decisions (`DecisionLedger`): luck of the open delta, drift earned and
    /// risk taken; nil where a journal recorded only the four parts.
    public var decisions: DecisionLedger?

    /// Luck: the market's part plus the open delta's unexpected P&L Σ Δₜ·(ΔSₜ − Eₜ[ΔS]), currency.
    public var luck: Double? { decisions.map { market + $0.unexpectedDeltaPnL } }
    /// Skill: the rest of the P&L (costs, the drift the open delta earned, the hedge's timing
    /// and the rest), currency; luck + skill = P&L.
    public var skill: Double? { luck.map { market + hedging + costs + rest - $0 } }

    /// Parts as a journal recorded them.
    public init(market: Double, hedging: Double, costs: Double, rest: Double) {
        (self.market, self.hedging, self.costs, self.rest) = (market, hedging, costs, rest)
    }

    /// The parts of `session`'s P&L (full detail), with `idealFinancing` the ideal book's
    /// financing over the same steps (`ReferenceHedgers.idealFinancing`).
    public init(session: Session, idealFinancing: Double, decisions: DecisionLedger? = nil) {
        self.decisions = decisions
        let attribution = session.attribution
        market = attribution.gamma + attribution.theta + idealFinancing
        hedging = attribution.delta + attribution.speed + attribution.residual + attribution.funding
            + (attribution.financing - idealFinancing)
        costs = attribution.costs
        rest = session.pnl - market - hedging - costs
    }
}
