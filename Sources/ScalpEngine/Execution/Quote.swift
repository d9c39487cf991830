import Foundation

/// The market in the underlying at one moment: a mid from the price process and a half-spread
/// that is the larger of `half_spread_bps` of the mid and k·σ·S·√dt, so spreads widen with
/// vol. On a ticked market the whole spread is a whole number of ticks, at least one.
public struct Quote: Sendable, Hashable {
    /// Mid price, currency.
    public var mid: Double
    /// Half the bid-ask spread, currency.
    public var halfSpread: Double

    public init(mid: Double, halfSpread: Double) {
        (self.mid, self.halfSpread) = (mid, halfSpread)
    }

    /// The quote at `mid` for costs `costs` and terms `terms`, with the process at vol
    /// `volatility` (annualised) and steps of `timeStep` years.
    public init(mid: Double, volatility: Double, timeStep: Double, costs: TransactionCosts, terms: ExecutionTerms) {
        var half = max(mid * costs.halfSpreadBps * 1e-4, terms.spreadVolMultiple * volatility * mid * timeStep.squareRoot())
        if terms.tick > 0 {
            // Round the whole spread up to ticks: a quote cannot sit between two ticks.
            half = max((2 * half / terms.tick - 1e-9).rounded(.up), 1) * terms.tick / 2
        }
        self.init(mid: mid, halfSpread: half)
    }

    public var bid: Double { mid - halfSpread }
    public var ask: Double { mid + halfSpread }
}
