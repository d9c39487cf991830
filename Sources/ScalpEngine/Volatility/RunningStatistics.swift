/// Mean, variance and extremes of a stream, by Welford's method: one pass, no stored
/// samples, stable for long streams.
public struct RunningStatistics: Sendable, Hashable, Codable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    private var m2 = 0.0
    public private(set) var minimum = Double.infinity
    public private(set) var maximum = -Double.infinity

    public init() {}

    public mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
        minimum = Swift.min(minimum, x)
        maximum = Swift.max(maximum, x)
    }

    /// Sample variance (n − 1), 0 with fewer than two samples.
    public var variance: Double { count > 1 ? m2 / Double(count - 1) : 0 }
    public var standardDeviation: Double { variance.squareRoot() }
}
