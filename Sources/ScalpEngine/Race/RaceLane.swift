/// One rule's lane in a `HedgeRace`: the session `gammascalp session --rule R` runs (the
/// scenario with R as its policy, the auto-hedger on, at full detail) and that session's own
/// reference family, which its points so far are graded against.
public struct RaceLane: Sendable {
    public let rule: HedgeRule
    public private(set) var session: Session
    public private(set) var references: ReferenceHedgers
    /// λ, per unit of currency (the scenario's).
    let riskAversion: Double

    /// The lane of `rule` on `scenario` with `seed`.
    public init(scenario: Scenario, seed: UInt64, rule: HedgeRule) {
        // As `session --rule R` sets it up: R becomes the scenario's policy, so the family it
        // is graded against holds R, exactly as that command's does.
        var own = scenario
        own.config.hedgeRule = rule
        self.rule = rule
        session = Session(config: TrainingSession.traineeConfig(for: own, autoHedge: true), seed: seed)
        references = ReferenceHedgers(scenario: own, seed: seed, family: .standard(for: own))
        riskAversion = own.riskAversion
    }

    public var isFinished: Bool { session.isFinished }

    /// One step of the path, for the session and its family together.
    mutating func tick() { references.apply(.tick, to: &session) }

    /// The session graded against its family as both stand now (final once finished). The
    /// one place the race asks the engine for points.
    public var grade: SessionGrade {
        SessionGrade(trainee: session, references: references, riskAversion: riskAversion)
    }
}
