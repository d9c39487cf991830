/// A book's utility on one path: U = P&L − (λ/2)·Q, currency.
///
/// Q is the sum over the session's steps of the squared per-step hedging error: the step's
/// P&L minus what the ideal book, continuously hedged at implied vol and trading for free,
/// made on the same step (as `Session.hedgingError` measures it: delta, costs and residual
/// terms), in currency². Q is the path's own measure of the risk the hedge left open, so U is
/// the certainty equivalent of a mean-variance trader with absolute risk aversion λ (per unit
/// of currency): λ = 0 judges by P&L alone, a large λ by tightness alone.
public struct HedgingUtility: Sendable, Hashable, Codable {
    /// P&L at the end, currency, costs and financing included.
    public var pnl: Double
    /// Q, currency².
    public var squaredHedgingError: Double
    /// λ, per unit of currency (≥ 0).
    public var riskAversion: Double

    public init(pnl: Double, squaredHedgingError: Double, riskAversion: Double) {
        (self.pnl, self.squaredHedgingError, self.riskAversion) = (pnl, squaredHedgingError, riskAversion)
    }

    /// U = P&L − (λ/2)·Q, currency.
    public var value: Double { pnl - 0.5 * riskAversion * squaredHedgingError }

    /// √Q: the session's hedging error in currency, the risk figure the summary shows.
    public var hedgingError: Double { squaredHedgingError.squareRoot() }

    /// What the risk cost in utility: (λ/2)·Q, currency.
    public var riskCharge: Double { 0.5 * riskAversion * squaredHedgingError }
}
