import Foundation

/// Realized vol that switches between a calm and a stressed level: a two-state
/// continuous-time Markov chain, with GBM log steps at the current state's vol.
///
/// Each step first moves the price, S(t+dt) = S(t)·exp((μ − q − σᵢ²/2)·dt + σᵢ·√dt·Z) with σᵢ
/// the vol of the state at the step's start, then moves the chain with its exact transition
/// probabilities over dt: from calm, P(stressed after dt) = a/(a+b)·(1 − e^{−(a+b)dt}); from
/// stressed, P(calm after dt) = b/(a+b)·(1 − e^{−(a+b)dt}), where a and b are the switching
/// rates per year. In the long run the chain spends the fraction b/(a+b) of its time calm
/// and a/(a+b) stressed; the mean stay in a state is 1/rate years.
///
/// The chain is independent of Z, so E[S_T] = S₀·e^{(μ−q)T} whatever the regime path.
/// Draws per step: one normal and one uniform.
public struct RegimeSwitchingVolatility: LogReturnProcess, Hashable, Codable {
    /// The two states of the chain.
    public enum Regime: String, Sendable, Hashable, Codable, CaseIterable {
        case calm, stressed
    }

    /// μ, expected total return per year (fraction).
    public var drift: Double
    /// q, continuous dividend yield per year (fraction).
    public var dividendYield: Double
    /// σ₁, realized vol in the calm state, annualised fraction.
    public var calmVolatility: Double
    /// σ₂, realized vol in the stressed state, annualised fraction.
    public var stressedVolatility: Double
    /// a, the rate of switching from calm to stressed, per year (mean calm spell 1/a years).
    public var calmToStressedRate: Double
    /// b, the rate of switching from stressed to calm, per year (mean stressed spell 1/b years).
    public var stressedToCalmRate: Double
    /// The state the process is in now (the starting state, in a configuration).
    public var regime: Regime

    // Per-step constants for the last dt seen, per state.
    private var cachedStep: Double = .nan
    private var cachedDrift = (calm: 0.0, stressed: 0.0)
    private var cachedDiffusion = (calm: 0.0, stressed: 0.0)
    private var cachedSwitch = (calm: 0.0, stressed: 0.0)

    public init(drift: Double, dividendYield: Double = 0, calmVolatility: Double, stressedVolatility: Double,
                calmToStressedRate: Double, stressedToCalmRate: Double, regime: Regime = .calm) {
        self.drift = drift
        self.dividendYield = dividendYield
        self.calmVolatility = calmVolatility
        self.stressedVolatility = stressedVolatility
        self.calmToStressedRate = calmToStressedRate
        self.stressedToCalmRate = stressedToCalmRate
        self.regime = regime
    }

    /// The long-run fraction of time spent calm, b/(a+b) (the starting state's share when neither rate is positive).
    public var stationaryCalmFraction: Double {
        let total = calmToStressedRate + stressedToCalmRate
        return total > 0 ? stressedToCalmRate / total : (regime == .calm ? 1 : 0)
    }

    /// The probability that a chain in `from` is in the other state `dt` years later.
    public func switchProbability(from: Regime, dt: Double) -> Double {
        let total = calmToStressedRate + stressedToCalmRate
        guard total > 0 else { return 0 }
        let rate = from == .calm ? calmToStressedRate : stressedToCalmRate
        return rate / total * -expm1(-total * dt)
    }

    /// The current state's vol.
    public var instantaneousVolatility: Double {
        regime == .calm ? calmVolatility : stressedVolatility
    }

    /// The log-return over `dt` at the current state's vol; then the state moves on.
    public mutating func logIncrement(dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        if dt != cachedStep {
            cachedStep = dt
            let carry = drift - dividendYield
            cachedDrift = ((carry - 0.5 * calmVolatility * calmVolatility) * dt,
                           (carry - 0.5 * stressedVolatility * stressedVolatility) * dt)
            cachedDiffusion = (calmVolatility * dt.squareRoot(), stressedVolatility * dt.squareRoot())
            cachedSwitch = (switchProbability(from: .calm, dt: dt), switchProbability(from: .stressed, dt: dt))
        }
        let z = rng.nextNormal()
        let increment: Double
        let switchProbability: Double
        switch regime {
        case .calm:
            increment = cachedDrift.calm + cachedDiffusion.calm * z
            switchProbability = cachedSwitch.calm
        case .stressed:
            increment = cachedDrift.stressed + cachedDiffusion.stressed * z
            switchProbability = cachedSwitch.stressed
        }
        if rng.nextUnit() < switchProbability {
            regime = regime == .calm ? .stressed : .calm
        }
        return increment
    }

    private enum CodingKeys: String, CodingKey {
        case drift, dividendYield, calmVolatility, stressedVolatility, calmToStressedRate, stressedToCalmRate, regime
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.drift == rhs.drift && lhs.dividendYield == rhs.dividendYield
            && lhs.calmVolatility == rhs.calmVolatility && lhs.stressedVolatility == rhs.stressedVolatility
            && lhs.calmToStressedRate == rhs.calmToStressedRate && lhs.stressedToCalmRate == rhs.stressedToCalmRate
            && lhs.regime == rhs.regime
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(drift)
        hasher.combine(dividendYield)
        hasher.combine(calmVolatility)
        hasher.combine(stressedVolatility)
        hasher.combine(calmToStressedRate)
        hasher.combine(stressedToCalmRate)
        hasher.combine(regime)
    }
}
