/// How well a trainee hedged: the grounded score against the reference family on the same path
/// (`GroundedScore`: points, verdict, the nearest and the best rule), the P&L split into luck
/// and skill (`PnLDecomposition`), and the trainee beside the benchmark hedger the screen shows.
///
/// Points are the `GroundedScore`'s: the trainee's utility U = P&L − luck − (λ/2)·Σ Δ²·Var placed among the
/// family's utilities on the same path, less the limit penalties. The benchmark figures are
/// for comparison only; nothing is pinned to the benchmark.
public struct TrainingScore: Sendable, Hashable {
    public var traineePnL: Double
    public var benchmarkPnL: Double
    /// Standard deviation of the per-step hedging error, currency.
    public var traineeHedgingError: Double
    public var benchmarkHedgingError: Double
    /// Costs paid, currency (≥ 0).
    public var traineeCosts: Double
    public var benchmarkCosts: Double
    public var traineeTrades: Int
    public var benchmarkTrades: Int
    /// Fraction of steps spent over the net-delta limit, 0 without a limit.
    public var timeOverLimit: Double
    public var deltaLimitBreaches: Int
    public var lossLimitBreached: Bool
    /// 0–100 (`GroundedScore.points`).
    public var points: Double
    /// One or two plain sentences.
    public var verdict: String
    /// The family rule the trainee hedged most like, and the best rule on this path; nil when
    /// read from a journal written before the grounded score (0.3.0).
    public var nearestRule: String?
    public var bestRule: String?
    /// The trainee's utility U = P&L − luck − (λ/2)·Σ Δ²·Var, currency; nil in older journals.
    public var utility: Double?
    /// Luck and skill: the market's part, the hedging part, costs and the rest; nil in older journals.
    public var decomposition: PnLDecomposition?
    /// Where the trainee lost most against the best rule (not journaled: a replay re-derives it).
    public var costliestStretch: CostlyStretch?

    /// A score as a journal recorded it (the journal library reads the `end` line's `score`).
    public init(traineePnL: Double, benchmarkPnL: Double, traineeHedgingError: Double, benchmarkHedgingError: Double,
                traineeCosts: Double, benchmarkCosts: Double, traineeTrades: Int, benchmarkTrades: Int,
                timeOverLimit: Double, deltaLimitBreaches: Int, lossLimitBreached: Bool, points: Double, verdict: String,
                nearestRule: String?, bestRule: String?, utility: Double?, decomposition: PnLDecomposition?) {
        (self.traineePnL, self.benchmarkPnL) = (traineePnL, benchmarkPnL)
        (self.traineeHedgingError, self.benchmarkHedgingError) = (traineeHedgingError, benchmarkHedgingError)
        (self.traineeCosts, self.benchmarkCosts) = (traineeCosts, benchmarkCosts)
        (self.traineeTrades, self.benchmarkTrades) = (traineeTrades, benchmarkTrades)
        (self.timeOverLimit, self.deltaLimitBreaches, self.lossLimitBreached) = (timeOverLimit, deltaLimitBreaches, lossLimitBreached)
        (self.points, self.verdict, self.nearestRule, self.bestRule) = (points, verdict, nearestRule, bestRule)
        (self.utility, self.decomposition) = (utility, decomposition)
    }

    public init(_ training: TrainingSession) {
        let trainee = training.trainee
        let benchmark = training.benchmark
        traineePnL = trainee.pnl
        benchmarkPnL = benchmark.pnl
        traineeHedgingError = trainee.hedgingError.standardDeviation
        benchmarkHedgingError = benchmark.hedgingError.standardDeviation
        traineeCosts = -trainee.attribution.costs
        benchmarkCosts = -benchmark.attribution.costs
        traineeTrades = trainee.tradeCount
        benchmarkTrades = benchmark.tradeCount
        timeOverLimit = trainee.step > 0 ? Double(training.stepsOverDeltaLimit) / Double(trainee.step) : 0
        deltaLimitBreaches = training.deltaLimitBreaches
        lossLimitBreached = training.lossLimitBreached
        let grade = training.grade
        points = grade.score.points
        verdict = grade.score.verdict
        nearestRule = grade.score.nearestRule
        bestRule = grade.score.bestRule
        utility = grade.score.utility.value
        decomposition = grade.decomposition
        costliestStretch = grade.costliestStretch
    }
}
