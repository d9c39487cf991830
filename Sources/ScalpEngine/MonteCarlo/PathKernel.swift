import Foundation

/// The Monte Carlo's inner loop for paths whose steps are plain: a GBM move, the step's
/// financing, and the auto-hedger's decision from its delta schedule, trading at spot by
/// market order with the plain cost model. It takes those steps with the path's state in
/// locals (registers), not in the ~2 kB `Session` in memory, and hands the session back for
/// the steps it does not take: the last one (the close-out) and any from an expiry on.
///
/// `Session.advance` stays the reference: every number here comes from the same operations in
/// the same order (the same ledger methods, the same delta schedule, the same policy
/// `decide`), so a path's outcome equals the scalar session's to the last bit. The kernel
/// does not apply where the step does more: events, a market that shuts, moving implied vols,
/// the execution desk, an estimated hedge vol, full detail, a process other than GBM, the
/// ladder's resting orders, or hedge deltas without a schedule. Without an auto-hedger (or with
/// the rule `none`) its steps are the market's and the financing alone.
struct PathKernel: Sendable {
    /// The last step the kernel takes: before the session's last step and before the first expiry.
    let lastStep: Int
    private let gbm: GeometricBrownianMotion.Step
    private let schedule: BookDeltaSchedule
    private let timeStep: Double
    private let interestPerStep: Double
    private let dividendPerStep: Double
    private let perpNotionalCash: Double
    /// Session time of the nearest expiry, years: fixed, since no option expires in the kernel's steps.
    private let nextExpiry: Double?
    private let rate: Double
    private let costs: TransactionCosts
    private let lotSize: Double
    /// e^{−r·τ} to the nearest expiry at each step up to `lastStep`, for a rule that reads
    /// gamma (Whalley-Wilmott's band): the same exp its `decide` would take every step of
    /// every path, taken once a step. Empty for other rules.
    private let discounts: [Double]

    /// The kernel for `session`'s paths from where it stands, or nil when its steps are not plain
    /// or there is no step for the kernel to take.
    init?(_ session: Session) {
        guard let gbm = session.gbmStep, let schedule = session.hedgerView.deltaSchedule,
              !session.isFinished, session.config.detail == .pnlOnly,
              !session.hasEvents, !session.clock.marketShuts, !session.clock.isCrossingGap, !session.volSurface.moves,
              !session.desk.executes, !session.desk.ordersMayRest, !session.hedgerView.estimatesHedgeVol
        else { return nil }
        if session.autoHedge, session.hedgeRule.restsOrders { return nil }
        var last = session.clock.step
        while last + 1 < session.config.steps,
              !session.clock.expires(by: Double(last + 1) * session.clock.timeStep) { last += 1 }
        guard last > session.clock.step else { return nil }
        lastStep = last
        self.gbm = gbm
        self.schedule = schedule
        timeStep = session.clock.timeStep
        interestPerStep = session.clock.interestPerStep
        dividendPerStep = session.clock.dividendPerStep
        perpNotionalCash = session.desk.perpNotionalCash
        nextExpiry = session.clock.nextExpiry
        rate = session.config.rate
        costs = session.config.costs
        lotSize = session.lotSize
        let (timeStep, nextExpiry, rate) = (timeStep, nextExpiry, rate)
        discounts = session.hedgeRule.needsGamma
            ? (0...last).map { step in
                HedgeContext.discount(rate: rate, timeToExpiry: Self.timeToExpiry(step: step, timeStep: timeStep, nextExpiry: nextExpiry))
            }
            : []
    }

    /// Years from step `step` to the nearest expiry, 0 past it: the hedge context's.
    @inline(__always)
    private static func timeToExpiry(step: Int, timeStep: Double, nextExpiry: Double?) -> Double {
        HedgeContext.timeToExpiry(from: Double(step) * timeStep, to: nextExpiry)
    }

    /// Takes `session` (a copy of the one the kernel was built from, on any stream) through
    /// step `lastStep`, as `Session.advance` would.
    func run(_ session: inout Session) {
        guard session.autoHedge else { return run(&session, policy: NoHedge()) }
        switch session.hedgeRule {
        case .every(let policy): run(&session, policy: policy)
        case .band(let policy): run(&session, policy: policy)
        case .move(let policy): run(&session, policy: policy)
        case .whalleyWilmott(let policy): run(&session, policy: policy)
        case .none: run(&session, policy: NoHedge())
        case .ladder: break
        }
    }

    /// One loop per policy type, so each policy's `decide` inlines into it.
    @inline(__always)
    private func run<Policy: HedgePolicy>(_ session: inout Session, policy: Policy) {
        var rng = session.rng
        var ledger = session.ledger
        var spot = session.spot
        var logSpot = session.logSpot
        let book = session.book
        let table = session.normalTable
        let needsGamma = policy.needsGamma
        ledger.lastStep = PnLAttribution()
        for step in session.clock.step + 1...lastStep {
            let previousSpot = spot
            let increment = gbm.logIncrement(normal: NormalZiggurat.sample(using: &rng, table: table))
            spot *= exp(increment)
            logSpot += increment
            _ = ledger.accrue(interestPerStep: interestPerStep, dividendPerStep: dividendPerStep,
                              perpNotionalCash: perpNotionalCash, previousSpot: previousSpot)
            // The step's attribution starts empty; its costs are the only bucket a plain step books.
            ledger.lastStep.costs = 0

            let risk: (delta: Double, gamma: Double) = needsGamma
                ? schedule.deltaAndGamma(of: book, step: step, spot: spot, logSpot: logSpot)
                : (schedule.delta(of: book, step: step, spot: spot, logSpot: logSpot), 0)
            // `+ 0` as the session adds its (absent) in-flight shares: x + 0 is not x for x = −0.
            let netDelta = risk.delta + ledger.stockShares + 0
            let context = HedgeContext(
                step: step, netDelta: netDelta, spot: spot, spotAtLastHedge: ledger.spotAtLastHedge, gamma: risk.gamma,
                timeToExpiry: Self.timeToExpiry(step: step, timeStep: timeStep, nextExpiry: nextExpiry), rate: rate,
                costRate: needsGamma ? costs.proportionalRate(at: spot) : 0, discountToExpiry: needsGamma ? discounts[step] : nil)
            guard case .rebalance(let target) = policy.decide(context) else { continue }
            let shares = Session.rebalancingShares(toNetDelta: target, from: netDelta, lotSize: lotSize)
            guard Session.isTradable(shares) else { continue }
            ledger.book(shares: shares, price: spot, cost: costs.cost(shares: shares, price: spot), isManual: false)
        }
        session.rng = rng
        session.ledger = ledger
        session.spot = spot
        session.logSpot = logSpot
        session.clock.step = lastStep
    }
}
