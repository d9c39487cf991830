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

    // Per-step constants for the last dt seen.
    private var cachedStep: Double = .nan
    private var cachedDrift: Double = 0
    private var cachedDiffusion: Double = 0
    private var cachedJumps = PoissonSampler(mean: 0)

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
        if dt != cachedStep {
            cachedStep = dt
            cachedDrift = (drift - dividendYield - 0.5 * volatility * volatility - jumpIntensity * meanRelativeJump) * dt
            cachedDiffusion = volatility * dt.squareRoot()
            cachedJumps = PoissonSampler(mean: jumpIntensity * dt)
        }
        var increment = cachedDrift + cachedDiffusion * rng.nextNormal()
        let jumps = cachedJumps.sample(using: &rng)
        if jumps > 0 {
            let n = Double(jumps)
            increment += n * jumpMean + jumpStdev * n.squareRoot() * rng.nextNormal()
        }
        return increment
    }

    private enum CodingKeys: String, CodingKey {
        case drift, volatility, dividendYield, jumpIntensity, jumpMean, jumpStdev
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.drift == rhs.drift && lhs.volatility == rhs.volatility && lhs.dividendYield == rhs.dividendYield
            && lhs.jumpIntensity == rhs.jumpIntensity && lhs.jumpMean == rhs.jumpMean && lhs.jumpStdev == rhs.jumpStdev
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(drift)
        hasher.combine(volatility)
        hasher.combine(dividendYield)
        hasher.combine(jumpIntensity)
        hasher.combine(jumpMean)
        hasher.combine(jumpStdev)
    }
}
