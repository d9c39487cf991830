import Foundation
import Testing
@testable import ScalpEngine

/// The execution layer against theory: bridge fills, the square-root law, funding, the
/// ladder's saving, latency, and that standard terms change nothing.
@Suite struct ExecutionTests {
    /// σ = 0.2, μ = σ²/2 (so ln S has no drift), r = q = 0: the ladder's test market.
    func driftlessLogConfig(rule: String, steps: Int = 2_520, expiry: Double = 1, quantity: Double = 1,
                            costs: TransactionCosts = .free, terms: ExecutionTerms = .standard) throws -> SessionConfig {
        var config = unitOptionConfig(drift: 0.02, rate: 0, steps: steps, quantity: quantity, rule: try HedgeRule.parse(rule),
                                      costs: costs, detail: .pnlOnly)
        config.book = OptionBook([OptionPosition(kind: .call, strike: 100, expiry: expiry, quantity: quantity, impliedVol: 0.2)])
        config.timeStep = expiry / Double(steps)
        config.executionTerms = terms
        return config
    }

    /// A ladder of step X on ln S: each fill restarts Brownian motion at a level and the next
    /// fill comes when it leaves (−ln(1+X), ln(1+X)), after h²/σ² on average, so a path makes
    /// σ²T/ln(1+X)² ≈ 102 fills for X = 2%. Fills at closes only would give about 82.
    @Test func ladderFillsFollowTheBridgeNotTheCloses() throws {
        let config = try driftlessLogConfig(rule: "ladder:0.02")
        let statistics = MonteCarlo(config: config, seed: 11, paths: 200).run(threads: 2)
        let fills = statistics.execution.mean(statistics.execution.limitFills)
        let theory = 0.04 / pow(log(1.02), 2)
        #expect(close(fills, theory, rel: 0.05), "\(fills) limit fills a path, theory \(theory)")
        #expect(fills > 90, "closes-only fills would be near 82")
    }

    /// Hedging every step with impact: trades scale with the book, so total impact η·σ_day·S·Q^{3/2}/√ADV
    /// grows as size^1.5.
    @Test func impactFollowsTheSquareRootLaw() throws {
        let terms = ExecutionTerms(impact: 0.5, dailyVolume: 10_000)
        var impacts: [Double] = []
        for scale in [1.0, 4, 16] {
            let config = try driftlessLogConfig(rule: "every:1", steps: 252, quantity: 100 * scale, terms: terms)
            let statistics = MonteCarlo(config: config, seed: 5, paths: 50).run(threads: 2)
            impacts.append(statistics.execution.mean(statistics.execution.impact))
        }
        let slope = (log(impacts[2]) - log(impacts[0])) / (log(16.0) - log(1.0))
        #expect(abs(slope - 1.5) < 0.05, "log-log slope \(slope)")
        #expect(close(impacts[1] / impacts[0], 8, rel: 1e-9))
    }

    /// One market order's impact is the formula's, booked apart from spread and fees.
    @Test func oneOrderPaysSpreadImpactAndFeesInParts() throws {
        let terms = ExecutionTerms(impact: 0.3, dailyVolume: 1e6, takerFeeBps: 2)
        var config = try driftlessLogConfig(rule: "none", steps: 10, costs: TransactionCosts(halfSpreadBps: 5, feePerShare: 0.01),
                                            terms: terms)
        config.autoHedge = false
        config.detail = .full
        var session = Session(config: config, seed: 1)
        session.apply(.trade(shares: 2_500))
        let parts = session.executionCosts
        #expect(close(parts.spread, 2_500 * 100 * 5e-4, rel: 1e-12))
        let dailyVol: Double = 0.2 / 365.0.squareRoot()
        let impactPerShare: Double = 0.3 * dailyVol * 100 * (2_500.0 / 1e6).squareRoot()
        #expect(close(parts.impact, 2_500 * impactPerShare, rel: 1e-12))
        #expect(close(parts.fees, 2_500 * (0.01 + 100 * 2e-4), rel: 1e-12))
        #expect(close(-session.attribution.costs, parts.spread + parts.impact + parts.fees, rel: 1e-12))
    }

