import Foundation
import Testing
@testable import ScalpEngine

@Suite("Session: state advanced by actions")
struct SessionTests {
    @Test func sameSeedSameMarketAndNumbers() {
        let config = Scenario.classicScalp.config
        var a = Session(config: config, seed: 11)
        var b = Session(config: config, seed: 11)
        var c = Session(config: config, seed: 12)
        for action in [SessionAction.tick, .tick, .hedgeNow, .tick, .buyLot, .tick, .toggleAutoHedge, .tick, .tick] {
            a.apply(action)
            b.apply(action)
            c.apply(action)
        }
        #expect(a.spot == b.spot && a.pnl == b.pnl && a.cash == b.cash && a.tradeCount == b.tradeCount)
        #expect(a.spot != c.spot)
    }

    @Test func autoHedgeHedgesAtTimeZero() {
        let hedged = Session(config: unitOptionConfig(), seed: 1)
        #expect(hedged.tradeCount == 1)
        #expect(abs(hedged.netDelta) < 1e-12)
        #expect(abs(hedged.pnl) < 1e-12)
        let unhedged = Session(config: unitOptionConfig(rule: .none), seed: 1)
        #expect(unhedged.tradeCount == 0 && unhedged.stockShares == 0)
        // The premium is paid from cash: P&L starts at zero.
        let premium = BlackScholes.price(kind: .call, spot: 100, strike: 100, volatility: 0.2, timeToExpiry: 1, rate: 0.05)
        #expect(close(unhedged.cash, -premium, rel: 1e-15))
    }

    @Test func hedgeNowRoundsToTheLot() {
        var config = Scenario.classicScalp.config
        config.autoHedge = false
        var session = Session(config: config, seed: 3)
        session.apply(.trade(shares: 437))
        #expect(abs(session.netDelta) > 300)
        session.apply(.hedgeNow)
        #expect(abs(session.netDelta) <= 50 + 1e-9)
        // The hedge itself is a whole number of lots.
        #expect((session.stockShares - 437).truncatingRemainder(dividingBy: 100) == 0)
        session.apply(.buyLot)
        session.apply(.sellLot)
        session.apply(.sellLot)
        #expect(session.manualTradeCount == 5)
        session.apply(.setLotSize(10))
        session.apply(.hedgeNow)
        #expect(abs(session.netDelta) <= 5 + 1e-9)
    }

    @Test func tradesPayHalfSpreadAndFees() {
        var config = unitOptionConfig(rule: .none, costs: TransactionCosts(halfSpreadBps: 5, feePerShare: 0.01))
        config.lotSize = 0
        var session = Session(config: config, seed: 1)
        let before = session.pnl
        session.apply(.trade(shares: -200))
        let expectedCost = 200 * (100 * 5e-4 + 0.01)
        #expect(close(session.attribution.costs, -expectedCost, rel: 1e-14))
        #expect(close(session.pnl - before, -expectedCost, rel: 1e-12))
        #expect(session.recentTrades.last == Trade(time: 0, step: 0, quantity: -200, price: 100, cost: expectedCost, reason: .manual))
    }

    @Test func cashAccruesAtTheRateAndStockEarnsDividends() {
        // No options: buy 10 shares, hold for the whole session. Cash grows at e^{r·dt} a step.
        let steps = 100
        var config = unitOptionConfig(rate: 0.04, dividend: 0.03, steps: steps, quantity: 0, rule: .none)
        config.book = OptionBook()
        var session = Session(config: config, seed: 8)
        session.apply(.trade(shares: 10))
        var expectedCash = -1000.0
        let dt = config.timeStep
        var previousSpot = session.spot
        for _ in 0..<(steps - 1) {
            session.apply(.tick)
            expectedCash = expectedCash * exp(0.04 * dt) + 10 * previousSpot * 0.03 * dt
            previousSpot = session.spot
            #expect(close(session.cash, expectedCash, rel: 1e-12))
        }
        session.apply(.tick)
        #expect(session.isFinished && session.stockShares == 0)
        #expect(session.recentTrades.last?.reason == .closeOut)
    }

    @Test func optionsSettleAtExpiryIntoCash() {
        var session = Session(config: unitOptionConfig(steps: 10, rule: .none), seed: 21)
        runToEnd(&session)
        #expect(session.book.positions.allSatisfy { $0.isSettled })
        #expect(session.currentGreeks() == .zero)
        let premium = BlackScholes.price(kind: .call, spot: 100, strike: 100, volatility: 0.2, timeToExpiry: 1, rate: 0.05)
        let payoff = max(session.spot - 100, 0)
        #expect(close(session.cash, -premium * exp(0.05) + payoff, rel: 1e-12, abs: 1e-12))
        #expect(session.pnl == session.cash)
        // Finished sessions ignore further actions.
        let frozen = session.cash
        session.apply(.tick)
        session.apply(.buyLot)
        #expect(session.cash == frozen && session.step == 10)
    }

