import Foundation

/// One of `count` parts of a Monte Carlo run, numbered 1 to `count` as on the command line
/// (`--shard 1/4` … `4/4`; a Slurm job array for it is `--array=1-4`).
///
/// A run's B blocks (`MonteCarlo.blockSize` consecutive paths each, the blocks its thread pool
/// hands out) are cut into `count` contiguous ranges: shard k takes blocks
/// ⌊(k − 1)·B/count⌋ ..< ⌊k·B/count⌋. The ranges differ in length by at most one block, so
/// shards take about equal time, and a shard's paths are one range of path indices. With
/// fewer blocks than shards some shards hold no block; they still have to be merged, so a
/// merge can tell a complete set from an incomplete one.
public struct MonteCarloShard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 1 to `count`.
    public let number: Int
    /// Shards the run is cut into (≥ 1).
    public let count: Int

    /// Most shards a run can be cut into: far more than any scheduler's job array.
    public static let maximumCount = 1_000_000

    /// The whole run as one shard.
    public static let whole = MonteCarloShard(uncheckedNumber: 1, count: 1)

    public init(number: Int, count: Int) throws(MonteCarloShardError) {
        guard count >= 1 && count <= Self.maximumCount else {
            throw MonteCarloShardError("the shard count must be 1 to \(Self.maximumCount), got \(count)")
        }
        guard number >= 1 && number <= count else {
            throw MonteCarloShardError("shards of \(count) are numbered 1 to \(count), got \(number)"
                + (number == 0 ? " (numbering starts at 1: with Slurm use --array=1-\(count))" : ""))
        }
        self.number = number
        self.count = count
    }

    private init(uncheckedNumber number: Int, count: Int) {
        self.number = number
        self.count = count
    }

    /// Reads `K/N`, as `--shard` takes it (spaces around the numbers are allowed).
    public init(parsing text: String) throws(MonteCarloShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let number = Int(parts[0]), let count = Int(parts[1]) else {
            throw MonteCarloShardError("a shard is K/N, shard K of N (1 ≤ K ≤ N), e.g. 1/4; got '\(text)'")
        }
        try self.init(number: number, count: count)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let number = try container.decode(Int.self, forKey: .number)
        let count = try container.decode(Int.self, forKey: .count)
        do {
            try self.init(number: number, count: count)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .number, in: container, debugDescription: error.message)
        }
    }

    /// The blocks of this shard, of a run of `blockCount` blocks.
    public func blocks(ofRun blockCount: Int) -> Range<Int> {
        Self.boundary(number - 1, of: count, blocks: blockCount)..<Self.boundary(number, of: count, blocks: blockCount)
    }

    /// ⌊part·blocks/count⌋, without overflow for any block count.
    private static func boundary(_ part: Int, of count: Int, blocks: Int) -> Int {
        let product = blocks.multipliedFullWidth(by: part)
        return count.dividingFullWidth(product).quotient
    }

    public var description: String { "\(number)/\(count)" }
}

/// A shard that does not exist: the message names the bad value.
public struct MonteCarloShardError: Error, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}
