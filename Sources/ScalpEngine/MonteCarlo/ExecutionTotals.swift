/// Sums over paths of the execution cost parts and fill counts, for their means per path.
/// Plain sums (not `SampleMoments`) because only means are reported: adding six numbers a path
/// costs nothing next to the path. Merged in block order like the moments, so a run's bits do
/// not depend on its threads or shards.
public struct ExecutionTotals: Sendable, Hashable, Codable {
    public var paths = 0
    /// Currency, summed over paths: spread, impact, net fees (fees − maker rebates), funding received.
    public var spread = 0.0
    public var impact = 0.0
    public var fees = 0.0
    public var funding = 0.0
    /// Fills summed over paths.
    public var limitFills = 0.0
    public var marketFills = 0.0

    public init() {}

    mutating func add(_ costs: ExecutionCosts) {
        paths += 1
        spread += costs.spread
        impact += costs.impact
        fees += costs.fees - costs.rebates
        funding += costs.funding
        limitFills += Double(costs.limitFills)
        marketFills += Double(costs.marketFills)
    }

    mutating func merge(_ later: ExecutionTotals) {
        paths += later.paths
        spread += later.spread
        impact += later.impact
        fees += later.fees
        funding += later.funding
        limitFills += later.limitFills
        marketFills += later.marketFills
    }

    /// `total` per path (0 with no paths).
    public func mean(_ total: Double) -> Double { paths > 0 ? total / Double(paths) : 0 }
}
