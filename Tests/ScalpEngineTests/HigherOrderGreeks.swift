import Foundation
@testable import ScalpEngine

/// Closed-form Black-Scholes vanna, volga and speed per unit of underlying, the small-move
/// limits the attribution's revalued buckets are checked against:
/// vanna = ∂²V/∂S∂σ = −e^{−qτ}·φ(d1)·d2/σ, volga = ∂²V/∂σ² = vega·d1·d2/σ,
/// speed = ∂³V/∂S³ = −Γ/S·(d1/(σ√τ) + 1).
struct HigherOrderGreeks {
    var vanna: Double
    var volga: Double
    var speed: Double

    init(spot: Double, strike: Double, volatility: Double, timeToExpiry tau: Double, rate: Double, dividendYield: Double) {
        let sqrtTau = tau.squareRoot()
        let v = volatility * sqrtTau
        let dq = exp(-dividendYield * tau)
        let d1 = (log(spot / strike) + (rate - dividendYield) * tau) / v + 0.5 * v
        let d2 = d1 - v
        let pdf1 = NormalDistribution.pdf(d1)
        let vega = spot * dq * pdf1 * sqrtTau
        let gamma = dq * pdf1 / (spot * v)
        vanna = -dq * pdf1 * d2 / volatility
        volga = vega * d1 * d2 / volatility
        speed = -gamma / spot * (d1 / v + 1)
    }
}
