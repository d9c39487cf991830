import Foundation

/// Heston's (1993) stochastic volatility: the variance v mean-reverts and is itself random,
/// and its shocks are correlated with the price's:
///
/// dS/S = (μ − q)·dt + √v·dW₁,  dv = κ(θ − v)·dt + ξ·√v·dW₂,  d⟨W₁, W₂⟩ = ρ·dt.
///
/// E[v_T] = θ + (v₀ − θ)·e^{−κT}, and E[S_T] = S₀·e^{(μ−q)T}. Two discretisations:
///
/// - `quadraticExponential` (default): Andersen's (2008) QE scheme. The variance step matches
///   the exact conditional mean and variance of v (a scaled non-central χ² for moderate
///   variance, a point mass at 0 plus an exponential near 0), so E[v_T] is exact for any dt;
///   the log-spot step integrates the variance with the central (½, ½) weights and carries
///   Andersen's martingale correction, so E[S_T] is exact too. Accurate at 5-minute to daily steps.
/// - `fullTruncation`: Lord, Koekkoek and van Dijk's (2010) Euler scheme with v⁺ = max(v, 0)
///   in drift and diffusion, log-spot step. Simple and robust, biased in v at coarse steps.
///
/// Draws per step: two (a normal or a uniform for the variance, a normal for the price).
public struct HestonProcess: LogReturnProcess, Hashable, Codable {
    public enum Scheme: String, Sendable, Hashable, Codable, CaseIterable {
        case quadraticExponential = "qe"
        case fullTruncation = "full-truncation"
    }

    /// μ, expected total return per year (fraction).
    public var drift: Double
    /// q, continuous dividend yield per year (fraction).
    public var dividendYield: Double
    /// v, the instantaneous variance now (v₀ in a configuration), per year: 0.04 is 20% vol.
    public var variance: Double
    /// θ, the long-run variance per year.
    public var longRunVariance: Double
    /// κ, the speed of mean reversion of the variance, per year (half-life ln 2/κ years).
    public var meanReversion: Double
    /// ξ, the volatility of the variance, per √year.
    public var volOfVol: Double
    /// ρ, the correlation of price and variance shocks, in [−1, 1]; negative for equities.
    public var correlation: Double
    public var scheme: Scheme

    private var cache = StepCache(constants: StepConstants())

    public init(drift: Double, dividendYield: Double = 0, initialVariance: Double, longRunVariance: Double,
                meanReversion: Double, volOfVol: Double, correlation: Double, scheme: Scheme = .quadraticExponential) {
        self.drift = drift
        self.dividendYield = dividendYield
        self.variance = initialVariance
        self.longRunVariance = longRunVariance
        self.meanReversion = meanReversion
        self.volOfVol = volOfVol
        self.correlation = correlation
        self.scheme = scheme
    }

    /// √v, the vol the market runs at now (0 while a full-truncation variance is negative).
    public var instantaneousVolatility: Double { max(variance, 0).squareRoot() }

    /// E[v_t] = θ + (v − θ)·e^{−κt}: the expected variance `t` years from now.
    public func expectedVariance(after t: Double) -> Double {
        longRunVariance + (variance - longRunVariance) * exp(-meanReversion * t)
    }

    /// The log-return over `dt`; the variance moves on with it.
    public mutating func logIncrement(dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        if dt != cache.step {
            cache.step = dt
            cache.constants = StepConstants(process: self, dt: dt)
        }
        switch scheme {
        case .quadraticExponential: return quadraticExponentialStep(using: &rng)
        case .fullTruncation: return fullTruncationStep(using: &rng)
        }
    }

