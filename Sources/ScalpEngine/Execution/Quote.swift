import Foundation

/// The market in the underlying at one moment: a mid from the price process and a half-spread
/// that is the larger of `half_spread_bps` of the mid and k·σ·S·√dt, so spreads widen with
/// vol. On a ticked market the whole spread is a whole number of ticks, at least one.
///
/// The displayed size, the same at the bid and the ask, is `touch_size` when the terms set it.
/// Otherwise it is what the square-root impact book holds within one price level of the touch
/// (one tick, or the half-spread on a continuous market; see `MarketImpact`), so an order
/// larger than the size shown pays more than a level's worth of impact; and with no impact
/// the depth at the touch is unlimited (`.infinity`): any size fills there.
public struct Quote: Sendable, Hashable {
    /// Mid price, currency.
    public var mid: Double
    /// Half the bid-ask spread, currency.
    public var halfSpread: Double
    /// Shares displayed at the bid and at the ask; `.infinity` when depth is unlimited.
    public var touchSize: Double

    public init(mid: Double, halfSpread: Double, touchSize: Double = .infinity) {
        (self.mid, self.halfSpread, self.touchSize) = (mid, halfSpread, touchSize)
    }

    /// The quote at `mid` for costs `costs` and terms `terms`, with the process at vol
    /// `volatility` (annualised), steps of `timeStep` years and `daysPerYear` days a year on the
    /// session's clock (the displayed depth scales with one day's vol).
    public init(mid: Double, volatility: Double, timeStep: Double, costs: TransactionCosts, terms: ExecutionTerms,
                daysPerYear: Double = DayCount.calendarDaysPerYear) {
        var half = max(mid * costs.halfSpreadBps * 1e-4, terms.spreadVolMultiple * volatility * mid * timeStep.squareRoot())
        if terms.tick > 0 {
            // Round the whole spread up to ticks: a quote cannot sit between two ticks.
            half = max((2 * half / terms.tick - 1e-9).rounded(.up), 1) * terms.tick / 2
        }
        var size = terms.touchSize
        if size <= 0 {
            let impact = MarketImpact(coefficient: terms.impact, dailyVolume: terms.dailyVolume, daysPerYear: daysPerYear)
            size = impact.depth(within: terms.tick > 0 ? terms.tick : half, mid: mid, volatility: volatility)
        }
        self.init(mid: mid, halfSpread: half, touchSize: size)
    }

    public var bid: Double { mid - halfSpread }
    public var ask: Double { mid + halfSpread }
}
