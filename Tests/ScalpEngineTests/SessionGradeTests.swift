import Foundation
import Testing
@testable import ScalpEngine

@Suite("Grounded score")
struct SessionGradeTests {
    static func scenario(_ name: String) -> Scenario { Scenario.builtIn.first { $0.name == name }! }

    /// `session` runs of `scenario` with each rule over seeds 1–30, run two at a time.
    static func grades(_ name: String, rules: [String]) -> [[SessionGrade]] {
        let scenario = scenario(name)
        let parsed = rules.map { HedgeRule($0)! }
        let jobs = (1...30).flatMap { seed in parsed.map { (seed, $0) } }
        let results = Results(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (seed, rule) = jobs[index]
            results.set(index, HeadlessSession(scenario: scenario, seed: UInt64(seed), rule: rule).run())
        }
        let all = results.values
        return (0..<30).map { seed in Array(all[seed * rules.count..<(seed + 1) * rules.count]) }
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [SessionGrade?]
        init(count: Int) { storage = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ grade: SessionGrade) { lock.withLock { storage[index] = grade } }
        var values: [SessionGrade] { lock.withLock { storage.map { $0! } } }
    }

    // MARK: - Lessons win

    @Test func expensiveHedgingRewardsTheBand() {
        let seeds = Self.grades("expensive-hedging", rules: ["band:300", "every:1"])
        let bandWins = seeds.filter { $0[0].points > $0[1].points }.count
        let everyLow = seeds.filter { $0[1].points <= 50 }.count
        #expect(bandWins >= 27, "band:300 beat every:1 on \(bandWins) of 30 seeds")
        #expect(everyLow >= 27, "every:1 scored at most 50 on \(everyLow) of 30 seeds")
    }

    @Test func trendDayRewardsTheWideBand() {
        let seeds = Self.grades("trend-day", rules: ["band:600", "every:1"])
        let wins = seeds.filter { $0[0].points > $0[1].points }.count
        #expect(wins >= 24, "band:600 beat every:1 on \(wins) of 30 seeds")
    }

    /// With impact, graded against a family that includes ladders, the scenario's ladder beats
    /// market orders every step (measured: 30 of 30 seeds, 97.1 points on average against 9.8).
    @Test func sizeAndImpactRewardsTheLadder() {
        let seeds = Self.grades("size-and-impact", rules: ["ladder:0.005", "every:1"])
        let wins = seeds.filter { $0[0].points > $0[1].points }.count
        #expect(wins >= 26, "ladder:0.005 beat every:1 on \(wins) of 30 seeds")
    }

    /// On the perpetual, the taker fee and the spread make resting orders the lesson: the
    /// scenario's ladder beats market orders every step.
    @Test func btcPerpRewardsTheLadder() {
        let seeds = Self.grades("btc-perp", rules: ["ladder:0.01", "every:1"])
        let wins = seeds.filter { $0[0].points > $0[1].points }.count
        #expect(wins >= 27, "ladder:0.01 beat every:1 on \(wins) of 30 seeds")
    }

    /// `none` is a family rule, so a trainee playing it earns the family's `none` points
    /// (`copyingARuleEarnsItsPoints`): read them there rather than run the month twice.
    @Test func classicScalpPunishesTheGamble() {
        let seeds = Self.grades("classic-scalp", rules: ["every:12"])
        let below = seeds.filter { seed in
            seed[0].family.first { $0.result.rule == "none" }!.points < seed[0].points
        }.count
        #expect(below >= 24, "none scored below every:12 on \(below) of 30 seeds")
    }

    // MARK: - Copying a rule

    @Test(arguments: ["expensive-hedging", "short-gamma", "vol-crush"])
    func copyingARuleEarnsItsPoints(name: String) {
        let scenario = Self.scenario(name)
        let family = HedgeRuleFamily.standard(for: scenario)
        for rule in [family.rules[0], family.rules[3], family.rules[12], family.rules[20], family.rules.last!] {
            let grade = HeadlessSession(scenario: scenario, seed: 7, rule: rule, family: family).run()
            let reference = grade.family.first { $0.result.rule == rule.description }!
            #expect(grade.points == reference.points, "\(name) \(rule)")
            #expect(grade.traineeBook?.utility == reference.result.utility, "\(name) \(rule)")
            #expect(grade.traineePnL == reference.result.pnl && grade.traineeCosts == reference.result.costs)
        }
    }

