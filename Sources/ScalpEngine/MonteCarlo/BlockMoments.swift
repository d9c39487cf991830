/// The moments of one block of paths on its own: what a shard of a Monte Carlo run keeps of
/// each block, so that merging the shards can repeat the unsharded run's merge, block by block
/// in block order, and get its bits.
public struct BlockMoments: Sendable, Hashable, Codable {
    /// P&L per path, currency.
    public var pnl: SampleMoments
    /// Trades per path.
    public var trades: SampleMoments
    /// Costs paid per path, currency.
    public var costs: SampleMoments
    /// Cost parts, funding and fills, summed over the block's paths.
    public var execution: ExecutionTotals

    public init(pnl: SampleMoments, trades: SampleMoments, costs: SampleMoments, execution: ExecutionTotals = ExecutionTotals()) {
        (self.pnl, self.trades, self.costs, self.execution) = (pnl, trades, costs, execution)
    }

    private enum CodingKeys: String, CodingKey { case pnl, trades, costs, execution }

    /// State files written before the execution totals existed read with empty totals.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pnl = try c.decode(SampleMoments.self, forKey: .pnl)
        trades = try c.decode(SampleMoments.self, forKey: .trades)
        costs = try c.decode(SampleMoments.self, forKey: .costs)
        execution = try c.decodeIfPresent(ExecutionTotals.self, forKey: .execution) ?? ExecutionTotals()
    }
}
