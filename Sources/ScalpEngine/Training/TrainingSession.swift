/// A trainee's session with a benchmark hedger beside it: a shadow book that starts identical,
/// sees the same price path (same scenario, same seed) and is hedged by the scenario's
/// benchmark policy. Because both books see the same market, the gap between them measures
/// hedging skill rather than the luck of the path.
///
/// The trainee's actions go to the trainee's session; the shadow only ticks, takes the same
/// option trades (building the book is not hedging) and finishes when the trainee does.
public struct TrainingSession: Sendable {
    public private(set) var trainee: Session
    public private(set) var benchmark: Session
    public let scenario: Scenario
    public let seed: UInt64
    /// Steps the trainee's |net delta| ended above the scenario's net-delta limit.
    public private(set) var stepsOverDeltaLimit = 0
    /// Times the net-delta limit was crossed from inside (each is logged as a breach).
    public private(set) var deltaLimitBreaches = 0
    /// Whether the trainee is over the net-delta limit now.
    public private(set) var isOverDeltaLimit = false
    /// Whether the loss limit has been breached at any point.
    public private(set) var lossLimitBreached = false

    public init(scenario: Scenario, seed: UInt64, autoHedge: Bool? = nil) {
        self.scenario = scenario
        self.seed = seed
        var traineeConfig = scenario.config
        traineeConfig.detail = .full
        if let autoHedge { traineeConfig.autoHedge = autoHedge }
        var benchmarkConfig = traineeConfig
        benchmarkConfig.autoHedge = true
        benchmarkConfig.hedgeRule = scenario.benchmarkRule
        trainee = Session(config: traineeConfig, seed: seed)
        benchmark = Session(config: benchmarkConfig, seed: seed)
        checkLimits(countStep: false)
    }

    public var isFinished: Bool { trainee.isFinished }

    public mutating func apply(_ action: SessionAction) {
        guard !trainee.isFinished else { return }
        trainee.apply(action)
        switch action {
        case .tick:
            benchmark.apply(.tick)
            checkLimits(countStep: true)
        case .finish:
            benchmark.apply(.finish)
        default:
            if action.changesBook { benchmark.apply(action) }
            checkLimits(countStep: false)
        }
        // The session can end on its own at the last step; keep the shadow in step.
        if trainee.isFinished && !benchmark.isFinished { benchmark.apply(.finish) }
    }

    /// Trainee P&L minus benchmark P&L, currency.
    public var pnlGap: Double { trainee.pnl - benchmark.pnl }

    /// How near the trainee's net delta is to its limit: |net delta| / limit, nil without a limit.
    public var deltaLimitUsage: Double? {
        scenario.riskLimits.netDelta.map { abs(trainee.netDelta) / $0 }
    }

    /// How near the trainee's loss is to the loss limit: max(−P&L, 0) / limit, nil without a
    /// limit (a limit of 0 counts any loss as over it).
    public var lossLimitUsage: Double? {
        scenario.riskLimits.loss.map { limit in
            limit > 0 ? max(-trainee.pnl, 0) / limit : (trainee.pnl < 0 ? 2 : 0)
        }
    }

    /// The score so far (final once the session has finished).
    public var score: TrainingScore { TrainingScore(self) }

    private mutating func checkLimits(countStep: Bool) {
        let limits = scenario.riskLimits
        guard limits.netDelta != nil || limits.loss != nil else { return }
        let over = limits.isNetDeltaBreached(trainee.netDelta)
        if over && !isOverDeltaLimit { deltaLimitBreaches += 1 }
        if over && countStep { stepsOverDeltaLimit += 1 }
        isOverDeltaLimit = over
        if limits.isLossBreached(pnl: trainee.pnl) { lossLimitBreached = true }
    }
}

extension SessionAction {
    /// Actions that change the option book itself (as opposed to its hedge or settings).
    public var changesBook: Bool {
        if case .tradeOption = self { return true }
        return false
    }
}
