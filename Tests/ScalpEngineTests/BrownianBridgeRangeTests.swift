import Foundation
import Testing
@testable import ScalpEngine

/// The bridge's high and low against the laws of a Brownian bridge's extremes.
@Suite("Brownian-bridge high and low")
struct BrownianBridgeRangeTests {
    /// A step that rose: ln 100 → ln 101, 2% of vol over the step.
    let bridge = BrownianBridgeRange(start: log(100), end: log(101), variance: 0.02 * 0.02)

    func samples(_ bridge: BrownianBridgeRange, count: Int, seed: UInt64) -> [(high: Double, low: Double)] {
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in bridge.sampleExtremes(using: &rng) }
    }

    /// Kolmogorov-Smirnov distance between a sample and a distribution function.
    func ksDistance(_ values: [Double], cdf: (Double) -> Double) -> Double {
        let sorted = values.sorted(), n = Double(values.count)
        return sorted.enumerated().map { i, value in
            let f = cdf(value)
            return max(abs(f - Double(i) / n), abs(Double(i + 1) / n - f))
        }.max() ?? 1
    }

    /// Both marginals pass a KS test (1% level: D < 1.63/√n) against P(high > m) =
    /// exp(−2(m−a)(m−b)/v) and P(low < m) = exp(−2(a−m)(b−m)/v). The low is drawn from its law
    /// given the high, so its marginal checks the conditional sampler against a closed form.
    @Test func highAndLowFollowTheirLaws() {
        let n = 20_000
        let drawn = samples(bridge, count: n, seed: 7)
        let critical = 1.63 / Double(n).squareRoot()
        let highD = ksDistance(drawn.map(\.high)) { 1 - bridge.probabilityHighAbove($0) }
        let lowD = ksDistance(drawn.map(\.low)) { bridge.probabilityLowBelow($0) }
        #expect(highD < critical, "high KS \(highD) vs \(critical)")
        #expect(lowD < critical, "low KS \(lowD) vs \(critical)")
        #expect(drawn.allSatisfy { $0.high >= log(101) && $0.low <= log(100) })
    }

    /// The joint law: the share of paths inside (l, h) matches the reflection series within
    /// 4 standard errors at corridors from tight to wide, and the series itself reduces to
    /// the one-sided law when the other barrier is far away.
    @Test func highAndLowAreJointlyRight() {
        let n = 20_000
        let drawn = samples(bridge, count: n, seed: 11)
        let a = log(100.0), b = log(101.0), s = 0.02
        for (low, high) in [(a - 0.3 * s, b + 0.3 * s), (a - 0.5 * s, b + 1.0 * s), (a - 1.5 * s, b + 0.4 * s), (a - s, b + s)] {
            let p = bridge.probabilityWithin(low: low, high: high)
            let share = Double(drawn.filter { $0.low > low && $0.high < high }.count) / Double(n)
            let standardError = (p * (1 - p) / Double(n)).squareRoot()
            #expect(abs(share - p) < 4 * standardError, "P(\(low) < low, high < \(high)) = \(p), sampled \(share)")
        }
        let farLow = a - 20 * s
        #expect(close(bridge.probabilityWithin(low: farLow, high: b + s), 1 - bridge.probabilityHighAbove(b + s), rel: 1e-12))
        #expect(close(bridge.probabilityWithin(low: a - s, high: b + 20 * s), 1 - bridge.probabilityLowBelow(a - s), rel: 1e-12))
    }

    /// A bridge from 0 back to 0 has E[high] = √(πv/8), within 4 standard errors. (The range
    /// of whole GBM steps, E[ln(H/L)²] = 4 ln 2·σ²dt, is the Parkinson test's.)
    @Test func meanHighOfAFlatBridge() {
        let flat = BrownianBridgeRange(start: 0, end: 0, variance: 1)
        let highs = samples(flat, count: 20_000, seed: 3).map(\.high)
        var stats = RunningStatistics()
        highs.forEach { stats.add($0) }
        let expected = (Double.pi / 8).squareRoot()
        #expect(abs(stats.mean - expected) < 4 * stats.standardDeviation / Double(highs.count).squareRoot(), "mean high \(stats.mean) vs \(expected)")
    }

    /// Degenerate steps: no variance means no range; a tail high still gives a finite low.
    @Test func edgeCases() {
        var rng = Xoshiro256StarStar(seed: 1)
        let still = BrownianBridgeRange(start: 1, end: 2, variance: 0).sampleExtremes(using: &rng)
        #expect(still.high == 2 && still.low == 1)
        let tail = bridge.low(givenHigh: log(101) + 0.3, uniform: 0.5)
        #expect(tail.isFinite && tail <= log(100))
        #expect(bridge.low(givenHigh: log(101) + 0.01, uniform: 1e-300).isFinite)
    }
}