    /// The spread widens with vol and moves in ticks.
    @Test func quoteWidensWithVolAndTicks() {
        let costs = TransactionCosts(halfSpreadBps: 1)
        let calm = Quote(mid: 100, volatility: 0.1, timeStep: 1e-4, costs: costs, terms: ExecutionTerms(spreadVolMultiple: 1))
        let wild = Quote(mid: 100, volatility: 0.8, timeStep: 1e-4, costs: costs, terms: ExecutionTerms(spreadVolMultiple: 1))
        #expect(close(calm.halfSpread, 0.1, rel: 1e-12))  // 0.1·100·0.01 = 0.1 > 1 bp
        #expect(close(wild.halfSpread, 0.8, rel: 1e-12))
        let ticked = Quote(mid: 100, volatility: 0.1, timeStep: 1e-4, costs: costs,
                           terms: ExecutionTerms(tick: 0.25, spreadVolMultiple: 1))
        #expect(ticked.ask - ticked.bid == 0.25)
    }

    func perpConfig(fundingRate: Double, rule: String = "every:1", detail: SessionDetail = .pnlOnly) throws -> SessionConfig {
        var config = unitOptionConfig(spot: 30_000, strike: 30_000, expiry: 30 / 365, impliedVol: 0.6, realizedVol: 0.6,
                                      drift: 0, rate: 0, steps: 30 * 24, quantity: 1, rule: try HedgeRule.parse(rule), detail: detail)
        config.executionTerms = ExecutionTerms(venue: .cryptoPerp, takerFeeBps: 5, fundingRate: fundingRate)
        return config
    }

