import Foundation
import Testing
@testable import ScalpEngine

/// Sharded Monte Carlo: shards partition the blocks, and merging them (in any order, after a
/// trip through JSON) gives the unsharded run's statistics to the last bit.
@Suite("Monte Carlo shards")
struct MonteCarloShardTests {
    static let config = unitOptionConfig(kind: .put, impliedVol: 0.22, realizedVol: 0.25, steps: 8,
                                         rule: .band(DeltaBandHedge(halfWidth: 0.05)),
                                         costs: TransactionCosts(halfSpreadBps: 5, feePerShare: 0.001))

    // MARK: - Which blocks a shard runs

    /// The N shards' blocks are contiguous, in shard order, cover every block once and differ
    /// in length by at most one.
    @Test(arguments: [(1, 1), (1, 4), (3, 4), (4, 4), (8, 4), (9, 4), (100, 7), (64, 64), (1_000, 64)])
    func shardsPartitionTheBlocks(blocks: Int, shards: Int) throws {
        let ranges = try (1...shards).map { try MonteCarloShard(number: $0, count: shards).blocks(ofRun: blocks) }
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == blocks)
        for (earlier, later) in zip(ranges, ranges.dropFirst()) { #expect(earlier.upperBound == later.lowerBound) }
        let lengths = ranges.map(\.count)
        #expect(lengths.max()! - lengths.min()! <= 1)
    }

    @Test func hugeRunsDoNotOverflow() throws {
        let shard = try MonteCarloShard(number: 999_999, count: 1_000_000)
        let blocks = Int.max / 1_024
        let range = shard.blocks(ofRun: blocks)
        #expect(range.upperBound > range.lowerBound && range.upperBound < blocks)
    }

