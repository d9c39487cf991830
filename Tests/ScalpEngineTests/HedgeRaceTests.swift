import Testing
@testable import ScalpEngine

@Suite("Hedge race")
struct HedgeRaceTests {
    static let trendDay = Scenario.named("trend-day")!
    static let rules = ["band:600", "every:1", "ww:0.001"].map { HedgeRule($0)! }

    /// What `gammascalp session --rule R` runs: the scenario with R as its policy, auto-hedged.
    static func sessionCommand(_ rule: HedgeRule, seed: UInt64, steps: Int? = nil) -> TrainingSession {
        var scenario = trendDay
        scenario.config.hedgeRule = rule
        var training = TrainingSession(scenario: scenario, seed: seed, autoHedge: true)
        while !training.isFinished && training.trainee.step < (steps ?? .max) { training.apply(.tick) }
        return training
    }

    @Test("at the last step each lane's P&L, costs, trades and points are session --rule R's")
    func finalNumbersEqualTheSessionCommand() {
        var race = HedgeRace(scenario: Self.trendDay, seed: 3, rules: Self.rules)
        race.runToEnd()
        #expect(race.isFinished && race.step == race.steps)
        for standing in race.standings {
            let training = Self.sessionCommand(standing.rule, seed: 3)
            let score = training.grade
            #expect(standing.pnl == training.trainee.pnl, "\(standing.rule)")
            #expect(standing.costs == training.trainee.attribution.costs, "\(standing.rule)")
            #expect(standing.trades == training.trainee.tradeCount, "\(standing.rule)")
            #expect(standing.points == score.points, "\(standing.rule)")
            #expect(standing.risk == training.trainee.hedgingErrorSoFar, "\(standing.rule)")
        }
        // The rules hedge differently, so the race is not three copies of one session.
        #expect(Set(race.standings.map(\.trades)).count == 3)
    }

    @Test("each lane is a HeadlessSession of the scenario with its rule as the policy")
    func lanesAreHeadlessSessions() {
        var race = HedgeRace(scenario: Self.trendDay, seed: 5, rules: Self.rules)
        race.runToEnd()
        for lane in race.lanes {
            var scenario = Self.trendDay
            scenario.config.hedgeRule = lane.rule
            #expect(lane.grade == HeadlessSession(scenario: scenario, seed: 5, rule: lane.rule).run())
        }
    }

    @Test("the lanes step together, and points so far match a session stopped at the same step")
    func lockStepAndPointsSoFar() {
        var race = HedgeRace(scenario: Self.trendDay, seed: 7, rules: Self.rules)
        for _ in 0..<300 { race.tick() }
        #expect(race.lanes.allSatisfy { $0.session.step == 300 })
        #expect(Set(race.lanes.map(\.session.spot)).count == 1, "one path for every lane")
        for standing in race.standings {
            let training = Self.sessionCommand(standing.rule, seed: 7, steps: 300)
            #expect(standing.pnl == training.trainee.pnl)
            #expect(standing.netDelta == training.trainee.netDelta)
            #expect(standing.points == training.grade.points)
        }
    }

    @Test("standings are best first: points, then P&L, then the order given")
    func ranking() {
        func standing(_ lane: Int, points: Double, pnl: Double) -> RaceStanding {
            var race = HedgeRace(scenario: Self.trendDay, seed: 1, rules: [.none])
            race.tick()
            var standing = race.standings[0]
            (standing.lane, standing.points, standing.pnl) = (lane, points, pnl)
            return standing
        }
        let ranked = RaceStanding.ranked([standing(0, points: 50, pnl: 10), standing(1, points: 80, pnl: -5),
                                          standing(2, points: 50, pnl: 20), standing(3, points: 50, pnl: 20)])
        #expect(ranked.map(\.lane) == [1, 2, 3, 0])
    }

    @Test("a rule given twice races once")
    func duplicatesRaceOnce() {
        let race = HedgeRace(scenario: Self.trendDay, seed: 1, rules: [HedgeRule("every:1")!, .none, HedgeRule("every:1")!])
        #expect(race.rules == [HedgeRule("every:1")!, .none])
    }

    @Test("the family's best on average is the rule with the highest mean utility, whatever the family's order")
    func bestOnAverage() {
        // A 3% trend on 15% vol against 20% implied: not hedging keeps the move; hedging every
        // minute sells it away and pays for it.
        let every = HedgeRule("every:1")!
        let seeds: [UInt64] = [1, 2]
        #expect(HedgeRuleFamily(rules: [every, .none]).bestOnAverage(in: Self.trendDay, seeds: seeds) == .none)
        #expect(HedgeRuleFamily(rules: [.none, every]).bestOnAverage(in: Self.trendDay, seeds: seeds) == .none)
    }

    @Test("by default it races the policy, the benchmark and the family's best on average, once each")
    func defaultRules() {
        let scenario = Self.trendDay
        let rules = HedgeRace.defaultRules(for: scenario)
        let best = HedgeRuleFamily.standard(for: scenario).bestOnAverage(in: scenario)
        #expect(rules.first == scenario.config.hedgeRule)
        #expect(rules.contains(scenario.benchmarkRule) && rules.contains(best))
        #expect(Set(rules).count == rules.count)
        #expect(HedgeRuleFamily.standard(for: scenario).rules.contains(best))
    }
}
