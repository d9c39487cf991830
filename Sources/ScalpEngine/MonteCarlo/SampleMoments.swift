/// Count, mean, central moments up to the fourth, and exact extremes of a stream of numbers,
/// in one pass and constant memory, mergeable.
///
/// Adding uses the one-pass update of Welford extended to third and fourth moments
/// (Terriberry 2007); `merge` uses the pairwise formulas of Chan, Golub and LeVeque (1979)
/// and Pébay (2008). Both are numerically stable for long streams. Floating-point merging
/// is not associative, so the Monte Carlo always merges partial results in the same order
/// (block order) and gets the same bits whatever the thread count.
public struct SampleMoments: Sendable, Hashable {
    public private(set) var count = 0
    public private(set) var mean = 0.0
    /// Σ(x − mean)², Σ(x − mean)³, Σ(x − mean)⁴.
    public private(set) var m2 = 0.0
    public private(set) var m3 = 0.0
    public private(set) var m4 = 0.0
    public private(set) var minimum = Double.infinity
    public private(set) var maximum = -Double.infinity

    public init() {}

    public mutating func add(_ x: Double) {
        let n1 = Double(count)
        count += 1
        let n = Double(count)
        let delta = x - mean
        let deltaN = delta / n
        let deltaN2 = deltaN * deltaN
        let term1 = delta * deltaN * n1
        mean += deltaN
        m4 += term1 * deltaN2 * (n * n - 3 * n + 3) + 6 * deltaN2 * m2 - 4 * deltaN * m3
        m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2
        m2 += term1
        minimum = Swift.min(minimum, x)
        maximum = Swift.max(maximum, x)
    }

    /// Adds all of `other`'s samples, as if they had been added after this one's.
    public mutating func merge(_ other: SampleMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let na = Double(count), nb = Double(other.count)
        let n = na + nb
        let delta = other.mean - mean
        let delta2 = delta * delta
        let m2 = self.m2 + other.m2 + delta2 * na * nb / n
        let m3 = self.m3 + other.m3 + delta2 * delta * na * nb * (na - nb) / (n * n)
            + 3 * delta * (na * other.m2 - nb * self.m2) / n
        let m4 = self.m4 + other.m4 + delta2 * delta2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
            + 6 * delta2 * (na * na * other.m2 + nb * nb * self.m2) / (n * n)
            + 4 * delta * (na * other.m3 - nb * self.m3) / n
        mean += delta * nb / n
        self.m2 = m2
        self.m3 = m3
        self.m4 = m4
        count += other.count
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
    }

    /// Sample variance (divisor n − 1); 0 with fewer than two samples.
    public var variance: Double { count > 1 ? m2 / Double(count - 1) : 0 }
    /// Sample standard deviation (divisor n − 1).
    public var standardDeviation: Double { variance.squareRoot() }
    /// Standard error of the mean, s/√n; 0 with fewer than two samples.
    public var standardError: Double { count > 1 ? standardDeviation / Double(count).squareRoot() : 0 }
    /// Skewness g₁ = √n·m₃/m₂^{3/2} (moment estimator); 0 when every sample is equal.
    public var skewness: Double {
        guard count > 0, m2 > 0 else { return 0 }
        return Double(count).squareRoot() * m3 / (m2 * m2.squareRoot())
    }
    /// Excess kurtosis g₂ = n·m₄/m₂² − 3 (moment estimator, 0 for a normal); 0 when every sample is equal.
    public var excessKurtosis: Double {
        guard count > 0, m2 > 0 else { return 0 }
        return Double(count) * m4 / (m2 * m2) - 3
    }
}

/// Coded field by field (the sums of powers, not the derived statistics), so a decoded value
/// merges to the same bits as the original.
extension SampleMoments: Codable {}
