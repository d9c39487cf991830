import Foundation

/// The high and low of a log price that moves as Brownian motion over one step whose two
/// ends are known: a Brownian bridge from `start` to `end` with variance σ²·dt. For GBM this
/// is exact whatever the drift (a bridge does not depend on it), so simulated bars get the
/// high and low a continuous path between the two closes would really have had, and a
/// limit order can be filled when the path touched its level.
///
/// All values are log prices (ln S); `variance` is σ²·dt in log units² (σ annualised, dt in
/// years). With a = start, b = end, v = variance (Borodin and Salminen, 2002):
///
/// - P(high > m) = exp(−2(m − a)(m − b)/v) for m ≥ max(a, b), so
///   high = (a + b + √((b − a)² − 2v·ln U))/2 for U uniform on (0, 1);
/// - P(low < m) = exp(−2(a − m)(b − m)/v) for m ≤ min(a, b), and low likewise;
/// - P(l < low, high < h) = Σₖ e^{−2kw(kw + x)/v} − e^{−2(h′ + kw)(h′ + kw − x)/v} over all
///   integers k (reflection at both barriers), with x = b − a, h′ = h − a, w = h − l.
///
/// High and low are not independent (a path that ran far up had less time to fall), so a
/// sample draws the high from its law and then the low from its law given that high, by
/// inverting the conditional distribution ∂ₕP(l < low, high < h)/∂ₕP(high < h).
public struct BrownianBridgeRange: Sendable, Hashable {
    /// ln S at the start and at the end of the step.
    public var start: Double
    public var end: Double
    /// σ²·dt, log units² (≥ 0).
    public var variance: Double

    public init(start: Double, end: Double, variance: Double) {
        (self.start, self.end, self.variance) = (start, end, variance)
    }

    /// The bridge between two prices (currency) for a step of `dt` years at vol `volatility`
    /// (annualised fraction).
    public init(from open: Double, to close: Double, volatility: Double, dt: Double) {
        self.init(start: log(open), end: log(close), variance: volatility * volatility * dt)
    }

    /// P(high > level): 1 at or below the larger end.
    public func probabilityHighAbove(_ level: Double) -> Double {
        guard level > max(start, end) else { return 1 }
        guard variance > 0 else { return 0 }
        return exp(-2 * (level - start) * (level - end) / variance)
    }

    /// P(low < level): 1 at or above the smaller end.
    public func probabilityLowBelow(_ level: Double) -> Double {
        guard level < min(start, end) else { return 1 }
        guard variance > 0 else { return 0 }
        return exp(-2 * (start - level) * (end - level) / variance)
    }

    /// P(low > `low` and high < `high`): the path stays strictly between the two levels.
    public func probabilityWithin(low: Double, high: Double) -> Double {
        guard low < min(start, end), high > max(start, end) else { return 0 }
        guard variance > 0 else { return 1 }
        let x = end - start, h = high - start, w = high - low, v = variance
        func reflections(_ k: Int) -> Double {
            let kw = Double(k) * w, y = h + kw
            return exp(-2 * kw * (kw + x) / v) - exp(-2 * y * (y - x) / v)
        }
        var sum = reflections(0)
        for k in 1...Self.maximumTerms {
            let added = reflections(k) + reflections(-k)
            sum += added
            if abs(added) <= 1e-17 * max(abs(sum), 1e-300) { break }
        }
        return min(max(sum, 0), 1)
    }

    /// The high for a uniform draw u in (0, 1): the inverse of P(high > m) = u.
    public func high(uniform u: Double) -> Double {
        let x = end - start
        return start + 0.5 * (x + (x * x - 2 * variance * log(u)).squareRoot())
    }

    /// The low for a uniform draw u in (0, 1): the inverse of P(low < m) = u.
    public func low(uniform u: Double) -> Double {
        let x = end - start
        return start + 0.5 * (x - (x * x - 2 * variance * log(u)).squareRoot())
    }

