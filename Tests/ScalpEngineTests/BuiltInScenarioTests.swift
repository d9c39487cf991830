import Foundation
import Testing
@testable import ScalpEngine

@Suite("Built-in scenarios")
struct BuiltInScenarioTests {
    static let names = ["classic-scalp", "theta-bleed", "short-gamma", "trend-day", "jumps", "stochastic-vol",
                        "vol-crush", "expensive-hedging", "btc-perp", "size-and-impact", "overnight-gaps"]

    /// Mean final P&L of `paths` sessions of `scenario` auto-hedged by `rule` (streams 0..<paths of one seed,
    /// so two rules see the same markets).
    func meanPnL(_ scenario: Scenario, rule: HedgeRule, paths: Int) -> RunningStatistics {
        var config = scenario.config
        config.hedgeRule = rule
        config.autoHedge = true
        config.detail = .pnlOnly
        var stats = RunningStatistics()
        for path in 0..<paths {
            var session = Session(config: config, seed: 2026, stream: UInt64(path))
            runToEnd(&session)
            stats.add(session.pnl)
        }
        return stats
    }

    @Test func allParseWithNamesAndGoals() throws {
        #expect(Scenario.builtIn.map(\.name) == Self.names)
        for (text, scenario) in zip(BuiltInScenarioFiles.texts, Scenario.builtIn) {
            #expect(try ScenarioFile.parse(text, file: scenario.name) == scenario)
            #expect(!scenario.description.isEmpty && !scenario.learningGoal.isEmpty, "\(scenario.name)")
            #expect(Scenario.named(scenario.name.uppercased()) == scenario)
            #expect(Scenario.builtInFile(named: scenario.name) == text)
            #expect(throws: Never.self, "\(scenario.name)") { try scenario.config.validate() }
        }
        #expect(Scenario.named("no-such") == nil)
        // Every process kind and every implied-vol feature is used by some built-in.
        let processes = Set(Scenario.builtIn.map(\.config.process.name))
        #expect(processes == ["GBM", "Merton jumps", "regime switching", "Heston"])
        #expect(Scenario.builtIn.contains { $0.skew != nil })
        #expect(Scenario.builtIn.contains { $0.impliedVolDynamics != .constant })
        #expect(Scenario.builtIn.contains { !$0.events.isEmpty })
    }

    /// `scenarios --show` prints TOML that reads back to an equal scenario, and printing is stable.
    @Test(arguments: Self.names)
    func printedTOMLReadsBack(name: String) throws {
        let scenario = try #require(Scenario.named(name))
        let text = ScenarioFile.write(scenario)
        let reread = try ScenarioFile.parse(text, file: "\(name).toml")
        #expect(reread == scenario)
        #expect(ScenarioFile.write(reread) == text)
    }

    /// classic-scalp keeps the numbers it had before scenarios were files.
    @Test func classicScalpKeepsItsNumbers() {
        let expiry = 30.0 / 365
        let book = OptionBook([
            OptionPosition(kind: .call, strike: 100, expiry: expiry, quantity: 10, multiplier: 100, impliedVol: 0.20),
            OptionPosition(kind: .put, strike: 100, expiry: expiry, quantity: 10, multiplier: 100, impliedVol: 0.20),
        ])
        let config = SessionConfig(
            spot: 100, rate: 0.05, dividendYield: 0,
            process: .geometricBrownian(GeometricBrownianMotion(drift: 0.05, volatility: 0.25)),
            timeStep: DayCount.fiveCalendarMinutes, steps: 30 * 24 * 12, book: book,
            costs: TransactionCosts(halfSpreadBps: 1, feePerShare: 0.005), lotSize: 100,
            hedgeRule: .band(DeltaBandHedge(halfWidth: 100)), autoHedge: false,
            volatilityWindow: 288, ewmaHalfLife: 144, impliedVolModel: ImpliedVolModel(atmVol: 0.20))
        let classic = Scenario.classicScalp
        #expect(classic.name == "classic-scalp")
        #expect(classic.config == config)
        #expect(classic.stepsPerSecond == 10 && classic.atmImpliedVol == 0.20)
        #expect(classic.description == "Long 10 ATM straddles, 30 days, bought at 20% implied; the market realizes 25%.")
        #expect(Scenario.builtIn.first == classic)
    }

    // MARK: - Each teaches what it says

    /// expensive-hedging: with wide spreads its band policy beats the every-step benchmark on mean P&L.
    @Test func expensiveHedgingBandBeatsEveryStep() throws {
        let scenario = try #require(Scenario.named("expensive-hedging"))
        guard case .band = scenario.config.hedgeRule else { Issue.record("policy is not a band"); return }
        #expect(scenario.benchmarkRule == .every(PeriodicHedge(interval: 1)))
        let band = meanPnL(scenario, rule: scenario.config.hedgeRule, paths: 100)
        let every = meanPnL(scenario, rule: scenario.benchmarkRule, paths: 100)
        let error = ((band.variance + every.variance) / 100).squareRoot()
        #expect(band.mean > every.mean + 4 * error, "band \(band.mean) vs every step \(every.mean) ± \(error)")
        #expect(band.mean > 0 && every.mean < 0)
    }

