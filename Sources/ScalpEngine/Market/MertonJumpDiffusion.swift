import Foundation

/// Merton's (1976) jump-diffusion: GBM plus Poisson jumps with lognormal sizes, stepped
/// exactly in log space:
///
/// ln S(t+dt) = ln S(t) + (μ − q − σ²/2 − λk)·dt + σ·√dt·Z + Σᵢ₌₁ᴺ Yᵢ,
///
/// with N ~ Poisson(λ·dt) drawn exactly each step, Yᵢ ~ N(m, s²) the log jumps and
/// k = E[e^Y] − 1 = e^{m + s²/2} − 1. The −λk term compensates the jumps, so
/// E[S_T] = S₀·e^{(μ−q)T} as under GBM, and Var[ln S_T] = (σ² + λ(m² + s²))·T.
///
/// Draws per step: one normal and one uniform, plus one more normal in a step with jumps
/// (the N jumps' sum is N(N·m, N·s²), drawn at once).
public struct MertonJumpDiffusion: LogReturnProcess, Hashable, Codable {
    /// μ, expected total return per year (fraction), jumps included.
    public var drift: Double
    /// σ, volatility of the diffusion between jumps, annualised fraction.
    public var volatility: Double
    /// q, continuous dividend yield per year (fraction).
    public var dividendYield: Double
    /// λ, expected number of jumps per year.
    public var jumpIntensity: Double
    /// m, mean of the log jump (−0.05 is a typical 4.9% drop).
    public var jumpMean: Double
    /// s, standard deviation of the log jump.
    public var jumpStdev: Double

    private var cache = StepCache(constants: StepConstants())

    public init(drift: Double, volatility: Double, dividendYield: Double = 0,
                jumpIntensity: Double, jumpMean: Double, jumpStdev: Double) {
        self.drift = drift
        self.volatility = volatility
        self.dividendYield = dividendYield
        self.jumpIntensity = jumpIntensity
        self.jumpMean = jumpMean
        self.jumpStdev = jumpStdev
    }

    /// k = E[e^Y] − 1, the expected relative size of one jump.
    public var meanRelativeJump: Double { exp(jumpMean + 0.5 * jumpStdev * jumpStdev) - 1 }

    /// The total volatility, diffusion and jumps together: √(σ² + λ(m² + s²)), annualised.
    public var totalVolatility: Double {
        (volatility * volatility + jumpIntensity * (jumpMean * jumpMean + jumpStdev * jumpStdev)).squareRoot()
    }

    /// The diffusion's σ: what the market runs at between jumps.
    public var instantaneousVolatility: Double { volatility }

    /// The log-return over `dt`.
    public mutating func logIncrement(dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        if dt != cache.step {
            cache.step = dt
            cache.constants = StepConstants(
                drift: (drift - dividendYield - 0.5 * volatility * volatility - jumpIntensity * meanRelativeJump) * dt,
                diffusion: volatility * dt.squareRoot(), jumps: PoissonSampler(mean: jumpIntensity * dt))
        }
        let c = cache.constants
        var increment = c.drift + c.diffusion * rng.nextNormal()
        let jumps = c.jumps.sample(using: &rng)
        if jumps > 0 {
            let n = Double(jumps)
            increment += n * jumpMean + jumpStdev * n.squareRoot() * rng.nextNormal()
        }
        return increment
    }

    private enum CodingKeys: String, CodingKey {
        case drift, volatility, dividendYield, jumpIntensity, jumpMean, jumpStdev
    }

    /// Per-step constants for one dt.
    private struct StepConstants: Sendable {
        /// The compensated drift of the log price over dt.
        var drift = 0.0
        /// σ·√dt.
        var diffusion = 0.0
        /// Draws the number of jumps in dt.
        var jumps = PoissonSampler(mean: 0)
    }
}