    /// The low given that the high is `high`, for a uniform draw u in (0, 1): the u-quantile
    /// of the low's law conditional on the high, solved to about 1e-14·√v (or the spacing of
    /// doubles near the log price, if wider).
    public func low(givenHigh high: Double, uniform u: Double) -> Double {
        let top = min(start, end)
        guard variance > 0, high > max(start, end) else { return top }
        let scale = variance.squareRoot()
        // survival(l) = P(low > l | high) falls from 1 (far below) to 0 (at the lower end).
        let target = 1 - u
        var upper = top, lower = top - scale
        var fLower = conditionalLowSurvival(lower, high: high) - target
        for _ in 0..<60 where fLower < 0 {
            upper = lower
            lower = top - 2 * (top - lower)
            fLower = conditionalLowSurvival(lower, high: high) - target
        }
        // Illinois (regula falsi that halves a stale end's weight): superlinear, and always
        // inside the bracket. Stops at 1e-14·√v, or as narrow as doubles near ln S allow.
        var fUpper = conditionalLowSurvival(upper, high: high) - target
        var side = 0, iterations = 0
        while upper - lower > 1e-14 * scale && iterations < 200 {
            iterations += 1
            var middle = (lower * fUpper - upper * fLower) / (fUpper - fLower)
            if !(middle > lower && middle < upper) { middle = 0.5 * (lower + upper) }
            if middle <= lower || middle >= upper { break }
            let f = conditionalLowSurvival(middle, high: high) - target
            if f >= 0 {
                lower = middle
                fLower = f
                if side == -1 { fUpper *= 0.5 }
                side = -1
            } else {
                upper = middle
                fUpper = f
                if side == 1 { fLower *= 0.5 }
                side = 1
            }
        }
        return 0.5 * (lower + upper)
    }

    /// A high and a low drawn jointly: two uniforms from `rng`.
    public func sampleExtremes(using rng: inout Xoshiro256StarStar) -> (high: Double, low: Double) {
        let high = high(uniform: Self.openUnit(&rng))
        return (high, low(givenHigh: high, uniform: Self.openUnit(&rng)))
    }

    /// P(low > l | high = h) = ∂ₕP(l < low, high < h) / ∂ₕP(high < h). Each term of the series
    /// is scaled by the density's own exponential e^{−2h′(h′ − x)/v}, the largest of them, so
    /// tail highs neither overflow nor divide zero by zero.
    func conditionalLowSurvival(_ low: Double, high: Double) -> Double {
        let x = end - start, h = high - start, w = high - low, v = variance
        let reference = -2 * h * (h - x) / v
        // k = 0: the density of the high itself, 2(2h′ − x)/v, times the scale.
        let density = 2 * (2 * h - x)
        var sum = density
        for k in 1...Self.maximumTerms {
            // ∂ₕ of e^{−2kw(kw + x)/v}, with w = h − l, for k and −k.
            func direct(_ k: Double) -> Double {
                let kw = k * w
                return -2 * k * (2 * kw + x) * exp(-2 * kw * (kw + x) / v - reference)
            }
            // ∂ₕ of −e^{−2y(y − x)/v}, with y = h′ + kw and dy/dh = 1 + k, for k and −k − 1
            // (k = −1 does not depend on h).
            func reflected(_ k: Double) -> Double {
                let y = h + k * w
                return 2 * (1 + k) * (2 * y - x) * exp(-2 * y * (y - x) / v - reference)
            }
            let j = Double(k)
            let added = direct(j) + direct(-j) + reflected(j) + reflected(-j - 1)
            sum += added
            if abs(added) <= 1e-17 * abs(sum) { break }
        }
        return min(max(sum / density, 0), 1)
    }

    /// A bound on the images summed: the terms fall as e^{−2k²w²/v}, so a narrow corridor w
    /// (a high just above the larger end) needs about 5·√v/w of them.
    static let maximumTerms = 100_000

    /// Uniform on the open interval (0, 1): a log of it is always finite.
    static func openUnit(_ rng: inout Xoshiro256StarStar) -> Double {
        (Double(rng.next() >> 11) + 0.5) * 0x1.0p-53
    }
}
