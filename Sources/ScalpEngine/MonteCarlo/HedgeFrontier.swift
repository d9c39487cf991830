/// Hedge rules compared over the same Monte Carlo paths: each rule's mean and spread of P&L,
/// its costs and trades, its mean-variance utility and whether it is on the efficient frontier.
///
/// Utility = E[P&L] − (λ/2)·Var[P&L], with λ the scenario's risk aversion (per currency) and
/// the sample mean and (n − 1) variance of the paths. A rule is on the efficient frontier when
/// no other rule has both a higher mean and a lower standard deviation.
public struct HedgeFrontier: Sendable {
    /// One rule's numbers over the paths.
    public struct Point: Sendable, Hashable {
        public var rule: HedgeRule
        /// Mean and standard deviation of P&L, currency.
        public var pnlMean: Double
        public var pnlStdev: Double
        /// Mean costs paid, currency.
        public var costMean: Double
        public var tradesMean: Double
        /// E[P&L] − (λ/2)·Var[P&L], currency.
        public var utility: Double
        public var onFrontier: Bool
    }

    public let riskAversion: Double
    /// In the order the rules were given.
    public let points: [Point]

    public init(rules: [HedgeRule], statistics: [MonteCarloStatistics], riskAversion: Double) {
        precondition(rules.count == statistics.count, "one set of statistics per rule")
        self.riskAversion = riskAversion
        let raw = zip(rules, statistics).map { rule, stats in
            Point(rule: rule, pnlMean: stats.pnl.mean, pnlStdev: stats.pnl.standardDeviation, costMean: stats.costs.mean,
                  tradesMean: stats.trades.mean, utility: stats.pnl.mean - 0.5 * riskAversion * stats.pnl.variance,
                  onFrontier: false)
        }
        points = raw.map { point in
            var point = point
            point.onFrontier = !raw.contains { $0.pnlMean > point.pnlMean && $0.pnlStdev < point.pnlStdev }
            return point
        }
    }

    /// The frontier's points from the least to the most risky.
    public var frontier: [Point] {
        points.filter(\.onFrontier).sorted { ($0.pnlStdev, $0.pnlMean) < ($1.pnlStdev, $1.pnlMean) }
    }

    /// The rule with the highest utility.
    public var best: Point? { points.max { $0.utility < $1.utility } }
}
