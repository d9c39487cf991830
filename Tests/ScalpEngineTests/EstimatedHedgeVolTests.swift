import Foundation
import Testing
@testable import ScalpEngine

/// `hedge_vol = "ewma" | "rolling" | "true"`: what vol the hedger's delta uses, step by step.
@Suite("Hedge vol choices")
struct EstimatedHedgeVolTests {
    /// One call hedged every step at `hedgeVol`; implied 20%, the process at 35% so the
    /// estimate and the implied vol give visibly different deltas.
    func config(_ hedgeVol: HedgeVolatility, detail: SessionDetail) -> SessionConfig {
        var config = unitOptionConfig(impliedVol: 0.2, realizedVol: 0.35, steps: 60, hedgeVol: hedgeVol, detail: detail)
        config.volatilityWindow = 10
        config.ewmaHalfLife = 5
        return config
    }

    /// The shares an every-step hedger holds after the step: −Δ at `vol`.
    func hedge(_ session: Session, vol: Double) -> Double {
        let position = session.config.book.positions[0]
        return -BlackScholes.delta(kind: position.kind, spot: session.spot, strike: position.strike, volatility: vol,
                                   timeToExpiry: position.expiry - session.time, rate: session.config.rate)
    }

    /// After each step the hedge is −Δ at the estimator's current value (implied before it has
    /// two returns); the `pnlOnly` session, which keeps its estimators only for the hedge,
    /// trades exactly as the full one.
    @Test(arguments: [HedgeVolatility.ewma, .rolling])
    func estimatedHedgeVolFollowsTheEstimator(hedgeVol: HedgeVolatility) {
        var full = Session(config: config(hedgeVol, detail: .full), seed: 7)
        var fast = Session(config: config(hedgeVol, detail: .pnlOnly), seed: 7)
        var differed = false
        for _ in 0..<59 {
            full.apply(.tick)
            fast.apply(.tick)
            let estimate = hedgeVol == .ewma ? full.ewmaRealizedVol : full.rollingRealizedVol
            let count = hedgeVol == .ewma ? full.ewmaVol.count : full.rollingVol.count
            let vol = count >= 2 ? estimate! : 0.2
            #expect(close(full.stockShares, hedge(full, vol: vol), rel: 1e-12, abs: 1e-15), "step \(full.step)")
            #expect(fast.stockShares == full.stockShares, "step \(full.step)")
            if count >= 2 && abs(full.stockShares - hedge(full, vol: 0.2)) > 1e-3 { differed = true }
        }
        #expect(differed, "the estimate never moved the hedge off the implied-vol delta")
        full.apply(.tick)
        fast.apply(.tick)
        #expect(fast.pnl == full.pnl)
    }

    /// `true` hedges at the process's vol, the old `realized` behaviour.
    @Test func trueVolHedgesAtTheProcessVol() {
        var session = Session(config: config(.trueVolatility, detail: .full), seed: 7)
        for _ in 0..<20 {
            session.apply(.tick)
            #expect(close(session.stockShares, hedge(session, vol: 0.35), rel: 1e-12, abs: 1e-15))
        }
    }

    /// Journals store `SessionConfig` as JSON: an old journal's `"realized"` replays as the true
    /// vol it meant; the new names round-trip.
    @Test func oldJournalsRealizedDecodesAsTrueVol() throws {
        let old = try JSONDecoder().decode([HedgeVolatility].self, from: Data(#"["realized","implied"]"#.utf8))
        #expect(old == [.trueVolatility, .implied])
        for choice in HedgeVolatility.allCases {
            let data = try JSONEncoder().encode([choice])
            #expect(try JSONDecoder().decode([HedgeVolatility].self, from: data) == [choice])
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([HedgeVolatility].self, from: Data(#"["fast"]"#.utf8)) }
        let configData = try JSONEncoder().encode(config(.trueVolatility, detail: .full))
        let oldText = String(decoding: configData, as: UTF8.self).replacingOccurrences(of: #""true""#, with: #""realized""#)
        #expect(oldText.contains(#""hedgeVolatility":"realized""#))
        #expect(try JSONDecoder().decode(SessionConfig.self, from: Data(oldText.utf8)) == config(.trueVolatility, detail: .full))
    }
}
