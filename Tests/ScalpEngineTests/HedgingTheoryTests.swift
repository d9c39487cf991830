import Foundation
import Testing
@testable import ScalpEngine

/// The statistical behaviour of a delta-hedged option against published theory, run on the
/// session itself (the Monte Carlo command has its own, larger checks).
@Suite("Hedging against theory")
struct HedgingTheoryTests {
    /// Final P&L of `paths` independent sessions.
    func finalPnL(_ config: SessionConfig, paths: Int, seed: UInt64 = 2024) -> RunningStatistics {
        var stats = RunningStatistics()
        for path in 0..<paths {
            var session = Session(config: config, seed: seed, stream: UInt64(path))
            runToEnd(&session)
            stats.add(session.pnl)
        }
        return stats
    }

    /// With μ = r, E[P&L] of a hedged long option = (C(σ_realized) − C(σ_implied))·e^{rT},
    /// whichever vol the hedge ratio uses.
    @Test(arguments: [HedgeVolatility.implied, .trueVolatility])
    func meanPnLIsTheValueOfTheVolGap(hedgeVol: HedgeVolatility) {
        let config = unitOptionConfig(impliedVol: 0.2, realizedVol: 0.3, drift: 0.05, rate: 0.05, steps: 50,
                                      hedgeVol: hedgeVol, detail: .pnlOnly)
        let stats = finalPnL(config, paths: 4000)
        let gap = BlackScholes.price(kind: .call, spot: 100, strike: 100, volatility: 0.3, timeToExpiry: 1, rate: 0.05)
            - BlackScholes.price(kind: .call, spot: 100, strike: 100, volatility: 0.2, timeToExpiry: 1, rate: 0.05)
        let expected = gap * exp(0.05)
        let standardError = stats.standardDeviation / Double(stats.count).squareRoot()
        #expect(abs(stats.mean - expected) < 4 * standardError, "mean \(stats.mean) vs \(expected) ± \(standardError)")
        #expect(standardError < 0.1 * expected)
    }

    /// Hedging at the realized vol locks in the gap: its spread is a fraction of the implied-vol hedger's.
    @Test func hedgingAtRealizedVolIsNearlyDeterministic() {
        let atImplied = finalPnL(unitOptionConfig(impliedVol: 0.2, realizedVol: 0.3, steps: 200, detail: .pnlOnly), paths: 1000)
        let atRealized = finalPnL(unitOptionConfig(impliedVol: 0.2, realizedVol: 0.3, steps: 200, hedgeVol: .trueVolatility, detail: .pnlOnly), paths: 1000)
        #expect(atRealized.standardDeviation < 0.4 * atImplied.standardDeviation)
    }

    /// Discrete hedging error (σ_realized = σ_implied, at the money): stdev ≈ √(π/4)·vega·σ/√N
    /// (Kamal and Derman 1999; Bertsimas, Kogan and Lo 2000), so quadrupling N halves it.
    @Test func hedgingErrorShrinksLikeOneOverRootN() {
        let vega = BlackScholes.greeks(kind: .call, spot: 100, strike: 100, volatility: 0.2, timeToExpiry: 1, rate: 0).vega
        var deviations: [Double] = []
        for steps in [25, 100] {
            let config = unitOptionConfig(impliedVol: 0.2, realizedVol: 0.2, drift: 0, rate: 0, steps: steps, detail: .pnlOnly)
            let stats = finalPnL(config, paths: 3000, seed: UInt64(steps))
            let theory = (Double.pi / 4).squareRoot() * vega * 0.2 / Double(steps).squareRoot()
            // The stdev of a stdev estimate from n samples is about σ/√(2n) ≈ 1.3% here; the
            // formula itself is asymptotic in N, so allow 10%.
            #expect(abs(stats.standardDeviation / theory - 1) < 0.10, "N=\(steps): \(stats.standardDeviation) vs \(theory)")
            #expect(abs(stats.mean) < 4 * stats.standardDeviation / Double(stats.count).squareRoot())
            deviations.append(stats.standardDeviation)
        }
        #expect(abs(deviations[0] / deviations[1] - 2) < 0.15)
    }

    /// A short hedged option loses what the long one gains: the P&L is antisymmetric in the position.
    @Test func shortGammaMirrorsLongGamma() {
        let long = finalPnL(unitOptionConfig(impliedVol: 0.2, realizedVol: 0.3, steps: 40, detail: .pnlOnly), paths: 200)
        let short = finalPnL(unitOptionConfig(impliedVol: 0.2, realizedVol: 0.3, steps: 40, quantity: -1, detail: .pnlOnly), paths: 200)
        #expect(close(short.mean, -long.mean, rel: 1e-9))
    }

    /// The live detail level and the Monte Carlo detail level give the same final P&L, to the cent and beyond.
    @Test func detailLevelDoesNotChangeTheNumbers() {
        for rule in [HedgeRule.every(PeriodicHedge(interval: 3)), .band(DeltaBandHedge(halfWidth: 0.1)), .whalleyWilmott(WhalleyWilmottHedge())] {
            let costs = TransactionCosts(halfSpreadBps: 5, feePerShare: 0.001)
            var full = Session(config: unitOptionConfig(steps: 60, rule: rule, costs: costs, detail: .full), seed: 9)
            var lean = Session(config: unitOptionConfig(steps: 60, rule: rule, costs: costs, detail: .pnlOnly), seed: 9)
            runToEnd(&full)
            runToEnd(&lean)
            #expect(full.cash == lean.cash && full.tradeCount == lean.tradeCount && full.spot == lean.spot)
        }
    }
}
