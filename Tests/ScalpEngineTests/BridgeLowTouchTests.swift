import Foundation
import Testing
@testable import ScalpEngine

/// The ladder's buy test by products of exponentials against the reference series: the same
/// answer for every uniform, the near-ties included (they fall back to the series).
@Suite("Bridge low touch: fast decision against the series")
struct BridgeLowTouchTests {
    /// Random steps, highs, levels and uniforms: every decision equals the series', and the
    /// fast sum itself is within 1e-12 of it wherever it answers.
    @Test func decisionsMatchTheSeries() {
        var rng = Xoshiro256StarStar(seed: 21)
        func unit() -> Double { BrownianBridgeRange.openUnit(&rng) }
        var decided = 0, filled = 0
        for _ in 0..<200_000 {
            let scale = [0.001, 0.0126, 0.05, 0.3][Int(unit() * 4)]
            let start = 4.6 + (unit() - 0.5) * 0.1
            let end = start + (unit() - 0.5) * 4 * scale
            let bridge = BrownianBridgeRange(start: start, end: end, variance: scale * scale)
            let high = bridge.high(uniform: unit())
            guard high > max(start, end) else { continue }
            let level = min(start, end) - unit() * unit() * 4 * scale
            guard level < min(start, end) else { continue }
            let reference = 1 - bridge.conditionalLowSurvival(level, high: high)
            // Uniforms spread over (0, 1), and some right at the reference's value.
            for u in [unit(), reference, reference.nextUp, reference.nextDown, max(reference - 1e-13, 1e-300)] {
                let fast = bridge.lowReaches(level, givenHigh: high, uniform: u)
                #expect(fast == (u < reference), "start \(start) end \(end) v \(scale * scale) high \(high) level \(level) u \(u)")
                decided += 1
                if fast { filled += 1 }
            }
        }
        #expect(decided > 900_000)
        // Both answers occur often: the test exercises both sides.
        #expect(filled > decided / 20 && filled < decided * 19 / 20)
    }
}
