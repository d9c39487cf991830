/// One whole training session without a screen: the auto-hedger plays the trainee with one
/// rule from the first step to the last, the reference family runs beside it on the same path,
/// and the session is graded. What tests pin the grade with; `gammascalp session` runs the same
/// `TrainingSession`.
public struct HeadlessSession: Sendable {
    public let scenario: Scenario
    public let seed: UInt64
    /// The trainee's rule.
    public let rule: HedgeRule
    public let family: HedgeRuleFamily

    /// A session of `scenario` with `seed`, the trainee hedging by `rule` (default: the
    /// scenario's policy) against `family` (default: the standard family).
    public init(scenario: Scenario, seed: UInt64, rule: HedgeRule? = nil, family: HedgeRuleFamily? = nil) {
        self.scenario = scenario
        self.seed = seed
        self.rule = rule ?? scenario.config.hedgeRule
        self.family = family ?? .standard(for: scenario)
    }

    /// Runs the session to its end.
    public func run() -> SessionGrade {
        var played = scenario
        played.config.hedgeRule = rule
        var training = TrainingSession(scenario: played, seed: seed, autoHedge: true, family: family)
        while !training.isFinished { training.apply(.tick) }
        return training.grade
    }
}
