import Foundation

/// The mean and variance of the spot's next move under the process's own (true) model, given
/// its state now: what a decision to hold delta over the step could expect, before the draw.
public struct StepMoments: Sendable, Hashable {
    /// E[ΔS], currency per share.
    public var mean: Double
    /// Var[ΔS], currency² per share².
    public var variance: Double
}

extension MarketProcess {
    /// E and Var of S(t + dt) − S(t) from `spot`, over `dt` years, under this process as it
    /// stands now: σ²S²dt-type variance for GBM, the current variance vₜ for Heston, the
    /// current regime's volatility for regime switching, and the jumps' variance added for
    /// Merton. Exact for GBM's lognormal step; a first-order (in dt) variance otherwise.
    public func stepMoments(spot: Double, dt: Double) -> StepMoments {
        func lognormal(growth: Double, variance v: Double) -> StepMoments {
            let mean = spot * (exp(growth * dt) - 1)
            let second = spot * spot * exp(2 * growth * dt) * (exp(v * dt) - 1)
            return StepMoments(mean: mean, variance: second)
        }
        switch self {
        case .geometricBrownian(let p):
            return lognormal(growth: p.drift - p.dividendYield, variance: p.volatility * p.volatility)
        case .heston(let p):
            return lognormal(growth: p.drift - p.dividendYield, variance: max(p.variance, 0))
        case .regimeSwitching(let p):
            let vol = p.instantaneousVolatility
            return lognormal(growth: p.drift - p.dividendYield, variance: vol * vol)
        case .mertonJumpDiffusion(let p):
            // E[(e^Y − 1)²] per jump, Y ~ N(m, s²).
            let m = p.jumpMean, s2 = p.jumpStdev * p.jumpStdev
            let jumpSquare = exp(2 * m + 2 * s2) - 2 * exp(m + 0.5 * s2) + 1
            let diffusion = p.volatility * p.volatility
            return lognormal(growth: p.drift - p.dividendYield, variance: diffusion + p.jumpIntensity * jumpSquare)
        case .historical(let p):
            // A replayed history has no model: no drift, its trailing realized vol.
            let vol = p.instantaneousVolatility
            return StepMoments(mean: 0, variance: spot * spot * vol * vol * dt)
        }
    }
}
