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

    public init(pnl: SampleMoments, trades: SampleMoments, costs: SampleMoments) {
        (self.pnl, self.trades, self.costs) = (pnl, trades, costs)
    }
}
