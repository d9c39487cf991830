/// One whole training session without a screen: the auto-hedger plays the trainee with one
/// rule from the first step to the last, the reference family runs beside it on the same path,
/// and the session is graded. What `gammascalp session` runs, and what tests pin the score with.
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
        var config = TrainingSession.traineeConfig(for: scenario, autoHedge: true)
        config.hedgeRule = rule
        var trainee = Session(config: config, seed: seed)
        var references = ReferenceHedgers(scenario: scenario, seed: seed, family: family)
        while !trainee.isFinished { references.apply(.tick, to: &trainee) }
        return SessionGrade(trainee: trainee, references: references, riskAversion: scenario.riskAversion)
    }
}

/// A finished (or running) session's numbers and grade: the fields of the journal's `end` line.
public struct SessionGrade: Sendable, Hashable {
    /// The trainee's rule, or "manual".
    public var rule: String
    public var pnl: Double
    public var attribution: PnLAttribution
    public var trades: Int
    /// Costs paid, currency (≥ 0).
    public var costs: Double
    public var score: GroundedScore
    public var decomposition: PnLDecomposition
    /// The trainee's decisions along the path, and the best rule's (`DecisionPath`).
    public var traineePath: DecisionPath
    public var bestPath: DecisionPath?
    /// Where the trainee lost most against the best rule, if anywhere.
    public var costliestStretch: CostlyStretch?

    /// The grade of `trainee` (full detail) against `references`, both as they stand now.
    public init(trainee: Session, references: ReferenceHedgers, riskAversion: Double) {
        rule = trainee.autoHedge && trainee.manualTradeCount == 0 ? trainee.hedgeRule.description : "manual"
        pnl = trainee.pnl
        attribution = trainee.attribution
        trades = trainee.tradeCount
        costs = -trainee.attribution.costs
        let optionValue = trainee.markedGreeks.price
        let own = BookResult(rule: rule, pnl: pnl, costs: costs, trades: trades, record: references.trainee,
                             riskAversion: riskAversion)
        score = GroundedScore(trainee: own, family: references.bookResults(riskAversion: riskAversion, optionValue: optionValue))
        decomposition = PnLDecomposition(session: trainee, idealFinancing: references.idealFinancing,
                                         decisions: references.trainee.decisions)
        traineePath = references.trainee.path
        let best = references.family.rules.firstIndex { $0.description == score.bestRule }
        bestPath = best.map { references.records[$0].path }
        // Named only when it matters: at least a twentieth of the family's spread of utilities.
        let utilities = score.family.map(\.result.utility.value)
        let spread = (utilities.max() ?? 0) - (utilities.min() ?? 0)
        costliestStretch = bestPath.flatMap { CostlyStretch.worst(trainee: traineePath, rule: $0, riskAversion: riskAversion) }
            .flatMap { $0.utilityLost >= 0.05 * spread ? $0 : nil }
    }
}
