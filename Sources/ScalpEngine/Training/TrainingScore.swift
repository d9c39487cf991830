/// How well a trainee hedged: the grounded score against the reference family on the same path
/// (`GroundedScore`: points, verdict, the nearest and the best rule), the P&L split into luck
/// and skill (`PnLDecomposition`), and the trainee beside the benchmark hedger the screen shows.
///
/// Points are the `GroundedScore`'s: the trainee's utility U = P&L − (λ/2)·Q placed among the
/// family's utilities on the same path, less the limit penalties. The benchmark figures are
/// for comparison only; nothing is pinned to the benchmark.
public struct TrainingScore: Sendable, Hashable, Codable {
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
    /// The trainee's utility U = P&L − (λ/2)·Q, currency; nil in older journals.
    public var utility: Double?
    /// Luck and skill: the market's part, the hedging part, costs and the rest; nil in older journals.
    public var decomposition: PnLDecomposition?

    /// The names of the journal's `end` line `score` object, which a journal reader decodes.
    enum CodingKeys: String, CodingKey {
        case points, verdict, utility, decomposition
        case traineePnL = "pnl", benchmarkPnL = "benchmark_pnl", traineeHedgingError = "hedging_error"
        case benchmarkHedgingError = "benchmark_hedging_error", traineeCosts = "costs", benchmarkCosts = "benchmark_costs"
        case traineeTrades = "trades", benchmarkTrades = "benchmark_trades", timeOverLimit = "time_over_limit"
        case deltaLimitBreaches = "delta_limit_breaches", lossLimitBreached = "loss_limit_breached"
        case nearestRule = "nearest_rule", bestRule = "best_rule"
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
    }
}
