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

/// Coded as its accuracy, counts, exact extremes and the non-empty span of each sign's
/// buckets; decoding checks that the counts add up, so a damaged file is refused rather
/// than read as other quantiles.
extension QuantileSketch: Codable {
    enum CodingKeys: String, CodingKey {
        case relativeAccuracy, zeroThreshold, count, zeroCount, nonFiniteCount, minimum, maximum, positive, negative
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let accuracy = try container.decode(Double.self, forKey: .relativeAccuracy)
        let threshold = try container.decode(Double.self, forKey: .zeroThreshold)
        guard accuracy > 0 && accuracy < 1 else {
            throw DecodingError.dataCorruptedError(forKey: .relativeAccuracy, in: container,
                                                   debugDescription: "relative accuracy \(accuracy) is not in (0, 1)")
        }
        guard threshold > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .zeroThreshold, in: container,
                                                   debugDescription: "zero threshold \(threshold) is not positive")
        }
        self.init(relativeAccuracy: accuracy, zeroThreshold: threshold)
        count = try container.decode(Int.self, forKey: .count)
        zeroCount = try container.decode(Int.self, forKey: .zeroCount)
        nonFiniteCount = try container.decode(Int.self, forKey: .nonFiniteCount)
        minimum = try container.decode(Double.self, forKey: .minimum)
        maximum = try container.decode(Double.self, forKey: .maximum)
        positive = try container.decode(BucketStore.self, forKey: .positive)
        negative = try container.decode(BucketStore.self, forKey: .negative)
        // Summed with overflow reported: a damaged file must be refused, not crash the reader.
        var total = (partialValue: zeroCount, overflow: false)
        for bucket in positive.counts + negative.counts where !total.overflow {
            total = total.partialValue.addingReportingOverflow(bucket)
        }
        guard count >= 0, zeroCount >= 0, nonFiniteCount >= 0, !total.overflow, total.partialValue == count else {
            throw DecodingError.dataCorruptedError(forKey: .count, in: container,
                                                   debugDescription: "the bucket counts do not add up to count \(count)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(relativeAccuracy, forKey: .relativeAccuracy)
        try container.encode(zeroThreshold, forKey: .zeroThreshold)
        try container.encode(count, forKey: .count)
        try container.encode(zeroCount, forKey: .zeroCount)
        try container.encode(nonFiniteCount, forKey: .nonFiniteCount)
        try container.encode(minimum, forKey: .minimum)
        try container.encode(maximum, forKey: .maximum)
        try container.encode(positive.trimmed, forKey: .positive)
        try container.encode(negative.trimmed, forKey: .negative)
    }
}

extension BucketStore: Codable {
    enum CodingKeys: String, CodingKey { case offset, counts }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        offset = try container.decode(Int.self, forKey: .offset)
        counts = try container.decode([Int].self, forKey: .counts)
        guard counts.allSatisfy({ $0 >= 0 }) else {
            throw DecodingError.dataCorruptedError(forKey: .counts, in: container, debugDescription: "a bucket count is negative")
        }
    }

    /// The same counts without the empty buckets at either end.
    var trimmed: BucketStore {
        guard let first = counts.firstIndex(where: { $0 > 0 }), let last = counts.lastIndex(where: { $0 > 0 }) else {
            return BucketStore()
        }
        var store = BucketStore()
        store.offset = offset + first
        store.counts = Array(counts[first...last])
        return store
    }
}
