import Foundation
import Testing
@testable import ScalpEngine

/// The attribution explains the P&L: in every built-in scenario, played to the end by its own
/// auto-hedger in full detail, the residual is a small part of what the named buckets explain.
@Suite("Attribution residual")
struct AttributionResidualTests {
    /// The whole session's attribution for `scenario` and `seed`, auto-hedged by the scenario's policy.
    static func attribution(_ scenario: Scenario, seed: UInt64) -> (PnLAttribution, pnl: Double) {
        var session = Session(config: TrainingSession.traineeConfig(for: scenario, autoHedge: true), seed: seed)
        runToEnd(&session)
        return (session.attribution, session.pnl)
    }

    @Test(arguments: BuiltInScenarioTests.names)
    func residualIsSmallInEveryBuiltIn(name: String) throws {
        let scenario = try #require(Scenario.named(name))
        for seed in UInt64(1)...5 {
            let (a, pnl) = Self.attribution(scenario, seed: seed)
            #expect(close(a.total, pnl, rel: 1e-9, abs: 1e-6), "\(name) seed \(seed): parts \(a.total) vs P&L \(pnl)")
            let named = [a.delta, a.gamma, a.theta, a.vega, a.vanna, a.volga, a.speed, a.costs, a.financing]
                .reduce(0) { $0 + abs($1) }
            #expect(abs(a.residual) <= 0.05 * named, "\(name) seed \(seed): residual \(a.residual) vs \(named)")
        }
    }

    /// vol-crush: the earnings step (spot −6%, implied 60% → 30%) is where a second-order
    /// expansion fails (gamma doubles as vol halves); the revalued vanna carries it, and what is
    /// left is tens of currency at most, not the ~1,100 the Greeks alone left.
    @Test func volCrushIsExplainedByVanna() throws {
        let scenario = try #require(Scenario.named("vol-crush"))
        for seed in UInt64(1)...5 {
            let (a, _) = Self.attribution(scenario, seed: seed)
            #expect(abs(a.residual) < 30, "seed \(seed): residual \(a.residual)")
            #expect(a.vanna > 300, "seed \(seed): vanna \(a.vanna)")
        }
    }

    /// The revalued buckets are the Taylor terms with the remainder in integral form: the mixed
    /// difference is ∂²V/∂S∂σ at the middle of the move times dS·dσ, the vol convexity beyond
    /// vega is ½·∂²V/∂σ²·dσ² at σ₀ + dσ/3, the spot move beyond gamma ⅙·∂³V/∂S³·dS³ at
    /// S₀ + dS/4, each exact up to terms two orders smaller (the closed forms at those points).
    @Test func bucketsAreTheTaylorTermsOfTheMove() {
        var config = unitOptionConfig(kind: .put, strike: 95, expiry: 0.25, impliedVol: 0.3, realizedVol: 0.3,
                                      dividend: 0.01, steps: 2000, quantity: 100, rule: .none)
        config.impliedVolModel = ImpliedVolModel(atmVol: 0.3, dynamics: .meanReverting(speed: 2, longRun: 0.3, volOfVol: 0.3))
        var session = Session(config: config, seed: 11)
        // (bucket, Taylor term) per step for vanna, volga and speed.
        var pairs: [[(Double, Double)]] = [[], [], []]
        for _ in 0..<1000 {
            let spot = session.spot
            let position = session.book.positions[0]
            let tau = position.timeToExpiry(at: session.time)
            let vol = position.impliedVol
            session.apply(.tick)
            let dS = session.spot - spot
            let dVol = session.book.positions[0].impliedVol - vol
            func greeks(_ s: Double, _ v: Double) -> HigherOrderGreeks {
                HigherOrderGreeks(spot: s, strike: 95, volatility: v, timeToExpiry: tau, rate: config.rate,
                                  dividendYield: config.dividendYield)
            }
            let units = position.units
            let step = session.lastStep
            pairs[0].append((step.vanna, units * greeks(spot + dS / 2, vol + dVol / 2).vanna * dS * dVol))
            pairs[1].append((step.volga, units * 0.5 * greeks(spot, vol + dVol / 3).volga * dVol * dVol))
            pairs[2].append((step.speed, units * greeks(spot + dS / 4, vol).speed * dS * dS * dS / 6))
        }
        for (name, steps) in zip(["vanna", "volga", "speed"], pairs) {
            let typical = steps.map { abs($0.1) }.reduce(0, +) / Double(steps.count)
            #expect(typical > 0)
            let worst = steps.map { abs($0.0 - $0.1) - 1e-3 * abs($0.1) }.max() ?? 0
            #expect(worst <= 1e-3 * typical, "\(name): worst excess \(worst) vs typical \(typical)")
        }
    }

    /// The closed forms the Taylor check relies on, against central finite differences of the price.
    @Test func higherOrderGreeksMatchFiniteDifferences() {
        let (k, tau, r, q) = (95.0, 0.3, 0.03, 0.01)
        func price(_ s: Double, _ vol: Double) -> Double {
            BlackScholes.price(kind: .call, spot: s, strike: k, volatility: vol, timeToExpiry: tau, rate: r, dividendYield: q)
        }
        for (s, vol) in [(100.0, 0.2), (90.0, 0.35), (110.0, 0.15)] {
            let g = HigherOrderGreeks(spot: s, strike: k, volatility: vol, timeToExpiry: tau, rate: r, dividendYield: q)
            let h = 1e-2, e = 1e-3
            let vanna = (price(s + h, vol + e) - price(s + h, vol - e) - price(s - h, vol + e) + price(s - h, vol - e)) / (4 * h * e)
            let volga = (price(s, vol + e) - 2 * price(s, vol) + price(s, vol - e)) / (e * e)
            let speed = (price(s + 2 * h, vol) - 2 * price(s + h, vol) + 2 * price(s - h, vol) - price(s - 2 * h, vol)) / (2 * h * h * h)
            #expect(close(g.vanna, vanna, rel: 1e-4, abs: 1e-6))
            #expect(close(g.volga, volga, rel: 1e-3, abs: 1e-4))
            #expect(close(g.speed, speed, rel: 2e-2, abs: 1e-5))
        }
    }

    /// The bucket list covers every part of the attribution once, so a view that iterates it
    /// adds up to the whole P&L.
    @Test func theBucketListAddsUpToTheTotal() {
        let a = PnLAttribution(delta: 1, gamma: 2, theta: -3, vega: 4, vanna: 5, volga: -6, speed: 7, costs: -0.5,
                               financing: 0.25, funding: 0.0625, residual: 0.125)
        #expect(PnLBucket.all.map { a[$0] }.reduce(0, +) == a.total)
        #expect(Set(PnLBucket.all.map { a[$0] }).count == PnLBucket.all.count, "each bucket reads its own part")
        #expect(Set(PnLBucket.all.map(\.name)).count == PnLBucket.all.count)
        #expect(PnLBucket.all.allSatisfy { $0.positiveMeansEarned })
        var none = a
        none.funding = 0
        #expect(none.presentBuckets.map(\.name) == PnLBucket.all.map(\.name).filter { $0 != "funding" })
        #expect(a.presentBuckets == PnLBucket.all)
    }
}
