/// What one shard of a Monte Carlo run produced, kept so that shards run apart (other
/// processes, other machines) merge to exactly the statistics of the whole run.
///
/// Moments are merged block by block, and floating-point merging is not associative, so a
/// shard keeps each block's moments, not their sum: `merge` then repeats the unsharded run's
/// merge, every block in block order from empty statistics, and gets its bits. Quantile
/// sketches merge by adding integer counts, so a shard keeps one sketch of all its paths.
/// The run's identity (configuration, seed, paths, block size) travels with the result so a
/// merge can refuse shards of different runs.
public struct MonteCarloShardResult: Sendable, Codable {
    /// The configuration every path ran (at `pnlOnly` detail), as `MonteCarlo.config`.
    public var config: SessionConfig
    public var seed: UInt64
    /// Paths of the whole run, not of this shard.
    public var paths: Int
    public var blockSize: Int
    public var shard: MonteCarloShard
    /// The blocks this shard ran: `shard.blocks(ofRun:)` of the run.
    public var blocks: Range<Int>
    /// The moments of each of `blocks`, in block order.
    public var blockMoments: [BlockMoments]
    /// P&L quantiles of all this shard's paths.
    public var pnlQuantiles: QuantileSketch

    /// Runs the blocks of `shard` of `simulation` on `threads` threads; `onBlock` is called
    /// as `MonteCarlo.run` calls it, once per block in block order.
    public init(running simulation: MonteCarlo, shard: MonteCarloShard, threads: Int, recordOutcomes: Bool = false,
                onBlock: (MonteCarloBlock) -> Void = { _ in }) {
        let blocks = shard.blocks(ofRun: simulation.blockCount)
        var moments: [BlockMoments] = []
        moments.reserveCapacity(blocks.count)
        let statistics = simulation.run(blocks: blocks, threads: threads, recordOutcomes: recordOutcomes) { block in
            moments.append(block.moments)
            onBlock(block)
        }
        config = simulation.config
        seed = simulation.seed
        paths = simulation.paths
        blockSize = simulation.blockSize
        self.shard = shard
        self.blocks = blocks
        blockMoments = moments
        pnlQuantiles = statistics.pnlQuantiles
    }

    /// The run this shard is part of (cheap: no path is run).
    public var simulation: MonteCarlo { MonteCarlo(config: config, seed: seed, paths: paths, blockSize: blockSize) }

    /// The paths this shard ran.
    public var shardPaths: Range<Int> { simulation.pathRange(ofBlocks: blocks) }

    /// The statistics of this shard's paths alone.
    public var statistics: MonteCarloStatistics {
        var statistics = MonteCarloStatistics()
        for moments in blockMoments { statistics.merge(moments) }
        statistics.pnlQuantiles.merge(pnlQuantiles)
        return statistics
    }

    /// The statistics of the whole run from all its shards, in any order: bit for bit those
    /// of `MonteCarlo.run` on the same run. Throws, naming the shards by their position in
    /// `shards`, when they are not one run's complete set: different runs, a shard twice, a
    /// shard missing, or a shard whose blocks are not its own.
    public static func merge(_ shards: [MonteCarloShardResult]) throws(ShardMergeError) -> MonteCarloStatistics {
        guard let first = shards.first else { throw .noShards }
        for (position, shard) in shards.enumerated() {
            if let difference = first.runDifference(from: shard) {
                throw .differentRuns(first: 0, other: position, difference: difference)
            }
            try shard.checkBlocks(position: position)
        }
        var byNumber: [Int: Int] = [:]
        for (position, shard) in shards.enumerated() {
            if let earlier = byNumber[shard.shard.number] {
                throw .duplicate(shard: shard.shard, first: earlier, second: position)
            }
            byNumber[shard.shard.number] = position
        }
        let missing = (1...first.shard.count).filter { byNumber[$0] == nil }
        guard missing.isEmpty else { throw .missing(numbers: missing, count: first.shard.count) }

        var statistics = MonteCarloStatistics()
        for number in 1...first.shard.count {
            let shard = shards[byNumber[number]!]
            for moments in shard.blockMoments { statistics.merge(moments) }
            statistics.pnlQuantiles.merge(shard.pnlQuantiles)
        }
        return statistics
    }

