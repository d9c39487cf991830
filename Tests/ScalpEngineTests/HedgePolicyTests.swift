import Foundation
import Testing
@testable import ScalpEngine

@Suite("Hedge policies")
struct HedgePolicyTests {
    func context(step: Int = 1, netDelta: Double, spot: Double = 100, lastHedge: Double = 100, gamma: Double = 0,
                 tau: Double = 0.5, costRate: Double = 0) -> HedgeContext {
        HedgeContext(step: step, netDelta: netDelta, spot: spot, spotAtLastHedge: lastHedge, gamma: gamma,
                     timeToExpiry: tau, rate: 0.05, costRate: costRate)
    }

    @Test func periodicHedgesEveryKSteps() {
        let policy = PeriodicHedge(interval: 3)
        let decisions = (0..<7).map { policy.decide(context(step: $0, netDelta: 5)) }
        #expect(decisions.map { $0 != .hold } == [true, false, false, true, false, false, true])
    }

    @Test func deltaBandToNeutralOrEdge() {
        #expect(DeltaBandHedge(halfWidth: 50).decide(context(netDelta: 49)) == .hold)
        #expect(DeltaBandHedge(halfWidth: 50).decide(context(netDelta: -51)) == .rebalance(toNetDelta: 0))
        #expect(DeltaBandHedge(halfWidth: 50, target: .bandEdge).decide(context(netDelta: -80)) == .rebalance(toNetDelta: -50))
        #expect(DeltaBandHedge(halfWidth: 50, target: .bandEdge).decide(context(netDelta: 80)) == .rebalance(toNetDelta: 50))
    }

    @Test func priceMoveBand() {
        let policy = PriceMoveHedge(fraction: 0.01)
        #expect(policy.decide(context(netDelta: 30, spot: 100.9)) == .hold)
        #expect(policy.decide(context(netDelta: 30, spot: 98.9)) == .rebalance(toNetDelta: 0))
    }

    /// Whalley-Wilmott half-width (3/2·e^{−rτ}·λ·S·Γ²/γ)^{1/3}, checked by hand for one case.
    @Test func whalleyWilmottBand() {
        let policy = WhalleyWilmottHedge(riskAversion: 2)
        let c = context(netDelta: 0, spot: 100, gamma: 40, tau: 0.5, costRate: 0.001)
        let expected = pow(1.5 * exp(-0.05 * 0.5) * 0.001 * 100 * 1600 / 2, 1.0 / 3)
        #expect(close(policy.halfWidth(c), expected, rel: 1e-14))
        #expect(policy.decide(context(netDelta: expected * 0.99, gamma: 40, tau: 0.5, costRate: 0.001)) == .hold)
        #expect(policy.decide(context(netDelta: expected * 1.01, gamma: 40, tau: 0.5, costRate: 0.001))
                == .rebalance(toNetDelta: expected))
        // Costless trading collapses the band: hedge every step.
        #expect(policy.halfWidth(context(netDelta: 0, gamma: 40)) == 0)
        // More risk aversion, narrower band.
        #expect(WhalleyWilmottHedge(riskAversion: 20).halfWidth(c) < policy.halfWidth(c))
    }

    @Test func rulesParseAndPrintTheirCommandLineForm() throws {
        let texts = ["none", "every:1", "every:5", "band:50", "band:2.5:edge", "move:0.005", "ww:1", "ww:0.5:neutral"]
        for text in texts {
            let rule = try HedgeRule.parse(text)
            #expect(rule.description == text)
            #expect(HedgeRule(text) == rule)
        }
        #expect(try HedgeRule.parse("ww") == .whalleyWilmott(WhalleyWilmottHedge(riskAversion: 1)))
        let encoded = try JSONEncoder().encode(HedgeRule.band(DeltaBandHedge(halfWidth: 100)))
        #expect(String(decoding: encoded, as: UTF8.self) == "\"band:100\"")
        #expect(try JSONDecoder().decode(HedgeRule.self, from: encoded) == .band(DeltaBandHedge(halfWidth: 100)))
    }

    @Test func badRulesAreRefusedWithAReason() {
        for text in ["", "foo", "every:0", "every:-2", "every:1.5", "band:", "band:-1", "band:x", "move:0", "ww:0",
                     "ww:abc", "none:3", "band:5:sideways", "every"] {
            #expect(throws: HedgeRuleError.self, "\(text)") { try HedgeRule.parse(text) }
        }
        let error = (try? HedgeRule.parse("every:0")) == nil
        #expect(error)
        do { _ = try HedgeRule.parse("foo") } catch { #expect(error.description.contains("'foo'")) }
    }

    @Test func transactionCosts() {
        let costs = TransactionCosts(halfSpreadBps: 10, feePerShare: 0.01)
        #expect(close(costs.cost(shares: -300, price: 50), 300 * (50 * 0.001 + 0.01), rel: 1e-15))
        #expect(close(costs.proportionalRate(at: 50), 0.001 + 0.0002, rel: 1e-15))
        #expect(TransactionCosts.free.cost(shares: 1e6, price: 100) == 0)
    }
}
