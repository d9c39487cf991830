import Foundation
import Testing
@testable import ScalpEngine

/// The step-by-step rolling estimate is `RangeVolEstimator` on the same window of bars, to the
/// last bit, while the window fills and after it slides.
@Suite("Rolling range vol, kept bar by bar")
struct RollingRangeVolatilityTests {
    @Test(arguments: [RangeVolEstimator.parkinson, .garmanKlass, .rogersSatchell, .yangZhang])
    func equalsTheEstimatorOnTheSameWindow(estimator: RangeVolEstimator) {
        var rng = Xoshiro256StarStar(seed: 31)
        let process = GeometricBrownianMotion(drift: 0.05, volatility: 0.4)
        // Overnight gaps, so Yang-Zhang's σ_o is not zero.
        let bars = process.bars(from: 100, dt: 1.0 / 252, count: 300, overnightVariance: 0.3 * 0.16 / 252, using: &rng)
        let window = 21
        var rolling = RollingRangeVolatility(window: window, periodsPerYear: 252)
        for (index, bar) in bars.enumerated() {
            rolling.append(bar)
            let kept = bars[max(0, index + 1 - window)...index]
            #expect(rolling.count == kept.count)
            let expected = estimator.volatility(of: kept, periodsPerYear: 252)
            #expect(rolling.volatility(estimator) == expected, "\(estimator.name) bar \(index)")
        }
        // The slid windows are the ones `rollingVolatilities` reads.
        #expect(rolling.volatility(estimator) == estimator.rollingVolatilities(of: bars, window: window, periodsPerYear: 252).last)
    }

    @Test func closeToCloseAndTooFewBarsAreNil() throws {
        var rolling = RollingRangeVolatility(window: 5, periodsPerYear: 252)
        #expect(rolling.volatility(.parkinson) == nil)
        rolling.append(PriceBar(previousClose: 100, open: 101, high: 103, low: 99, close: 102))
        #expect(rolling.volatility(.yangZhang) == nil)
        #expect(rolling.volatility(.closeToClose) == nil)
        // One bar: Parkinson by hand, √(252·ln(103/99)²/(4 ln 2)).
        let parkinson = try #require(rolling.volatility(.parkinson))
        #expect(abs(parkinson - (252 * pow(log(103.0 / 99), 2) / (4 * M_LN2)).squareRoot()) < 1e-15)
    }
}
