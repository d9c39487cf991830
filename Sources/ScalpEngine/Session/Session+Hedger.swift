import Foundation

/// The auto-hedger: the book's delta and gamma as it sees them (at the hedge vol, from the
/// delta schedule when there is one), and its decision each step.
extension Session {
    /// The hedger's delta schedule for the book now, when nothing it holds fixed can move: the
    /// positions' implied vols and the hedge vol (a GBM's, when hedging at the true vol; never
    /// an estimate, which moves every step).
    func makeDeltaSchedule() -> BookDeltaSchedule? {
        let source = hedgerView.volSource
        guard !volSurface.moves, !source.isEstimated, source != .trueVolatility || gbmStep != nil else { return nil }
        return BookDeltaSchedule(book: book, timeStep: config.timeStep, steps: config.steps, rate: config.rate,
                                 dividendYield: config.dividendYield, volatility: hedgeVolOverride)
    }

    mutating func autoHedgeStep(now: Double) {
        // Locals rather than `hedgeDelta` and friends: reading computed properties of `self`
        // inside a mutating method made the compiler copy the whole session every step.
        let rule = hedgeRule
        // The ladder trades only through its resting orders and always holds at the close: its
        // step lays the orders again if a fill took them, and needs no Greeks.
        if case .ladder(let ladder) = rule { return layLadder(ladder) }
        // Written out rather than through `hedgeContext`, which would copy the session (see `fillMarket`).
        let risk = scheduledHedgeRisk(needsGamma: rule.needsGamma) ?? directHedgeRisk(needsGamma: rule.needsGamma)
        let netDelta = risk.delta + ledger.stockShares + (desk.executes ? desk.sharesInFlight : 0)
        let context = HedgeContext(
            step: clock.step, netDelta: netDelta, spot: spot, spotAtLastHedge: ledger.spotAtLastHedge, gamma: risk.gamma,
            timeToExpiry: HedgeContext.timeToExpiry(from: now, to: clock.nextExpiry), rate: config.rate,
            costRate: rule.needsGamma ? config.costs.proportionalRate(at: spot) : 0)
        switch rule.decide(context) {
        case .rebalance(let target): rebalance(toNetDelta: target, from: netDelta, reason: .auto)
        case .hold: break
        }
    }

    /// What `rule` sees when it decides on this book now: the net delta as the hedger sees it
    /// (market orders in flight included), spot, the spot at the last hedge and, for a rule
    /// that reads them, gamma and the cost rate. The auto-hedger decides on it every step; the
    /// coach asks the best reference rule the same question about the trainee's book.
    public func hedgeContext(for rule: HedgeRule) -> HedgeContext {
        hedgeContext(for: rule, now: time)
    }

    @inline(__always)
    private func hedgeContext(for rule: HedgeRule, now: Double) -> HedgeContext {
        let risk = scheduledHedgeRisk(needsGamma: rule.needsGamma) ?? directHedgeRisk(needsGamma: rule.needsGamma)
        let netDelta = risk.delta + ledger.stockShares + (desk.executes ? desk.sharesInFlight : 0)
        // The cost rate, like gamma, only for the rule that reads it: it is a division.
        return HedgeContext(
            step: clock.step, netDelta: netDelta, spot: spot, spotAtLastHedge: ledger.spotAtLastHedge, gamma: risk.gamma,
            timeToExpiry: HedgeContext.timeToExpiry(from: now, to: clock.nextExpiry), rate: config.rate,
            costRate: rule.needsGamma ? config.costs.proportionalRate(at: spot) : 0)
    }

    /// Trades the hedging net delta from `netDelta` to `target` shares, rounded to the lot size.
    mutating func rebalance(toNetDelta target: Double, from netDelta: Double, reason: TradeReason) {
        trade(shares: rebalancingShares(toNetDelta: target, from: netDelta), reason: reason)
    }

    /// The shares (signed; negative sells) that take the net delta from `netDelta` to
    /// `target`, rounded to the lot size: what a rebalance trades.
    @inline(__always)
    public func rebalancingShares(toNetDelta target: Double, from netDelta: Double) -> Double {
        Self.rebalancingShares(toNetDelta: target, from: netDelta, lotSize: lotSize)
    }

    /// `rebalancingShares(toNetDelta:from:)` at lot size `lotSize` (0: fractional).
    @inline(__always)
    static func rebalancingShares(toNetDelta target: Double, from netDelta: Double, lotSize: Double) -> Double {
        let shares = target - netDelta
        return lotSize > 0 ? (shares / lotSize).rounded() * lotSize : shares
    }

    /// The volatility override for hedge deltas: nil to use each position's implied vol (also
    /// while an estimator has fewer than two returns).
    var hedgeVolOverride: Double? {
        switch hedgerView.volSource {
        case .implied: nil
        case .trueVolatility: process.instantaneousVolatility
        case .ewma: ewmaVol.count >= 2 ? ewmaVol.volatility(dt: config.timeStep) : nil
        case .rolling: rollingVol.count >= 2 ? rollingVol.volatility(dt: config.timeStep) : nil
        }
    }

    /// The options' delta (shares) and, if asked, gamma (shares per currency) as the hedger
    /// sees them now: at the hedge vol, from the schedule when there is one.
    private func hedgeRisk(needsGamma: Bool) -> (delta: Double, gamma: Double) {
        scheduledHedgeRisk(needsGamma: needsGamma) ?? directHedgeRisk(needsGamma: needsGamma)
    }

    /// `hedgeRisk` from the delta schedule, or nil without one. Optional chaining reads the
    /// schedule in place; `if let` would copy it, every step of the Monte Carlo.
    @inline(__always)
    private func scheduledHedgeRisk(needsGamma: Bool) -> (delta: Double, gamma: Double)? {
        let step = clock.step
        if needsGamma { return hedgerView.deltaSchedule?.deltaAndGamma(of: book, step: step, spot: spot, logSpot: logSpot) }
        guard let delta = hedgerView.deltaSchedule?.delta(of: book, step: step, spot: spot, logSpot: logSpot) else { return nil }
        return (delta, 0)
    }

    /// `hedgeRisk` computed from Black-Scholes directly, for sessions without a schedule.
    @inline(never)
    private func directHedgeRisk(needsGamma: Bool) -> (delta: Double, gamma: Double) {
        // Only touch `process` when hedging at realized vol: reading the enum copies its
        // payload, which cost a tenth of the Monte Carlo's step when done every time.
        let volatility = hedgeVolOverride
        let time = time
        let delta = book.delta(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield,
                               volatility: volatility)
        let gamma = needsGamma
            ? book.gamma(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield, volatility: volatility)
            : 0
        return (volSurface.hedgesSmile ? delta + smileDelta() : delta, gamma)
    }

    /// Net delta in shares as the hedger sees it (at the hedge volatility).
    public var hedgeDelta: Double { hedgeRisk(needsGamma: false).delta + ledger.stockShares }

    /// Book gamma in shares per currency of spot as the hedger sees it (at the hedge volatility).
    public var hedgeGamma: Double { hedgeRisk(needsGamma: true).gamma }
}
