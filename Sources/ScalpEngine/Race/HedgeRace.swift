/// Several hedge rules raced on one price path: one `RaceLane` per rule, all on the same
/// scenario and seed, stepped in lock step. Each lane is the session `gammascalp session
/// --rule R` runs, so at the last step each lane's P&L, costs, trades and points are that
/// command's. What `gammascalp watch` shows.
public struct HedgeRace: Sendable {
    public let scenario: Scenario
    public let seed: UInt64
    /// One lane per rule, in the order the rules were given.
    public private(set) var lanes: [RaceLane]

    /// A race of `rules` (duplicates dropped; at least one) on `scenario` with `seed`.
    public init(scenario: Scenario, seed: UInt64, rules: [HedgeRule]) {
        var seen = Set<HedgeRule>()
        let distinct = rules.filter { seen.insert($0).inserted }
        precondition(!distinct.isEmpty, "a race needs a rule")
        self.scenario = scenario
        self.seed = seed
        lanes = distinct.map { RaceLane(scenario: scenario, seed: seed, rule: $0) }
    }

    /// The rules `watch` races when none are given: the scenario's policy, its benchmark and
    /// the standard family's best on average (`HedgeRuleFamily.bestOnAverage`), without repeats.
    public static func defaultRules(for scenario: Scenario) -> [HedgeRule] {
        let best = HedgeRuleFamily.standard(for: scenario).bestOnAverage(in: scenario)
        var seen = Set<HedgeRule>()
        return [scenario.config.hedgeRule, scenario.benchmarkRule, best].filter { seen.insert($0).inserted }
    }

    public var rules: [HedgeRule] { lanes.map(\.rule) }
    /// The step every lane has reached.
    public var step: Int { lanes[0].session.step }
    /// The session's length in steps.
    public var steps: Int { lanes[0].session.config.steps }
    public var isFinished: Bool { lanes.allSatisfy(\.isFinished) }

    /// Advances every lane one step (nothing once finished).
    public mutating func tick() {
        for index in lanes.indices { lanes[index].tick() }
    }

    /// Runs every lane to the last step.
    public mutating func runToEnd() {
        while !isFinished { tick() }
    }

    /// Every lane's numbers now, best first (`RaceStanding.ranked`).
    public var standings: [RaceStanding] {
        RaceStanding.ranked(lanes.indices.map { RaceStanding(lanes[$0], lane: $0) })
    }
}
