/// A book's decision utility on one path, currency:
/// U = P&L − L − (λ/2)·Σ Δₜ²·Varₜ(ΔS), where L = Σ Δₜ·(ΔSₜ − Eₜ[ΔS]) is the open delta's luck.
///
/// P&L − L is the market's part plus the drift the open delta earned in expectation minus the
/// costs, so U grades what the book chose, not what the path then did: a bet that wins on one
/// path takes its luck out, and pays (λ/2)·Δ²·Var for the risk it took on every step whatever
/// the draw. Varₜ is the step's variance under the scenario's true model (`StepMoments`).
/// The market's own luck (its part beyond expectation) is the same for every book on the path,
/// so it does not move the ranking. λ is an absolute risk aversion (per unit of currency).
///
/// Q, the realized squared hedging error, is kept as the summary's measure of how tight the
/// hedge was on the path, and to find the nearest rule; it is no longer in U.
public struct HedgingUtility: Sendable, Hashable, Codable {
    /// P&L at the end, currency, costs and financing included.
    public var pnl: Double
    /// Q, currency².
    public var squaredHedgingError: Double
    /// λ, per unit of currency (≥ 0).
    public var riskAversion: Double
    /// L = Σ Δₜ·(ΔSₜ − Eₜ[ΔS]), currency.
    public var unexpectedDeltaPnL: Double
    /// Σ Δₜ·Eₜ[ΔS], currency.
    public var expectedDriftPnL: Double
    /// Σ Δₜ²·Varₜ(ΔS), currency².
    public var riskVariance: Double

    public init(pnl: Double, squaredHedgingError: Double, riskAversion: Double, decisions: DecisionLedger = DecisionLedger()) {
        (self.pnl, self.squaredHedgingError, self.riskAversion) = (pnl, squaredHedgingError, riskAversion)
        unexpectedDeltaPnL = decisions.unexpectedDeltaPnL
        expectedDriftPnL = decisions.expectedDriftPnL
        riskVariance = decisions.riskVariance
    }

    /// U = P&L − L − (λ/2)·Σ Δₜ²·Varₜ, currency.
    public var value: Double { pnl - unexpectedDeltaPnL - riskCharge }

    /// √Q: the session's hedging error in currency, the tightness figure the summary shows.
    public var hedgingError: Double { squaredHedgingError.squareRoot() }

    /// What the risk taken cost in utility: (λ/2)·Σ Δₜ²·Varₜ, currency.
    public var riskCharge: Double { 0.5 * riskAversion * riskVariance }

    /// The risk taken as one standard deviation of P&L, currency.
    public var riskTaken: Double { riskVariance.squareRoot() }
}
