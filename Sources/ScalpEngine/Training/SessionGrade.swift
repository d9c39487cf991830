/// A trainee's session graded: the one grade type. The engine derives it
/// (`TrainingSession.grade`), the journal's `end` line records it, and the screen, the report,
/// the class board and the leaderboard read it.
///
/// Every book on the path (the trainee's and each reference rule's) has a utility
/// U = P&L − luck − (λ/2)·Σ Δ²·Var (`HedgingUtility`); the points place the trainee's among the
/// family's (`SessionGrade+Placement`), less the limit penalties. The benchmark figures are for
/// comparison only: nothing is pinned to the benchmark.
public struct SessionGrade: Sendable, Hashable {
    /// 0–100.
    public var points: Double
    /// Two or three plain sentences: how the trainee hedged, the best rule, what to do next time.
    public var verdict: String
    /// The family rule the trainee hedged most like, and the best rule on this path; nil when
    /// read from a journal written before the grade against the family (0.3.0).
    public var nearestRule: String?
    public var bestRule: String?
    /// The trainee's utility U, currency; nil in older journals.
    public var utility: Double?
    /// Luck and skill: the market's part, the hedging part, costs and the rest; nil in older journals.
    public var decomposition: PnLDecomposition?
    /// Where the trainee lost most against the best rule, if anywhere it mattered.
    public var costliestStretch: CostlyStretch?

    /// The trainee beside the benchmark hedger on the same path: P&L, currency; the standard
    /// deviation of the per-step hedging error, currency; costs paid, currency (≥ 0); trades.
    public var traineePnL: Double
    public var benchmarkPnL: Double
    public var traineeHedgingError: Double
    public var benchmarkHedgingError: Double
    public var traineeCosts: Double
    public var benchmarkCosts: Double
    public var traineeTrades: Int
    public var benchmarkTrades: Int

    /// Fraction of steps spent over the net-delta limit, 0 without a limit.
    public var timeOverLimit: Double
    public var deltaLimitBreaches: Int
    public var lossLimitBreached: Bool

    /// Derived live only (a journal does not record them, a replay re-derives them): the
    /// trainee's own book result, every reference book's result with its points in the family's
    /// order, and the trainee's and the best rule's decisions along the path (`DecisionPath`).
    public var traineeBook: BookResult?
    public var family: [GradedBook] = []
    public var traineePath: DecisionPath?
    public var bestPath: DecisionPath?

    /// A grade as a journal recorded it (the journal library reads the `end` line's `score`).
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

    /// The trainee of `training` graded against its reference family, as both stand now.
    public init(_ training: TrainingSession) {
        let trainee = training.trainee, benchmark = training.benchmark
        let references = training.references, riskAversion = training.scenario.riskAversion
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

        let rule = trainee.autoHedge && trainee.manualTradeCount == 0 ? trainee.hedgeRule.description : "manual"
        let own = BookResult(rule: rule, pnl: traineePnL, costs: traineeCosts, trades: traineeTrades,
                             record: references.trainee, riskAversion: riskAversion)
        let books = references.bookResults(riskAversion: riskAversion, optionValue: trainee.markedGreeks.price)
        let placed = Self.placement(of: own, among: books)
        points = placed.points
        utility = own.utility.value
        traineeBook = own
        family = books.map { GradedBook(result: $0, points: Self.placement(of: $0, among: books).points) }
        let best = books.max { $0.utility.value < $1.utility.value }!
        let nearest = Self.nearest(to: own, in: books)
        (bestRule, nearestRule) = (best.rule, nearest.rule)
        verdict = Self.verdict(trainee: own, nearest: nearest, best: best, placement: placed.placement, penalty: placed.penalty)
        decomposition = PnLDecomposition(session: trainee, idealFinancing: references.idealFinancing,
                                         decisions: references.trainee.decisions)
        traineePath = references.trainee.path
        bestPath = references.family.rules.firstIndex { $0.description == best.rule }.map { references.records[$0].path }
        // Named only when it matters: at least a twentieth of the family's spread of utilities.
        let utilities = books.map(\.utility.value)
        let spread = (utilities.max() ?? 0) - (utilities.min() ?? 0)
        costliestStretch = bestPath.flatMap { CostlyStretch.worst(trainee: references.trainee.path, rule: $0, riskAversion: riskAversion) }
            .flatMap { $0.utilityLost >= 0.05 * spread ? $0 : nil }
    }
}

extension SessionGrade {
    /// The grade as a journal records it: without what only a live derivation has.
    public var recorded: SessionGrade {
        var grade = self
        (grade.traineeBook, grade.family, grade.traineePath, grade.bestPath) = (nil, [], nil, nil)
        return grade
    }

    /// Points lost to the risk limits; nil when read from a journal.
    public var limitPenalty: Double? { traineeBook.map { Self.penalty($0.record) } }
}

/// A reference book with its points.
public struct GradedBook: Sendable, Hashable, Codable {
    public var result: BookResult
    public var points: Double
}
