/// What the grader tallies for one book as the session runs: its squared hedging error and
/// its use of the risk limits. The trainee and every reference book are tallied by the same
/// code from the same inputs, so a trainee who copies a reference rule gets its tally exactly.
public struct HedgingRecord: Sendable, Hashable, Codable {
    /// Q: Σ over steps of the squared per-step hedging error, currency².
    public private(set) var squaredHedgingError = 0.0
    /// Steps taken.
    public private(set) var steps = 0
    /// Steps that ended with |net delta| above the net-delta limit.
    public private(set) var stepsOverDeltaLimit = 0
    /// Whether the P&L was ever below minus the loss limit.
    public private(set) var lossLimitBreached = false
    /// The open delta's luck, expected drift and risk (see `DecisionLedger`).
    public private(set) var decisions = DecisionLedger()
    /// The same sampled along the path, with the net delta held (`DecisionPath`).
    public private(set) var path: DecisionPath

    /// A tally for a session of `steps` steps.
    public init(steps: Int = 0) {
        path = DecisionPath(steps: steps)
    }

    /// Fraction of steps over the net-delta limit (0 without steps or a limit).
    public var timeOverDeltaLimit: Double { steps > 0 ? Double(stepsOverDeltaLimit) / Double(steps) : 0 }

    /// One step: its hedging error (currency) and the book's net delta (shares) and P&L
    /// (currency) at its end.
    mutating func addStep(error: Double, netDelta: Double, pnl: Double, limits: RiskLimits) {
        squaredHedgingError += error * error
        steps += 1
        if limits.isNetDeltaBreached(netDelta) { stepsOverDeltaLimit += 1 }
        if limits.isLossBreached(pnl: pnl) { lossLimitBreached = true }
    }

    /// One step's decision: the net delta held over it (shares), the move, its moments.
    mutating func addDecision(netDelta: Double, move: Double, moments: StepMoments) {
        decisions.addStep(netDelta: netDelta, move: move, moments: moments)
    }

    /// Where the book stands after step `step` (at `time`, years): spot, the net delta it now holds, costs paid
    /// so far (≥ 0); sampled into `path`.
    mutating func sample(step: Int, time: Double, spot: Double, netDelta: Double, costs: Double) {
        path.record(step: step, time: time, spot: spot, netDelta: netDelta, ledger: decisions, costs: costs)
    }

    /// A change between steps (a manual trade, an option trade): only the loss limit can be hit.
    mutating func addMark(pnl: Double, limits: RiskLimits) {
        if limits.isLossBreached(pnl: pnl) { lossLimitBreached = true }
    }
}
