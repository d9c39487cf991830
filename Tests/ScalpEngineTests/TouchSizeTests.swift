import Foundation
import Testing
@testable import ScalpEngine

/// The displayed size at the touch against the square-root law it is read from.
@Suite struct TouchSizeTests {
    let impact = MarketImpact(coefficient: 0.5, dailyVolume: 2e6)
    let mid = 100.0, vol = 0.25

    /// Total impact of an order of q shares, currency.
    func total(_ law: MarketImpact, _ q: Double) -> Double { q * law.perShare(shares: q, mid: mid, volatility: vol) }

    /// The depth within w of the touch is the size whose last share costs w over the touch:
    /// the total's derivative there (by central differences) is w.
    @Test(arguments: [0.01, 0.05, 0.25])
    func depthIsWhereTheMarginalShareCostsOneLevel(width: Double) {
        let depth = impact.depth(within: width, mid: mid, volatility: vol)
        let h = depth * 1e-4
        let marginal = (total(impact, depth + h) - total(impact, depth - h)) / (2 * h)
        #expect(abs(marginal - width) < 1e-6 * width, "\(marginal) vs \(width) at \(depth) shares")
        // Twice the width, four times the shares: the book's depth grows as the square of the distance.
        #expect(abs(impact.depth(within: 2 * width, mid: mid, volatility: vol) / depth - 4) < 1e-12)
    }

    /// The quote shows that depth within one tick (or the half-spread without ticks); explicit
    /// `touch_size` wins; no impact means unlimited depth.
    @Test func quoteShowsTheBooksDepthAtOneLevel() {
        let costs = TransactionCosts(halfSpreadBps: 1)
        let ticked = Quote(mid: mid, volatility: vol, timeStep: 1e-4, costs: costs,
                           terms: ExecutionTerms(tick: 0.05, impact: 0.5, dailyVolume: 2e6))
        #expect(ticked.touchSize == impact.depth(within: 0.05, mid: mid, volatility: vol))
        let continuous = Quote(mid: mid, volatility: vol, timeStep: 1e-4, costs: costs,
                               terms: ExecutionTerms(impact: 0.5, dailyVolume: 2e6))
        #expect(continuous.touchSize == impact.depth(within: continuous.halfSpread, mid: mid, volatility: vol))
        let shown = Quote(mid: mid, volatility: vol, timeStep: 1e-4, costs: costs,
                          terms: ExecutionTerms(impact: 0.5, dailyVolume: 2e6, touchSize: 300))
        #expect(shown.touchSize == 300)
        let free = Quote(mid: mid, volatility: vol, timeStep: 1e-4, costs: costs, terms: ExecutionTerms(tick: 0.05))
        #expect(free.touchSize == .infinity)
        #expect(Quote(mid: mid, volatility: vol, timeStep: 1e-4, costs: costs, terms: .standard).touchSize == .infinity)
    }

    /// With D shown at the touch, an order of Q ≤ D pays no impact and a larger one pays the
    /// law on its Q − D beyond the touch; D = 0 is the law itself, to the bit.
    @Test func ordersBeyondTheTouchPayTheLawOnTheExcess() {
        let shown = MarketImpact(coefficient: 0.5, dailyVolume: 2e6, touchSize: 1_000)
        #expect(total(shown, 400) == 0 && total(shown, 1_000) == 0)
        for q in [1_500.0, 4_000, 50_000] {
            #expect(abs(total(shown, q) - total(impact, q - 1_000)) <= 1e-9 * total(impact, q - 1_000), "\(q)")
        }
        let dailyVol = vol / 365.0.squareRoot()
        #expect(impact.perShare(shares: -2_500, mid: mid, volatility: vol) == 0.5 * dailyVol * mid * (2_500 / 2e6).squareRoot())
    }

    /// Through the session: hedges within the displayed size pay no impact; without
    /// `touch_size` the same session pays the law's impact.
    @Test func sessionBooksNoImpactWithinTheTouch() throws {
        var config = unitOptionConfig(drift: 0.02, rate: 0, steps: 50, quantity: 100, rule: try HedgeRule.parse("every:1"),
                                      costs: .free, detail: .pnlOnly)
        config.executionTerms = ExecutionTerms(impact: 0.5, dailyVolume: 1e5)
        var plain = Session(config: config, seed: 3)
        while !plain.isFinished { plain.apply(.tick) }
        #expect(plain.executionCosts.impact > 0)
        config.executionTerms.touchSize = 1e6
        var shown = Session(config: config, seed: 3)
        while !shown.isFinished { shown.apply(.tick) }
        #expect(shown.executionCosts.impact == 0)
        #expect(shown.tradeCount == plain.tradeCount)
    }
}
