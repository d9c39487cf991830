/// What the best reference rule on the path so far would do now with the trainee's book, and
/// why: the coach's answer (`m` in `play`).
///
/// The rule is asked exactly what the auto-hedger asks it every step: the trainee's session
/// builds the rule's `HedgeContext` (`Session.hedgeContext(for:)`), the rule's own `decide`
/// answers, and a rebalance is rounded to the lot as the hedger would trade it. The cost is the
/// session's own for a market order at the current quote and impact.
public struct CoachAdvice: Sendable, Hashable {
    /// The step it was asked at, and the session time then, years.
    public var step: Int
    public var time: Double
    /// The reference rule with the highest utility on the path so far.
    public var rule: HedgeRule
    /// The trainee's net delta as the hedger sees it (orders in flight included), shares.
    public var netDelta: Double
    /// The net delta the rule would trade to now (shares), or nil when it would hold.
    public var target: Double?
    /// What the rule would trade now, shares (negative sells; 0 for nothing).
    public var shares: Double
    /// What a market order costs at the current quote, currency (≥ 0): of `shares` when the
    /// rule would trade, else of hedging the net delta to zero now (what holding saves).
    public var cost: Double
    /// The rule's reason, in its own terms.
    public var reason: Reason

    /// Why the rule trades or holds.
    public enum Reason: Sendable, Hashable {
        /// `none`: it never rehedges.
        case neverHedges
        /// `every:N`: it rehedges at steps that are multiples of `interval`; `next` is the
        /// first such step from now (now itself when it is one).
        case schedule(interval: Int, next: Int)
        /// `band` and `ww`: |net delta| against the band's half-width now (shares); the band
        /// takes the book back to `target`.
        case band(halfWidth: Double, target: HedgeTarget)
        /// `move:P`: the price's relative move since the last hedge (0.003 for +0.3%) against P.
        case priceMove(move: Double, fraction: Double)
        /// `ladder`: it trades only through resting orders; these are the ones it rests now.
        case ladder(sell: RestingOrder?, buy: RestingOrder?)
    }

    /// One of the ladder's resting orders: signed shares, its limit price (currency), and the
    /// fees it pays when it fills (currency; negative for a rebate).
    public struct RestingOrder: Sendable, Hashable {
        public var shares: Double
        public var price: Double
        public var fees: Double
    }

    /// Whether the rule would trade at this close.
    public var trades: Bool { shares != 0 }

    /// The advice of the best reference rule on `training`'s path so far.
    public init(_ training: TrainingSession) {
        self.init(session: training.trainee, rule: Self.bestRule(training))
    }

    /// What `rule` would do now with `session`'s book.
    public init(session: Session, rule: HedgeRule) {
        let context = session.hedgeContext(for: rule)
        step = session.step
        time = session.time
        self.rule = rule
        netDelta = context.netDelta
        switch rule.decide(context) {
        case .rebalance(let netDelta): target = netDelta
        case .hold: target = nil
        }
        shares = target.map { session.rebalancingShares(toNetDelta: $0, from: context.netDelta) } ?? 0
        let hedge = shares != 0 ? shares : session.rebalancingShares(toNetDelta: 0, from: context.netDelta)
        cost = session.costOfMarketOrder(shares: hedge)
        switch rule {
        case .none:
            reason = .neverHedges
        case .every(let policy):
            let interval = max(policy.interval, 1)
            reason = .schedule(interval: interval, next: (context.step + interval - 1) / interval * interval)
        case .band(let policy):
            reason = .band(halfWidth: policy.halfWidth, target: policy.target)
        case .whalleyWilmott(let policy):
            reason = .band(halfWidth: policy.halfWidth(context), target: policy.target)
        case .move(let policy):
            reason = .priceMove(move: context.spot / context.spotAtLastHedge - 1, fraction: policy.fraction)
        case .ladder(let policy):
            let orders = session.ladderOrders(policy)
            func resting(_ order: (shares: Double, price: Double)?) -> RestingOrder? {
                order.map { RestingOrder(shares: $0.shares, price: $0.price,
                                         fees: session.limitFillFees(shares: $0.shares, price: $0.price)) }
            }
            reason = .ladder(sell: resting(orders.sell), buy: resting(orders.buy))
        }
    }

    /// The family rule with the highest utility on `training`'s path so far: the grade's best
    /// rule (the coach's one reading of the grade).
    public static func bestRule(_ training: TrainingSession) -> HedgeRule {
        let best = training.grade.bestRule
        return training.references.family.rules.first { $0.description == best } ?? training.scenario.benchmarkRule
    }
}
