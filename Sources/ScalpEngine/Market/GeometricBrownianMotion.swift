import Foundation

/// Geometric Brownian motion, stepped exactly in log space:
/// S(t+dt) = S(t)·exp((μ − q − σ²/2)·dt + σ·√dt·Z).
///
/// `drift` μ is the expected total return per year (price drift plus the dividend yield q,
/// which the holder receives as cash), so with μ = r the stock earns the riskless rate.
public struct GeometricBrownianMotion: PriceProcess, Hashable, Codable {
    /// μ, expected total return per year (fraction).
    public var drift: Double
    /// σ, the realized volatility, annualised fraction.
    public var volatility: Double
    /// q, continuous dividend yield per year (fraction).
    public var dividendYield: Double

    // The step constants for the last dt seen: the inner loop costs one normal and one exp.
    private var cachedDt: Double = .nan
    private var cachedStep = Step(drift: 0, diffusion: 0)

    public init(drift: Double, volatility: Double, dividendYield: Double = 0) {
        self.drift = drift
        self.volatility = volatility
        self.dividendYield = dividendYield
    }

    public var instantaneousVolatility: Double { volatility }

    @inlinable
    public mutating func advance(spot: Double, dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        let z = rng.nextNormal()
        return spot * exp(logIncrement(dt: dt, normal: z))
    }

    /// The log-return over `dt` for the standard normal draw `normal`.
    @usableFromInline
    mutating func logIncrement(dt: Double, normal: Double) -> Double {
        if dt != cachedDt {
            cachedDt = dt
            cachedStep = step(dt: dt)
        }
        return cachedStep.logIncrement(normal: normal)
    }

    /// What a step of `dt` years needs that does not depend on the spot. A caller that steps
    /// many times with one dt (the session) keeps it, and then `Step.advance` moves the spot
    /// exactly as `advance(spot:dt:using:)` does, to the last bit.
    public func step(dt: Double) -> Step {
        Step(drift: (drift - dividendYield - 0.5 * volatility * volatility) * dt, diffusion: volatility * dt.squareRoot())
    }

    /// The constants of one step of a fixed length.
    public struct Step: Sendable, Hashable {
        /// (μ − q − σ²/2)·dt.
        public var drift: Double
        /// σ·√dt.
        public var diffusion: Double

        @inlinable
        public func logIncrement(normal: Double) -> Double { drift + diffusion * normal }

        /// The spot after one step from `spot`, drawing one normal from `rng`.
        @inlinable
        public func advance(spot: Double, using rng: inout Xoshiro256StarStar) -> Double {
            spot * exp(logIncrement(normal: rng.nextNormal()))
        }
    }

    private enum CodingKeys: String, CodingKey { case drift, volatility, dividendYield }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.drift == rhs.drift && lhs.volatility == rhs.volatility && lhs.dividendYield == rhs.dividendYield
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(drift)
        hasher.combine(volatility)
        hasher.combine(dividendYield)
    }
}
