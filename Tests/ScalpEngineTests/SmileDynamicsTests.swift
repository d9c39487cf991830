import Foundation
import Testing
@testable import ScalpEngine

/// How the smile moves with spot: the sticky rules and the spot-vol link.
@Suite("Smile dynamics: sticky rules and the spot-vol link")
struct SmileDynamicsTests {
    /// Three puts (90, 100, 110) over a GBM market on five-minute-ish steps, re-marked by `model`.
    func config(_ model: ImpliedVolModel, events: EventSchedule = []) -> SessionConfig {
        var config = unitOptionConfig(kind: .put, strike: 100, expiry: 0.25, impliedVol: model.atmVol, realizedVol: 0.3,
                                      steps: 500, quantity: 10, rule: .none)
        config.book = OptionBook([90.0, 100, 110].map {
            OptionPosition(kind: .put, strike: $0, expiry: 0.25, quantity: 10,
                           impliedVol: model.impliedVol(strike: $0, spot: 100, atmVol: model.atmVol))
        })
        config.impliedVolModel = model
        config.events = events
        return config
    }

    /// With only the link (no dynamics, no skew, no events), every step dσ_ATM = β·d ln S exactly,
    /// and every position is marked at the ATM vol.
    @Test func spotVolBetaMovesTheATMVolByBetaTimesTheLogReturn() {
        let beta = -0.6
        var session = Session(config: config(ImpliedVolModel(atmVol: 0.25, spotVolBeta: beta)), seed: 4)
        for _ in 0..<300 {
            let (spot, atm) = (session.spot, session.atmImpliedVol)
            session.apply(.tick)
            #expect(close(session.atmImpliedVol - atm, beta * log(session.spot / spot), rel: 1e-12, abs: 1e-15))
            #expect(session.book.positions.allSatisfy { $0.impliedVol == session.atmImpliedVol })
        }
        #expect(abs(session.atmImpliedVol - 0.25) > 0.005)
    }

    /// Sticky strike: each existing strike keeps its vol as spot moves, and a new option at
    /// one of those strikes is quoted at the same vol; sticky moneyness moves them.
    @Test func stickyStrikeKeepsEveryStrikesVol() {
        let skew = VolSkew(slope: -0.2, curvature: 0.4)
        var strike = Session(config: config(ImpliedVolModel(atmVol: 0.25, skew: skew, sticky: .strike)), seed: 8)
        var moneyness = Session(config: config(ImpliedVolModel(atmVol: 0.25, skew: skew)), seed: 8)
        let opening = strike.book.positions.map(\.impliedVol)
        var moved = 0.0
        for _ in 0..<300 {
            strike.apply(.tick)
            moneyness.apply(.tick)
            #expect(strike.book.positions.map(\.impliedVol) == opening)
            for position in strike.book.positions {
                #expect(strike.impliedVol(forStrike: position.strike, expiry: 0.25) == position.impliedVol)
            }
            moved = max(moved, zip(moneyness.book.positions, opening).map { abs($0.impliedVol - $1) }.max() ?? 0)
        }
        #expect(strike.spot != 100)
        #expect(moved > 0.005)
    }