    /// The grader's Q for the trainee is the sum of squares of `Session.hedgingError`'s samples.
    @Test func squaredErrorMatchesTheSessionsHedgingError() {
        let scenario = Self.scenario("stochastic-vol")
        var config = scenario.config
        config.autoHedge = true
        config.hedgeRule = HedgeRule("band:200")!
        var trainee = Session(config: config, seed: 4)
        var references = ReferenceHedgers(scenario: scenario, seed: 4, family: HedgeRuleFamily(rules: [.none]))
        while !trainee.isFinished { references.apply(.tick, to: &trainee) }
        let errors = trainee.hedgingError
        let sumOfSquares = errors.variance * Double(errors.count - 1) + Double(errors.count) * errors.mean * errors.mean
        #expect(abs(references.trainee.squaredHedgingError / sumOfSquares - 1) < 1e-9)
        #expect(references.trainee.steps == errors.count)
    }

    // MARK: - Monotone

    /// A random family of utilities and a trainee: more cost at the same hedging error (so a
    /// P&L lower by the cost) never scores higher; more hedging error at the same P&L never does.
    @Test func moreCostOrMoreErrorNeverScoresHigher() {
        var rng = Xoshiro256StarStar(seed: 11)
        for _ in 0..<500 {
            let lambda = 0.0005 + 0.002 * rng.nextUnit()
            let family = (0..<25).map { index in
                BookResult(rule: "r\(index)", pnl: 2000 * rng.nextNormal(), costs: 500 * rng.nextUnit(), trades: 10,
                           record: record(q: 1e6 * rng.nextUnit()), riskAversion: lambda)
            }
            let gross = 1500 * rng.nextNormal()
            let q = 1e6 * rng.nextUnit()
            let cost = 400 * rng.nextUnit()
            func points(cost: Double, q: Double) -> Double {
                SessionGrade.placement(of: BookResult(rule: "t", pnl: gross - cost, costs: cost, trades: 10, record: record(q: q),
                                                  riskAversion: lambda), among: family).points
            }
            let base = points(cost: cost, q: q)
            let extraCost = 300 * rng.nextUnit()
            let extraQ = 5e5 * rng.nextUnit()
            #expect(points(cost: cost + extraCost, q: q) <= base)
            #expect(points(cost: cost, q: q + extraQ) <= base)
        }
    }

    func record(q: Double, steps: Int = 1, over: Int = 0, lossBreach: Bool = false) -> HedgingRecord {
        var record = HedgingRecord()
        record.addStep(error: q.squareRoot(), netDelta: over > 0 ? 2 : 0, pnl: lossBreach ? -10 : 0,
                       limits: RiskLimits(netDelta: 1, loss: 5))
        for _ in 1..<steps { record.addStep(error: 0, netDelta: 0, pnl: 0, limits: RiskLimits(netDelta: 1, loss: 5)) }
        return record
    }

    @Test func placementRunsFromTheWorstRuleToTheBest() {
        let sorted = [-300.0, -100, 0, 0, 50]
        #expect(SessionGrade.placement(of: -400, among: sorted) == 0)
        #expect(SessionGrade.placement(of: -300, among: sorted) == 0)
        #expect(SessionGrade.placement(of: -200, among: sorted) == 0.125)
        #expect(SessionGrade.placement(of: 0, among: sorted) == 0.75)
        #expect(SessionGrade.placement(of: 25, among: sorted) == 0.875)
        #expect(SessionGrade.placement(of: 60, among: sorted) == 1)
    }

    @Test func limitsCostPoints() {
        let family = [0.0, 100].map { BookResult(rule: "r\($0)", pnl: $0, costs: 0, trades: 1, record: record(q: 0), riskAversion: 0) }
        func points(_ record: HedgingRecord) -> Double {
            SessionGrade.placement(of: BookResult(rule: "t", pnl: 100, costs: 0, trades: 1, record: record, riskAversion: 0),
                          among: family).points
        }
        #expect(points(record(q: 0)) == 100)
        #expect(points(record(q: 0, steps: 4, over: 1)) == 95)
        #expect(points(record(q: 0, lossBreach: true)) == 80)
    }