    /// What makes `other` part of another run than this one, or nil if it is of the same run.
    public func runDifference(from other: MonteCarloShardResult) -> String? {
        if other.shard.count != shard.count { return "shard counts \(shard.count) and \(other.shard.count)" }
        if other.paths != paths { return "paths \(paths) and \(other.paths)" }
        if other.seed != seed { return "seeds \(seed) and \(other.seed)" }
        if other.blockSize != blockSize { return "block sizes \(blockSize) and \(other.blockSize)" }
        if other.pnlQuantiles.relativeAccuracy != pnlQuantiles.relativeAccuracy
            || other.pnlQuantiles.zeroThreshold != pnlQuantiles.zeroThreshold {
            return "quantile sketches of different accuracy"
        }
        if let field = config.differingField(from: other.config) { return "configurations (\(field) differs)" }
        return nil
    }

    /// Checks that the shard holds exactly its own blocks, each with its paths' count.
    private func checkBlocks(position: Int) throws(ShardMergeError) {
        // Bounds that keep the block arithmetic below from overflowing on a damaged file.
        guard paths >= 1, paths <= Int.max / 4, blockSize >= 1, blockSize <= 1 << 30 else {
            throw .damaged(position: position, problem: "\(paths) paths in blocks of \(blockSize)")
        }
        let blockCount = (paths + blockSize - 1) / blockSize
        let expected = shard.blocks(ofRun: blockCount)
        guard blocks == expected, blockMoments.count == expected.count else {
            throw .damaged(position: position, problem: "shard \(shard) of \(paths) paths should hold blocks "
                + "\(expected.lowerBound)..<\(expected.upperBound), not \(blockMoments.count) blocks from \(blocks.lowerBound)")
        }
        var shardCount = 0
        var lowest = Double.infinity, highest = -Double.infinity
        for (block, moments) in zip(blocks, blockMoments) {
            let count = min(blockSize, paths - block * blockSize)
            guard moments.pnl.count == count, moments.trades.count == count, moments.costs.count == count else {
                throw .damaged(position: position, problem: "block \(block) should have \(count) paths, "
                    + "has \(moments.pnl.count)")
            }
            for (name, part) in [("P&L", moments.pnl), ("trades", moments.trades), ("costs", moments.costs)] {
                if let problem = part.inconsistency {
                    throw .damaged(position: position, problem: "block \(block)'s \(name) has \(problem)")
                }
            }
            shardCount += count
            (lowest, highest) = (min(lowest, moments.pnl.minimum), max(highest, moments.pnl.maximum))
        }
        guard pnlQuantiles.count + pnlQuantiles.nonFiniteCount == shardCount else {
            throw .damaged(position: position, problem: "its quantile sketch holds \(pnlQuantiles.count) paths, "
                + "its blocks \(shardCount)")
        }
        // The sketch saw every finite P&L the blocks saw: their extremes are the same numbers.
        if pnlQuantiles.nonFiniteCount == 0, pnlQuantiles.count > 0, lowest.isFinite, highest.isFinite,
           pnlQuantiles.minimum != lowest || pnlQuantiles.maximum != highest {
            throw .damaged(position: position, problem: "its P&L runs from \(pnlQuantiles.minimum) to \(pnlQuantiles.maximum) "
                + "in its quantile sketch but from \(lowest) to \(highest) in its blocks")
        }
    }
}

/// Why shards do not merge into one run. Shards are named by their position in the list given.
public enum ShardMergeError: Error, Hashable {
    case noShards
    /// Shard `other` is of another run than shard `first`.
    case differentRuns(first: Int, other: Int, difference: String)
    case duplicate(shard: MonteCarloShard, first: Int, second: Int)
    /// Shard numbers (1-based) not given, of `count`.
    case missing(numbers: [Int], count: Int)
    /// The shard's contents contradict its own header.
    case damaged(position: Int, problem: String)
}
