/// A trainee's session with a benchmark hedger beside it: a shadow book that starts identical,
/// sees the same price path (same scenario, same seed) and is hedged by the scenario's
/// benchmark policy. Because both books see the same market, the gap between them measures
/// hedging skill rather than the luck of the path.
///
/// The trainee's actions go to the trainee's session; the shadow only ticks, takes the same
/// option trades (building the book is not hedging) and finishes when the trainee does. The
/// reference family (`ReferenceHedgers`) runs beside both the same way and grades the trainee.
public struct TrainingSession: Sendable {
    public private(set) var trainee: Session
    public private(set) var benchmark: Session
    /// The scenario's reference family on the same path: what the score places the trainee among.
    public private(set) var references: ReferenceHedgers
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
    /// Whether the trainee's loss is over the loss limit now.
    public private(set) var isOverLossLimit = false
    /// The limit breaches and clears the latest `apply` (or the start) caused, oldest first;
    /// none once the trainee's session has finished.
    public private(set) var limitEvents: [LimitEvent] = []
    /// The trainee's limit orders placed, filled and cancelled by the latest `apply` (or the
    /// start), oldest first.
    public var orderEvents: [OrderEvent] { trainee.desk.events }

    /// `family` is the reference family the grade places the trainee among (default: the
    /// scenario's standard family).
    public init(scenario: Scenario, seed: UInt64, autoHedge: Bool? = nil, family: HedgeRuleFamily? = nil) {
        self.scenario = scenario
        self.seed = seed
        let traineeConfig = Self.traineeConfig(for: scenario, autoHedge: autoHedge)
        var benchmarkConfig = traineeConfig
        benchmarkConfig.autoHedge = true
        benchmarkConfig.hedgeRule = scenario.benchmarkRule
        trainee = Session(config: traineeConfig, seed: seed)
        benchmark = Session(config: benchmarkConfig, seed: seed)
        references = ReferenceHedgers(scenario: scenario, seed: seed, family: family ?? .standard(for: scenario))
        checkLimits(countStep: false)
    }

    /// The trainee's session configuration for `scenario`: the scenario's, in full detail (the
    /// screen shows everything), with the auto-hedger on or off as asked (nil: the scenario's).
    /// Live play, replay and a journal's consistency check all derive it here.
    public static func traineeConfig(for scenario: Scenario, autoHedge: Bool?) -> SessionConfig {
        var config = scenario.config
        config.detail = .full
        if let autoHedge { config.autoHedge = autoHedge }
        return config
    }

    public var isFinished: Bool { trainee.isFinished }

    public mutating func apply(_ action: SessionAction) {
        // Cleared first, so that an action after the end does not report the last one's again.
        limitEvents.removeAll(keepingCapacity: true)
        trainee.clearOrderEvents()
        guard !trainee.isFinished else { return }
        references.apply(action, to: &trainee)
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

    /// The trainee's |net delta| against the scenario's net-delta limit.
    public var deltaLimitStatus: LimitStatus { scenario.riskLimits.netDeltaStatus(trainee.netDelta) }

    /// The trainee's loss (−P&L) against the scenario's loss limit.
    public var lossLimitStatus: LimitStatus { scenario.riskLimits.lossStatus(pnl: trainee.pnl) }

    /// The trainee graded against the reference family so far (final once the session has finished).
    public var grade: SessionGrade { SessionGrade(self) }

    /// Counts time over the net-delta limit and notes each limit's breach and clear as a
    /// `LimitEvent` (while the trainee's session runs).
    private mutating func checkLimits(countStep: Bool) {
        let limits = scenario.riskLimits
        guard limits.netDelta != nil || limits.loss != nil else { return }
        let over = limits.isNetDeltaBreached(trainee.netDelta)
        if over && !isOverDeltaLimit { deltaLimitBreaches += 1 }
        if over && countStep { stepsOverDeltaLimit += 1 }
        if let maximum = limits.netDelta, over != isOverDeltaLimit {
            note(.netDelta, over: over, value: trainee.netDelta, maximum: maximum)
        }
        isOverDeltaLimit = over
        let overLoss = limits.isLossBreached(pnl: trainee.pnl)
        if overLoss { lossLimitBreached = true }
        if let maximum = limits.loss, overLoss != isOverLossLimit {
            note(.loss, over: overLoss, value: -trainee.pnl, maximum: maximum)
        }
        isOverLossLimit = overLoss
    }

    private mutating func note(_ limit: LimitEvent.Limit, over: Bool, value: Double, maximum: Double) {
        guard !trainee.isFinished else { return }
        limitEvents.append(LimitEvent(step: trainee.step, time: trainee.time, limit: limit,
                                      change: over ? .breach : .clear, value: value, maximum: maximum))
    }
}

extension SessionAction {
    /// Actions that change the option book itself (as opposed to its hedge or settings).
    public var changesBook: Bool {
        if case .tradeOption = self { return true }
        return false
    }
}