    // MARK: - Luck and skill

    /// The market's part is the path's: the same for every rule. With realized above implied
    /// it is positive on average (expensive-hedging), below it negative (theta-bleed); the parts add up.
    @Test func marketPartIsTheVolEdge() {
        for (name, sign) in [("expensive-hedging", 1.0), ("theta-bleed", -1.0)] {
            let seeds = Self.grades(name, rules: ["every:1", "band:300"])
            var market = RunningStatistics()
            for pair in seeds {
                let (a, b) = (pair[0].decomposition!, pair[1].decomposition!)
                #expect(abs(a.market - b.market) <= 1e-9 * max(abs(a.market), 1))
                for grade in pair {
                    let parts = grade.decomposition!
                    #expect(abs(parts.market + parts.hedging + parts.costs + parts.rest - grade.traineePnL) < 1e-6)
                    // Implied vol is constant here: nothing is left for vega.
                    #expect(abs(parts.rest) < 1e-6 * max(abs(grade.traineePnL), 1))
                    #expect(parts.costs == -grade.traineeCosts)
                }
                market.add(a.market)
            }
            #expect(sign * market.mean > 3 * market.standardDeviation / 30.0.squareRoot(), "\(name): \(market.mean)")
        }
    }

    @Test func verdictNamesTheNearestAndBestRules() {
        let grade = HeadlessSession(scenario: Self.scenario("expensive-hedging"), seed: 5, rule: HedgeRule("band:300")!).run()
        #expect(grade.nearestRule == "band:300")
        #expect(grade.verdict.contains(". Your hedging was like band:300.") && grade.verdict.hasPrefix("You traded \(grade.traineeTrades) times"))
        #expect(grade.family.contains { $0.result.rule == grade.bestRule })
        #expect(grade.verdict.contains(grade.bestRule!))
    }

    @Test func familyCoversTheRuleKinds() {
        let family = HedgeRuleFamily.standard(for: Self.scenario("classic-scalp"))
        #expect((20...40).contains(family.rules.count))
        let kinds = Set(family.rules.map { String($0.description.prefix { $0 != ":" }) })
        #expect(kinds == ["none", "every", "band", "move", "ww"])
        #expect(family.rules.contains(HedgeRule("band:300")!) && family.rules.contains(HedgeRule("band:600")!))
    }
}

/// The ladder joins the reference family where the scenario sets its execution, and only there.
@Suite("ladder in the reference family")
struct LadderFamilyTests {
    @Test(arguments: ["btc-perp", "size-and-impact"])
    func executionScenariosGradeAgainstTheLadder(name: String) throws {
        let scenario = try #require(Scenario.named(name))
        let ladders = HedgeRuleFamily.standard(for: scenario).rules.filter(\.restsOrders).map(\.description)
        for step in ["0.0025", "0.005", "0.01", "0.02"] { #expect(ladders.contains("ladder:" + step), "\(ladders)") }
    }

    @Test(arguments: ["classic-scalp", "expensive-hedging", "trend-day", "short-gamma"])
    func plainScenariosKeepTheirFamily(name: String) throws {
        let scenario = try #require(Scenario.named(name))
        let ladders = HedgeRuleFamily.standard(for: scenario).rules.filter(\.restsOrders)
        #expect(ladders.isEmpty)
    }

    /// Hedging like a ladder of the family earns that ladder's points, as for every other rule.
    @Test func copyingALadderEarnsItsPoints() throws {
        let scenario = try #require(Scenario.named("size-and-impact"))
        let family = HedgeRuleFamily.standard(for: scenario)
        let rule = try #require(HedgeRule("ladder:0.01"))
        let grade = HeadlessSession(scenario: scenario, seed: 7, rule: rule, family: family).run()
        let book = try #require(grade.family.first { $0.result.rule == "ladder:0.01" })
        #expect(grade.points == book.points, "\(grade.points) vs \(book.points)")
        #expect(grade.traineePnL == book.result.pnl && grade.traineeCosts == book.result.costs, "\(grade.traineePnL) \(book.result.pnl) \(grade.traineeCosts) \(book.result.costs)")
        #expect(grade.traineeBook?.utility == book.result.utility, "\(String(describing: grade.utility)) \(book.result.utility)")
    }
}