    @Test(arguments: ["1/4", "4/4", " 2 / 4 ", "1/1"])
    func shardTextIsRead(text: String) throws {
        let shard = try MonteCarloShard(parsing: text)
        #expect("\(shard)" == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test(arguments: ["0/4", "5/4", "1/0", "-1/4", "junk", "", "1/4/4", "1/", "/4", "1.5/4", "2/1000001"])
    func badShardTextIsRefused(text: String) {
        #expect(throws: MonteCarloShardError.self) { try MonteCarloShard(parsing: text) }
    }

    // MARK: - Exact merge

    /// Path counts: one path, fewer blocks than shards, not a multiple of 1,024, exact blocks.
    @Test(arguments: [1, 1_500, 5_000, 8_192])
    func mergedShardsAreTheUnshardedRunBitForBit(paths: Int) throws {
        let simulation = MonteCarlo(config: Self.config, seed: 0xFFFF_FFFF_FFFF_FFF1, paths: paths)
        let whole = simulation.run(threads: 2)
        for count in [1, 3, 4, 7] {
            let shards = try (1...count).map {
                try MonteCarloShardResult(running: simulation, shard: MonteCarloShard(number: $0, count: count), threads: 2)
            }
            #expect(shards.map(\.shardPaths.count).reduce(0, +) == paths)
            // Through JSON and in reverse order, as a merge of files given in any order sees them.
            let merged = try MonteCarloShardResult.merge(shards.reversed().map(Self.roundTrip))
            #expect(Self.bits(merged) == Self.bits(whole), "\(paths) paths in \(count) shards")
        }
    }

    /// The shard's state codes to JSON and back without changing a bit, seed and -0 included.
    @Test func jsonKeepsEveryBit() throws {
        let simulation = MonteCarlo(config: Self.config, seed: .max, paths: 3_000)
        let shard = try MonteCarloShardResult(running: simulation, shard: MonteCarloShard(number: 2, count: 2), threads: 2)
        let back = try Self.roundTrip(shard)
        #expect(back.seed == .max && back.config == shard.config && back.blocks == shard.blocks)
        #expect(Self.bits(back.statistics) == Self.bits(shard.statistics))
        var zero = SampleMoments()
        zero.add(-0.0)
        let decoded = try JSONDecoder().decode(SampleMoments.self, from: JSONEncoder().encode(zero))
        #expect(decoded.minimum.bitPattern == (-0.0).bitPattern && decoded.mean.bitPattern == zero.mean.bitPattern)
    }

    // MARK: - Refusals

    @Test func shardsOfDifferentRunsAreRefused() throws {
        let first = try Self.shard(1, of: 2, seed: 5)
        #expect(throws: ShardMergeError.differentRuns(first: 0, other: 1, difference: "seeds 5 and 6")) {
            try MonteCarloShardResult.merge([first, Self.shard(2, of: 2, seed: 6)])
        }
        #expect(throws: ShardMergeError.differentRuns(first: 0, other: 1, difference: "paths 3000 and 2999")) {
            try MonteCarloShardResult.merge([first, Self.shard(2, of: 2, seed: 5, paths: 2_999)])
        }
        var other = Self.config
        other.hedgeRule = .every(PeriodicHedge(interval: 2))
        #expect(throws: ShardMergeError.differentRuns(first: 0, other: 1, difference: "configurations (hedgeRule differs)")) {
            try MonteCarloShardResult.merge([first, Self.shard(2, of: 2, seed: 5, config: other)])
        }
        #expect(throws: ShardMergeError.differentRuns(first: 0, other: 1, difference: "shard counts 2 and 3")) {
            try MonteCarloShardResult.merge([first, Self.shard(2, of: 3, seed: 5)])
        }
    }

    @Test func missingAndDuplicatedShardsAreRefused() throws {
        let shards = try (1...4).map { try Self.shard($0, of: 4, seed: 5) }
        #expect(throws: ShardMergeError.missing(numbers: [3], count: 4)) {
            try MonteCarloShardResult.merge([shards[0], shards[1], shards[3]])
        }
        #expect(throws: ShardMergeError.duplicate(shard: shards[1].shard, first: 1, second: 2)) {
            try MonteCarloShardResult.merge([shards[0], shards[1], shards[1], shards[2], shards[3]])
        }
        #expect(throws: ShardMergeError.noShards) { try MonteCarloShardResult.merge([]) }
    }

    @Test func aShardWhoseBlocksAreNotItsOwnIsRefused() throws {
        var shard = try Self.shard(1, of: 2, seed: 5)
        shard.blockMoments.removeLast()
        #expect(throws: ShardMergeError.self) { try MonteCarloShardResult.merge([shard, Self.shard(2, of: 2, seed: 5)]) }
    }

    /// Moments no samples can have, or extremes the sketch never saw, are refused even when
    /// the file's digest was rewritten to match: the blocks must agree with each other.
    @Test(arguments: [
        ("maximum", 1e6, "its P&L runs from"),
        ("mean", 1e9, "block 0's P&L has a mean 1000000000.0 outside its minimum"),
        ("m2", 1e30, "block 0's P&L has a spread"),
        ("minimum", 1e12, "block 0's P&L has a minimum 1000000000000.0 above its maximum"),
    ])
    func editedMomentsAreRefused(key: String, value: Double, problem: String) throws {
        let shard = try Self.shard(1, of: 2, seed: 5)
        let data = try JSONEncoder().encode(shard)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var blocks = try #require(object["blockMoments"] as? [[String: Any]])
        var pnl = try #require(blocks[0]["pnl"] as? [String: Any])
        pnl[key] = value
        blocks[0]["pnl"] = pnl
        object["blockMoments"] = blocks
        let edited = try JSONDecoder().decode(MonteCarloShardResult.self, from: JSONSerialization.data(withJSONObject: object))
        do {
            _ = try MonteCarloShardResult.merge([edited, Self.shard(2, of: 2, seed: 5)])
            Issue.record("an edited \(key) merged")
        } catch let error as ShardMergeError {
            guard case .damaged(0, let found) = error else { Issue.record("\(error)"); return }
            #expect(found.contains(problem), "\(found)")
        }
    }

    /// The honest moments of many runs are never refused (the slack is for rounding only).
    @Test func honestMomentsAreConsistent() throws {
        for seed in UInt64(1)...20 {
            let shard = try Self.shard(1, of: 1, seed: seed, paths: 700)
            for block in shard.blockMoments {
                #expect(block.pnl.inconsistency == nil && block.trades.inconsistency == nil && block.costs.inconsistency == nil)
            }
        }
    }

    // MARK: - Helpers

    static func shard(_ number: Int, of count: Int, seed: UInt64, paths: Int = 3_000,
                      config: SessionConfig = MonteCarloShardTests.config) throws -> MonteCarloShardResult {
        try MonteCarloShardResult(running: MonteCarlo(config: config, seed: seed, paths: paths),
                                  shard: MonteCarloShard(number: number, count: count), threads: 1)
    }

    static func roundTrip(_ shard: MonteCarloShardResult) throws -> MonteCarloShardResult {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(MonteCarloShardResult.self, from: encoder.encode(shard))
    }

    static func momentBits(_ moments: SampleMoments) -> [UInt64] {
        [UInt64(moments.count)] + [moments.mean, moments.m2, moments.m3, moments.m4, moments.minimum, moments.maximum].map(\.bitPattern)
    }

    /// Every bit the report can print: moments of P&L, trades and costs, and quantiles on a fine grid.
    static func bits(_ statistics: MonteCarloStatistics) -> [UInt64] {
        momentBits(statistics.pnl) + momentBits(statistics.trades) + momentBits(statistics.costs)
            + stride(from: 0.0, through: 1.0, by: 0.005).map { statistics.pnlQuantiles.quantile($0).bitPattern }
            + [UInt64(statistics.pnlQuantiles.count), UInt64(statistics.pnlQuantiles.zeroCount)]
    }
}
