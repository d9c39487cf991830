import Foundation
import Testing
@testable import ScalpEngine

@Suite("Price processes")
struct PriceProcessTests {
    /// Exact log-space stepping: E[S_T] = S₀·e^{(μ−q)T} and Var[ln S_T] = σ²T, whatever the step count.
    @Test func gbmMomentsMatchTheory() {
        let mu = 0.08, sigma = 0.3, q = 0.02, horizon = 1.0
        for steps in [1, 12, 250] {
            var rng = Xoshiro256StarStar(seed: UInt64(steps))
            var process = GeometricBrownianMotion(drift: mu, volatility: sigma, dividendYield: q)
            let paths = 40_000
            var terminal = RunningStatistics()
            var logs = RunningStatistics()
            for _ in 0..<paths {
                var s = 100.0
                for _ in 0..<steps { s = process.advance(spot: s, dt: horizon / Double(steps), using: &rng) }
                terminal.add(s)
                logs.add(log(s / 100))
            }
            let expectedMean = 100 * exp((mu - q) * horizon)
            let standardError = terminal.standardDeviation / Double(paths).squareRoot()
            #expect(abs(terminal.mean - expectedMean) < 4 * standardError, "E[S_T] with \(steps) steps")
            #expect(abs(logs.mean - (mu - q - sigma * sigma / 2) * horizon) < 4 * sigma / Double(paths).squareRoot())
            // Var of a sample variance ≈ 2σ⁴/n for normal data.
            #expect(abs(logs.variance - sigma * sigma) < 4 * sigma * sigma * (2 / Double(paths)).squareRoot())
        }
    }

    @Test func zeroVolatilityIsDeterministicGrowth() {
        var rng = Xoshiro256StarStar(seed: 1)
        var process = MarketProcess.geometricBrownian(GeometricBrownianMotion(drift: 0.05, volatility: 0))
        var s = 100.0
        for _ in 0..<100 { s = process.advance(spot: s, dt: 0.01, using: &rng) }
        #expect(close(s, 100 * exp(0.05), rel: 1e-13))
        #expect(process.instantaneousVolatility == 0)
    }
}