    /// Sticky delta: with spot still, a strike drifts further out in forward moneyness per √τ as
    /// expiry nears, and its vol further along the skew; at time 0 it reads ln(K/F).
    @Test func stickyDeltaReadsForwardMoneynessPerRootTime() {
        let rule = StickyRule.delta
        let carry = 0.04
        let atStart = rule.smileCoordinate(strike: 90, expiry: 0.25, spot: 100, time: 0, openingSpot: 100, carry: carry)
        #expect(close(atStart, log(90 / (100 * exp(carry * 0.25))), rel: 1e-14))
        let later = rule.smileCoordinate(strike: 90, expiry: 0.25, spot: 100, time: 0.1875, openingSpot: 100, carry: carry)
        #expect(close(later, (log(0.9) - carry * 0.0625) * 2, rel: 1e-14))
        #expect(StickyRule.moneyness.smileCoordinate(strike: 90, expiry: 0.25, spot: 95, time: 0.1, openingSpot: 100, carry: carry)
                == log(90.0 / 95))
        #expect(StickyRule.strike.smileCoordinate(strike: 90, expiry: 0.25, spot: 95, time: 0.1, openingSpot: 100, carry: carry)
                == log(0.9))
    }

    /// A −6% gap in the `jumps` built-in: its skew alone (sticky moneyness) takes vol off the
    /// 95 put as it moves nearer the money; its spot-vol link now lifts the ATM vol by more.
    @Test func aSellOffInJumpsLiftsThe95PutsVol() throws {
        let jumps = try #require(Scenario.named("jumps"))
        #expect(jumps.impliedVolModel.spotVolBeta < 0 && jumps.impliedVolModel.sticky == .moneyness)
        var config = jumps.config
        config.process = .geometricBrownian(GeometricBrownianMotion(drift: 0.05, volatility: 0.15))
        config.events = [ScheduledEvent(time: 10 * config.timeStep, logPriceJump: log(0.94), impliedVolChange: 0, label: "gap")]
        var unlinked = config
        unlinked.impliedVolModel?.spotVolBeta = 0
        for (config, lifts) in [(config, true), (unlinked, false)] {
            var session = Session(config: config, seed: 3)
            let put = try #require(session.book.positions.firstIndex { $0.kind == .put && $0.strike == 95 })
            while session.step < 9 { session.apply(.tick) }
            let before = session.book.positions[put].impliedVol
            session.apply(.tick)
            #expect(session.latestEvent?.label == "gap")
            #expect((session.book.positions[put].impliedVol > before) == lifts)
        }
    }

    /// The stochastic-vol built-in ties implied vol to the Heston market's moves: over a session,
    /// implied vol changes are negatively correlated with returns: β·σ·dW against the implied
    /// vol's own independent noise (vol of vol 0.15) gives about −√(β²σ²/(β²σ² + 0.15²)),
    /// −0.6 to −0.8 for σ between 20% and 30%.
    @Test func stochasticVolImpliedMovesAgainstThePrice() throws {
        let scenario = try #require(Scenario.named("stochastic-vol"))
        var session = Session(config: TrainingSession.traineeConfig(for: scenario, autoHedge: false), seed: 2)
        var (sxy, sxx, syy) = (0.0, 0.0, 0.0)
        while !session.isFinished {
            let (spot, atm) = (session.spot, session.atmImpliedVol)
            session.apply(.tick)
            let (x, y) = (log(session.spot / spot), session.atmImpliedVol - atm)
            sxy += x * y; sxx += x * x; syy += y * y
        }
        #expect(sxy / (sxx * syy).squareRoot() < -0.5)
    }

    /// Configurations recorded before the sticky rule and the link existed read as moneyness, β = 0.
    @Test func oldModelsReadWithTodaysBehaviour() throws {
        let old = #"{"atmVol":0.2,"dynamics":{"constant":{}},"skew":{"slope":-0.1,"curvature":0}}"#
        let model = try JSONDecoder().decode(ImpliedVolModel.self, from: Data(old.utf8))
        #expect(model == ImpliedVolModel(atmVol: 0.2, skew: VolSkew(slope: -0.1)))
        let new = ImpliedVolModel(atmVol: 0.3, skew: VolSkew(slope: -0.2), sticky: .delta, spotVolBeta: -0.5)
        #expect(try JSONDecoder().decode(ImpliedVolModel.self, from: JSONEncoder().encode(new)) == new)
    }

    /// The realized-vol link alone: each step the ATM vol moves (1 − e^{−k·dt}) of the way to the
    /// EWMA realized vol (the session's own estimator, same half-life and returns) plus the
    /// premium; over a long session at 40% realized, 20% implied ends near 40% + premium.
    @Test func followRealizedRelaxesTowardEWMAPlusPremium() {
        let link = RealizedVolLink(rate: 40, premium: 0.02)
        var config = config(ImpliedVolModel(atmVol: 0.2, realizedLink: link))
        config.process = .geometricBrownian(GeometricBrownianMotion(drift: 0.05, volatility: 0.4))
        var session = Session(config: config, seed: 6)
        for _ in 0..<480 {
            let atm = session.atmImpliedVol
            session.apply(.tick)
            let realized = session.ewmaVol.volatility(dt: config.timeStep) ?? 0
            let expected = atm + (1 - exp(-40 * config.timeStep)) * (realized + 0.02 - atm)
            #expect(close(session.atmImpliedVol, expected, rel: 1e-12))
        }
        #expect(abs(session.atmImpliedVol - 0.42) < 0.06, "ATM \(session.atmImpliedVol)")
    }
}