    /// With r = 0 the funding rate changes nothing but the funding: the mean P&L moves by the
    /// mean funding, and a long call's short perp receives it at a positive rate.
    @Test func fundingIsExact() throws {
        let paid = MonteCarlo(config: try perpConfig(fundingRate: 0.1), seed: 3, paths: 64)
        let free = MonteCarlo(config: try perpConfig(fundingRate: 0), seed: 3, paths: 64)
        let withFunding = paid.run(threads: 2), without = free.run(threads: 2)
        let funding = withFunding.execution.mean(withFunding.execution.funding)
        #expect(funding > 0)
        #expect(close(withFunding.pnl.mean - without.pnl.mean, funding, rel: 1e-9))
        for path in 0..<8 { #expect(paid.runPath(path).execution.funding > 0) }
    }

    /// One funding payment: position × mark × rate × 8 h, at the eighth hourly close.
    @Test func fundingPaymentIsPositionTimesMarkTimesRate() throws {
        var config = try perpConfig(fundingRate: 0.1, rule: "none", detail: .full)
        config.autoHedge = false
        var session = Session(config: config, seed: 2)
        session.apply(.trade(shares: -2))
        for _ in 0..<7 { session.apply(.tick) }
        #expect(session.desk.costs.funding == 0)
        session.apply(.tick)
        let expected: Double = 2 * session.spot * 0.1 * 8 / (24 * 365)
        #expect(close(session.desk.costs.funding, expected, rel: 1e-12))
        #expect(close(session.attribution.funding, expected, rel: 1e-12))
        #expect(close(session.attribution.total, session.pnl, rel: 1e-9, abs: 1e-6))
    }

    /// A 5 bp half-spread and no impact: the ladder pays the spread only on its opening hedge
    /// and close-out, a band with about as many trades pays it on every one.
    @Test func ladderSavesTheSpread() throws {
        let costs = TransactionCosts(halfSpreadBps: 5)
        let ladder = MonteCarlo(config: try driftlessLogConfig(rule: "ladder:0.01", steps: 1_000, expiry: 0.25,
                                                               quantity: 100, costs: costs), seed: 9, paths: 40).run(threads: 2)
        let ladderTrades = ladder.trades.mean
        let bands = try [0.5, 1, 2, 3, 4, 6, 8].map { width in
            try MonteCarlo(config: driftlessLogConfig(rule: "band:\(width)", steps: 1_000, expiry: 0.25, quantity: 100, costs: costs),
                           seed: 9, paths: 40).run(threads: 2)
        }
        let band = bands.min { abs($0.trades.mean - ladderTrades) < abs($1.trades.mean - ladderTrades) }!
        #expect(abs(band.trades.mean - ladderTrades) < 0.5 * ladderTrades, "trades \(band.trades.mean) vs \(ladderTrades)")
        let ladderSpread = ladder.execution.mean(ladder.execution.spread)
        let bandSpread = band.execution.mean(band.execution.spread)
        #expect(ladderSpread < bandSpread / 5, "ladder \(ladderSpread) vs band \(bandSpread)")
    }

    /// A limit order fills at its own price, pays the maker fee (here a rebate) and no spread.
    @Test func limitOrderFillsAtItsPriceWithTheRebate() throws {
        var config = try driftlessLogConfig(rule: "none", steps: 2_000, costs: TransactionCosts(halfSpreadBps: 5),
                                            terms: ExecutionTerms(makerFeeBps: -1))
        config.autoHedge = false
        config.detail = .full
        var session = Session(config: config, seed: 4)
        session.apply(.placeLimit(shares: 10, price: 99))
        session.apply(.placeLimit(shares: 10, price: -1))
        #expect(session.desk.orders.count == 1)
        while session.desk.orders.count == 1 && !session.isFinished { session.apply(.tick) }
        let fill = try #require(session.recentTrades.first)
        #expect(fill.price == 99)
        #expect(close(session.desk.costs.rebates, 10 * 99 * 1e-4, rel: 1e-12))
        #expect(session.desk.costs.spread == 0)
        #expect(session.stockShares == 10)
    }

    /// With latency of one step, a market order fills at the next close's price.
    @Test func latencyFillsAtThePriceThen() throws {
        var config = try driftlessLogConfig(rule: "none", steps: 10, expiry: 10 / 525_600,
                                            terms: ExecutionTerms(latencyMs: 60_000))
        config.autoHedge = false
        config.detail = .full
        var session = Session(config: config, seed: 8)
        session.apply(.trade(shares: 5))
        #expect(session.stockShares == 0)
        #expect(session.desk.sharesInFlight == 5)
        session.apply(.tick)
        #expect(session.stockShares == 5)
        #expect(close(try #require(session.recentTrades.last).price, session.spot, rel: 1e-9))
    }

    /// Standard terms take the plain path: the costs split into spread and fees and add up.
    @Test func standardTermsSplitTheirCosts() throws {
        var session = Session(config: unitOptionConfig(steps: 50, quantity: 100,
                                                       costs: TransactionCosts(halfSpreadBps: 3, feePerShare: 0.005)), seed: 2)
        runToEnd(&session)
        let parts = session.executionCosts
        #expect(close(parts.spread + parts.fees, -session.attribution.costs, rel: 1e-12))
        #expect(close(parts.fees, session.sharesTraded * 0.005, rel: 1e-12))
        #expect(parts.marketFills == session.tradeCount)
        #expect(session.config.execution == nil)
    }

    @Test(arguments: ["ladder:0", "ladder:-0.01", "ladder:x", "ladder:0.01:0", "ladder:0.01:2:3"])
    func badLadderIsRefused(text: String) {
        #expect(throws: HedgeRuleError.self) { try HedgeRule.parse(text) }
    }

    @Test func ladderReadsBack() throws {
        for text in ["ladder:0.02", "ladder:0.005:100"] {
            #expect(try HedgeRule.parse(text).description == text)
        }
    }

    @Test func badTermsAreRefused() {
        #expect(throws: SessionConfigError.self) { try ExecutionTerms(dailyVolume: -1).validate() }
        #expect(throws: SessionConfigError.self) { try ExecutionTerms(latencyMs: -5).validate() }
        #expect(throws: SessionConfigError.self) { try ExecutionTerms(fundingRate: 0.1).validate() }
    }
}