    @Test func finishClosesOutTheStockEarly() {
        var config = Scenario.classicScalp.config
        config.autoHedge = true
        var session = Session(config: config, seed: 2)
        for _ in 0..<200 { session.apply(.tick) }
        session.apply(.finish)
        #expect(session.isFinished && session.stockShares == 0)
        #expect(session.step == 200)
    }

    /// Attribution identity: the buckets and the residual add up to the P&L at every step, and
    /// the residual is what the buckets leave out by construction: spot moving while time passes
    /// (charm, ∂Δ/∂t·dS·dt at the middle of the move) and time's own curvature (V(S₀, t₁) −
    /// V(S₀, t₀) − Θ·dt), the spot and vol parts being revalued exactly.
    @Test func attributionSumsToTotal() {
        for rule in [HedgeRule.every(PeriodicHedge(interval: 1)), .band(DeltaBandHedge(halfWidth: 0.05)), .none] {
            var config = unitOptionConfig(kind: .put, impliedVol: 0.2, realizedVol: 0.3, dividend: 0.01, steps: 250, quantity: 3,
                                          rule: rule, costs: TransactionCosts(halfSpreadBps: 2, feePerShare: 0.001))
            config.lotSize = 0
            var session = Session(config: config, seed: 77)
            var absoluteResidual = 0.0
            var unexplained = 0.0
            while !session.isFinished {
                let (spot, time, theta) = (session.spot, session.time, session.currentGreeks().theta)
                session.apply(.tick)
                #expect(close(session.attribution.total, session.pnl, rel: 1e-10, abs: 1e-10), "identity at step \(session.step) with \(rule)")
                guard !session.isFinished else { continue } // the expiry step settles at intrinsic
                let dS = session.spot - spot
                func delta(_ s: Double, _ t: Double) -> Double {
                    BlackScholes.delta(kind: .put, spot: s, strike: 100, volatility: 0.2, timeToExpiry: 1 - t, rate: 0.05, dividendYield: 0.01)
                }
                func value(_ t: Double) -> Double {
                    BlackScholes.price(kind: .put, spot: spot, strike: 100, volatility: 0.2, timeToExpiry: 1 - t, rate: 0.05, dividendYield: 0.01)
                }
                let charm = (delta(spot + dS / 2, session.time) - delta(spot + dS / 2, time)) * dS
                let timeCurvature = value(session.time) - value(time) - theta / 3 * config.timeStep
                let expected = 3 * (charm + timeCurvature)
                absoluteResidual += abs(session.lastStep.residual)
                unexplained += abs(session.lastStep.residual - expected)
            }
            #expect(absoluteResidual > 0)
            #expect(unexplained < 0.01 * absoluteResidual, "residual \(absoluteResidual), beyond charm \(unexplained) with \(rule)")
            #expect(session.attribution.costs < 0 || rule == .none)
            #expect(session.attribution.gamma > 0)
        }
    }

    @Test func breakevenMoveAndImpliedVol() {
        let session = Session(config: Scenario.classicScalp.config, seed: 1)
        #expect(close(session.impliedVol, 0.2, rel: 1e-15))
        #expect(close(session.breakevenMove, 0.2 * 100 * DayCount.fiveCalendarMinutes.squareRoot(), rel: 1e-15))
    }

    @Test func volatilityEstimatorsTrackTheProcess() {
        var config = unitOptionConfig(realizedVol: 0.35, steps: 5000)
        config.volatilityWindow = 1000
        var session = Session(config: config, seed: 4)
        for _ in 0..<4000 { session.apply(.tick) }
        let sessionVol = try! #require(session.sessionRealizedVol)
        // Standard error of a vol estimate from n returns ≈ σ/√(2n).
        #expect(abs(sessionVol - 0.35) < 4 * 0.35 / (2.0 * 4000).squareRoot())
        let rolling = try! #require(session.rollingVol.volatility(dt: config.timeStep))
        #expect(abs(rolling - 0.35) < 4 * 0.35 / (2.0 * 1000).squareRoot())
        let ewma = try! #require(session.ewmaVol.volatility(dt: config.timeStep))
        #expect(abs(ewma - 0.35) < 0.1)
    }
}