    /// Andersen's QE step, switching at ψ = 1.5, with the martingale correction.
    private mutating func quadraticExponentialStep(using rng: inout Xoshiro256StarStar) -> Double {
        let c = cache.constants
        let v = variance
        let mean = longRunVariance + (v - longRunVariance) * c.decay
        let spread = v * c.varianceFromLevel + c.varianceFromLongRun
        var next: Double
        var logMoment: Double // ln E[exp(A·v′)], for the martingale correction
        if spread <= 0 || mean <= 0 {
            next = max(mean, 0)
            logMoment = c.a * next
        } else {
            let psi = spread / (mean * mean)
            if psi <= 1.5 {
                let twoOverPsi = 2 / psi
                let b2 = twoOverPsi - 1 + twoOverPsi.squareRoot() * (twoOverPsi - 1).squareRoot()
                let scale = mean / (1 + b2)
                let shifted = b2.squareRoot() + rng.nextNormal()
                next = scale * shifted * shifted
                let denominator = 1 - 2 * c.a * scale
                logMoment = denominator > 0 ? c.a * b2 * scale / denominator - 0.5 * log(denominator) : .nan
            } else {
                let p = (psi - 1) / (psi + 1)
                let beta = (1 - p) / mean
                let u = rng.nextUnit()
                next = u <= p ? 0 : log((1 - p) / (1 - u)) / beta
                logMoment = c.a < beta ? log(p + beta * (1 - p) / (beta - c.a)) : .nan
            }
        }
        // Without a finite moment (strongly positive ρ, coarse steps) fall back to Andersen's plain K₀.
        let k0 = logMoment.isFinite ? -logMoment - (c.k1 + 0.5 * c.k3) * v : c.k0
        variance = next
        let diffusion = max(c.k3 * v + c.k4 * next, 0).squareRoot()
        return c.carry + k0 + c.k1 * v + c.k2 * next + diffusion * rng.nextNormal()
    }

    /// The full-truncation Euler step.
    private mutating func fullTruncationStep(using rng: inout Xoshiro256StarStar) -> Double {
        let c = cache.constants
        let positive = max(variance, 0)
        let root = (positive * c.dt).squareRoot()
        let zVariance = rng.nextNormal()
        let zPrice = correlation * zVariance + c.orthogonal * rng.nextNormal()
        variance += meanReversion * (longRunVariance - positive) * c.dt + volOfVol * root * zVariance
        return c.carry - 0.5 * positive * c.dt + root * zPrice
    }

    /// What a step of length dt needs that does not depend on the state.
    private struct StepConstants: Sendable {
        var dt = 0.0
        /// (μ − q)·dt.
        var carry = 0.0
        /// e^{−κ·dt}.
        var decay = 1.0
        /// Conditional variance of v′ = v·varianceFromLevel + varianceFromLongRun.
        var varianceFromLevel = 0.0
        var varianceFromLongRun = 0.0
        /// Andersen's K₀…K₄ (central weights) and A = K₂ + K₄/2.
        var k0 = 0.0, k1 = 0.0, k2 = 0.0, k3 = 0.0, k4 = 0.0, a = 0.0
        /// √(1 − ρ²).
        var orthogonal = 1.0

        init() {}

        init(process p: HestonProcess, dt: Double) {
            self.dt = dt
            carry = (p.drift - p.dividendYield) * dt
            let kappa = p.meanReversion, xi = p.volOfVol
            decay = exp(-kappa * dt)
            let oneMinusDecay = -expm1(-kappa * dt)
            if kappa > 0 {
                varianceFromLevel = xi * xi * decay * oneMinusDecay / kappa
                varianceFromLongRun = p.longRunVariance * xi * xi * oneMinusDecay * oneMinusDecay / (2 * kappa)
            } else {
                varianceFromLevel = xi * xi * dt
                varianceFromLongRun = 0
            }
            // With ξ = 0 the variance is deterministic and ρ has no effect: use ρ = 0, no division by ξ.
            let rho = xi > 0 ? p.correlation : 0
            let rhoOverXi = xi > 0 ? rho / xi : 0
            k0 = -rhoOverXi * kappa * p.longRunVariance * dt
            k1 = 0.5 * dt * (kappa * rhoOverXi - 0.5) - rhoOverXi
            k2 = 0.5 * dt * (kappa * rhoOverXi - 0.5) + rhoOverXi
            k3 = 0.5 * dt * (1 - rho * rho)
            k4 = k3
            a = k2 + 0.5 * k4
            orthogonal = max(1 - p.correlation * p.correlation, 0).squareRoot()
        }
    }

    private enum CodingKeys: String, CodingKey {
        case drift, dividendYield, variance, longRunVariance, meanReversion, volOfVol, correlation, scheme
    }
}
