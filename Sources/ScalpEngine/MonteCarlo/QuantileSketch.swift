import Foundation

/// Quantiles of a stream in memory independent of its length: a log-bucket histogram in the
/// manner of DDSketch (Masson, Rim and Lee 2019).
///
/// A value x with |x| ≥ `zeroThreshold` falls in bucket k = ⌈ln|x| / ln γ⌉ (kept apart by
/// sign), γ = (1 + α)/(1 − α), and every value of bucket k is read back as 2γᵏ/(γ + 1), which
/// is within relative error α of it. Smaller magnitudes count as zero. So `quantile(q)` is the
/// sample quantile of 0-based rank ⌊q·(n − 1)⌋ in ascending order to within relative error α
/// (absolute error `zeroThreshold` near zero), clamped to the exact minimum and maximum.
///
/// Memory grows with the spread of the values' logarithms, not with their number: about
/// ln(max/min)/(2α) buckets per sign. Merging adds integer counts, so it is exact and the
/// order of merges does not matter.
public struct QuantileSketch: Sendable {
    /// α, the relative accuracy of every quantile.
    public let relativeAccuracy: Double
    /// Magnitudes below this count as zero.
    public let zeroThreshold: Double
    /// Values added (non-finite ones are counted in `nonFiniteCount` instead).
    public private(set) var count = 0
    public private(set) var zeroCount = 0
    public private(set) var nonFiniteCount = 0
    public private(set) var minimum = Double.infinity
    public private(set) var maximum = -Double.infinity

    let gamma: Double
    let keysPerLog: Double
    var positive = BucketStore()
    var negative = BucketStore()

    /// The default accuracy of the Monte Carlo's quantiles: 0.1%.
    public static let defaultRelativeAccuracy = 1e-3

    public init(relativeAccuracy: Double = QuantileSketch.defaultRelativeAccuracy, zeroThreshold: Double = 1e-12) {
        precondition(relativeAccuracy > 0 && relativeAccuracy < 1, "relative accuracy must be in (0, 1)")
        precondition(zeroThreshold > 0, "the zero threshold must be positive")
        self.relativeAccuracy = relativeAccuracy
        self.zeroThreshold = zeroThreshold
        gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
        keysPerLog = 1 / log(gamma)
    }

    public mutating func add(_ x: Double) {
        guard x.isFinite else {
            nonFiniteCount += 1
            return
        }
        count += 1
        minimum = Swift.min(minimum, x)
        maximum = Swift.max(maximum, x)
        let magnitude = abs(x)
        if magnitude < zeroThreshold {
            zeroCount += 1
        } else if x > 0 {
            positive.add(key: key(magnitude))
        } else {
            negative.add(key: key(magnitude))
        }
    }

    /// Adds all of `other`'s values. Both sketches must have the same accuracy and zero threshold.
    public mutating func merge(_ other: QuantileSketch) {
        precondition(other.relativeAccuracy == relativeAccuracy && other.zeroThreshold == zeroThreshold,
                     "merging sketches of different accuracy")
        count += other.count
        zeroCount += other.zeroCount
        nonFiniteCount += other.nonFiniteCount
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
        positive.merge(other.positive)
        negative.merge(other.negative)
    }

    /// The value at quantile `q` in [0, 1]: the sample quantile of rank ⌊q·(n − 1)⌋ to within
    /// relative error α; NaN when empty.
    public func quantile(_ q: Double) -> Double {
        guard count > 0 else { return .nan }
        let rank = Swift.min(Swift.max(q, 0), 1) * Double(count - 1)
        // The extremes are known exactly.
        if rank <= 0 { return minimum }
        if rank >= Double(count - 1) { return maximum }
        var seen = 0.0
        var found = Double.nan
        forEachBucket { value, bucketCount in
            seen += Double(bucketCount)
            if seen > rank {
                found = value
                return false
            }
            return true
        }
        return Swift.min(Swift.max(found, minimum), maximum)
    }

    /// Calls `body` with each non-empty bucket's value (as read back) and count, in ascending
    /// order of value, until it returns false.
    public func forEachBucket(_ body: (_ value: Double, _ count: Int) -> Bool) {
        for index in negative.counts.indices.reversed() where negative.counts[index] > 0 {
            if !body(-value(key: negative.offset + index), negative.counts[index]) { return }
        }
        if zeroCount > 0, !body(0, zeroCount) { return }
        for index in positive.counts.indices where positive.counts[index] > 0 {
            if !body(value(key: positive.offset + index), positive.counts[index]) { return }
        }
    }

    /// Buckets held, both signs: the sketch's memory is about 8 bytes a bucket.
    public var bucketCount: Int { positive.counts.count + negative.counts.count }

    func key(_ magnitude: Double) -> Int {
        Int((log(magnitude) * keysPerLog).rounded(.up))
    }

    /// The value every member of bucket `key`, (γ^(key−1), γᵏᵉʸ], is read back as.
    func value(key: Int) -> Double {
        2 * pow(gamma, Double(key)) / (gamma + 1)
    }
}

/// Counts by consecutive integer key, in one array that grows at either end as keys arrive.
struct BucketStore: Sendable {
    /// The key of `counts[0]`.
    var offset = 0
    var counts: [Int] = []

    init() {}

    mutating func add(key: Int, count: Int = 1) {
        cover(key)
        counts[key - offset] += count
    }

    /// Grows the array so it covers `key`, by at least half its size to keep growth amortised.
    mutating func cover(_ key: Int) {
        if key >= offset && key < offset + counts.count { return }
        let slack = Swift.max(counts.count / 2, 32)
        if counts.isEmpty {
            offset = key - slack
            counts = Array(repeating: 0, count: 2 * slack + 1)
        } else if key < offset {
            let grow = Swift.max(offset - key, slack)
            counts.insert(contentsOf: repeatElement(0, count: grow), at: 0)
            offset -= grow
        } else {
            let grow = Swift.max(key - (offset + counts.count) + 1, slack)
            counts.append(contentsOf: repeatElement(0, count: grow))
        }
    }

    mutating func merge(_ other: BucketStore) {
        guard let first = other.counts.firstIndex(where: { $0 > 0 }),
              let last = other.counts.lastIndex(where: { $0 > 0 }) else { return }
        cover(other.offset + first)
        cover(other.offset + last)
        for index in first...last where other.counts[index] > 0 {
            counts[other.offset + index - offset] += other.counts[index]
        }
    }
}
