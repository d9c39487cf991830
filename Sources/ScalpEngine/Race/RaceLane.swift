/// One rule's lane in a `HedgeRace`: the training session `gammascalp session --rule R` runs
/// (the scenario with R as its policy, the auto-hedger on, at full detail), graded against its
/// own reference family.
public struct RaceLane: Sendable {
    public let rule: HedgeRule
    public private(set) var training: TrainingSession

    /// The lane of `rule` on `scenario` with `seed`.
    public init(scenario: Scenario, seed: UInt64, rule: HedgeRule) {
        // As `session --rule R` sets it up: R becomes the scenario's policy, so the family it
        // is graded against holds R, exactly as that command's does.
        var own = scenario
        own.config.hedgeRule = rule
        self.rule = rule
        training = TrainingSession(scenario: own, seed: seed, autoHedge: true)
    }

    /// The lane's own session.
    public var session: Session { training.trainee }
    public var references: ReferenceHedgers { training.references }

    public var isFinished: Bool { training.isFinished }

    /// One step of the path, for the session, its benchmark and its family together.
    mutating func tick() { training.apply(.tick) }

    /// The session graded against its family as both stand now (final once finished). The
    /// one place the race asks the engine for points.
    public var grade: SessionGrade { training.grade }
}