    /// size-and-impact: with impact, market orders every step lose to the ladder and to a wide band.
    @Test func sizeAndImpactLadderAndBandBeatEveryStep() throws {
        let scenario = try #require(Scenario.named("size-and-impact"))
        #expect(scenario.config.hedgeRule.restsOrders)
        let ladder = meanPnL(scenario, rule: scenario.config.hedgeRule, paths: 60)
        let band = meanPnL(scenario, rule: try HedgeRule.parse("band:30000"), paths: 60)
        let every = meanPnL(scenario, rule: scenario.benchmarkRule, paths: 60)
        for (name, rule) in [("ladder", ladder), ("band", band)] {
            let error = ((rule.variance + every.variance) / 60).squareRoot()
            #expect(rule.mean > every.mean + 4 * error, "\(name) \(rule.mean) vs every step \(every.mean) ± \(error)")
        }
    }

    /// btc-perp: the ladder pays less in costs than market orders every step, and funding is booked on its own.
    @Test func btcPerpLadderSavesCostsAndBooksFunding() throws {
        let scenario = try #require(Scenario.named("btc-perp"))
        #expect(scenario.config.executionTerms.venue == .cryptoPerp)
        var config = scenario.config
        config.detail = .pnlOnly
        var ladderCosts = 0.0, everyCosts = 0.0, funding = 0.0
        for path in 0..<10 {
            var ladder = Session(config: config, seed: 5, stream: UInt64(path))
            runToEnd(&ladder)
            var every = config
            every.hedgeRule = scenario.benchmarkRule
            var market = Session(config: every, seed: 5, stream: UInt64(path))
            runToEnd(&market)
            ladderCosts -= ladder.attribution.costs
            everyCosts -= market.attribution.costs
            funding += abs(ladder.attribution.funding)
            #expect(ladder.attribution.funding == ladder.executionCosts.funding)
        }
        #expect(ladderCosts < everyCosts / 3, "ladder \(ladderCosts) vs every step \(everyCosts)")
        #expect(funding > 0)
    }

    /// trend-day: letting the delta run (its band) beats hedging every step.
    @Test func trendDayBandBeatsEveryStep() throws {
        let scenario = try #require(Scenario.named("trend-day"))
        let band = meanPnL(scenario, rule: scenario.config.hedgeRule, paths: 60)
        let every = meanPnL(scenario, rule: scenario.benchmarkRule, paths: 60)
        let error = ((band.variance + every.variance) / 60).squareRoot()
        #expect(band.mean > every.mean + 4 * error, "band \(band.mean) vs every step \(every.mean)")
    }

    /// classic-scalp makes money hedged, theta-bleed loses it, whatever the band.
    @Test func realizedAgainstImpliedDecidesTheSign() throws {
        let classic = meanPnL(Scenario.classicScalp, rule: Scenario.classicScalp.config.hedgeRule, paths: 30)
        #expect(classic.mean > 4 * classic.standardDeviation / 30.0.squareRoot(), "classic \(classic.mean)")
        let bleed = try #require(Scenario.named("theta-bleed"))
        let losses = meanPnL(bleed, rule: bleed.config.hedgeRule, paths: 30)
        #expect(losses.maximum < 0, "theta-bleed best path \(losses.maximum)")
    }

    /// short-gamma: usually a winner, but a stress spell costs more than the best path ever makes.
    @Test func shortGammaHasAFatLeftTail() throws {
        let scenario = try #require(Scenario.named("short-gamma"))
        let stats = meanPnL(scenario, rule: scenario.config.hedgeRule, paths: 60)
        #expect(stats.mean > 0)
        #expect(-stats.minimum > stats.maximum, "worst \(stats.minimum), best \(stats.maximum)")
    }

    /// vol-crush: at the event the book loses, the gap's gain smaller than the crush's loss
    /// (valued just before the event and just after, at the scenario's numbers: before, each
    /// option carries the event's variance; after, spot has gapped and the variance is gone).
    @Test func volCrushLosesAtTheEvent() throws {
        let scenario = try #require(Scenario.named("vol-crush"))
        let event = try #require(scenario.events.events.first)
        let (config, model) = (scenario.config, scenario.impliedVolModel)
        func value(spot: Double, time: Double) -> Double {
            var book = config.book
            for index in book.positions.indices {
                let p = book.positions[index]
                book.positions[index].impliedVol = model.impliedVol(
                    strike: p.strike, expiry: p.expiry, spot: spot, time: time, atmVol: model.atmVol,
                    openingSpot: config.spot, carry: config.rate, events: scenario.events)
            }
            return book.greeks(spot: spot, time: event.time, rate: config.rate, dividendYield: 0).price
        }
        let before = value(spot: config.spot, time: event.time - config.timeStep)
        let after = value(spot: config.spot * event.priceFactor, time: event.time)
        #expect(after < 0.8 * before, "book \(before) → \(after)")
    }
}
