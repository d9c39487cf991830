import Foundation

/// An Ornstein-Uhlenbeck walk of the at-the-money implied vol σ_IV, stepped exactly:
///
/// σ_IV(t+dt) = L + (σ_IV(t) − L)·e^{−κ·dt} + η·√((1 − e^{−2κ·dt}) / (2κ))·Z,
///
/// with κ the speed of mean reversion per year, L the long-run level and η the vol of vol
/// (vol points per √year: 0.2 moves implied about 1 point a day). For κ = 0 it is a plain
/// random walk, η·√dt·Z a step. The mean after t years is L + (σ₀ − L)·e^{−κt} and the
/// long-run standard deviation η/√(2κ). One normal per step.
public struct MeanRevertingImpliedVol: Sendable, Hashable, Codable {
    /// κ, speed of mean reversion per year (≥ 0; the half-life is ln 2/κ years).
    public var speed: Double
    /// L, the level implied vol reverts to, annualised fraction.
    public var longRun: Double
    /// η, the vol of implied vol, in vol (as a fraction) per √year.
    public var volOfVol: Double

    /// e^{−κ·dt} and η·√((1 − e^{−2κ·dt}) / (2κ)) for the last dt seen.
    private var cache = StepCache(constants: (decay: 1.0, shock: 0.0))

    public init(speed: Double, longRun: Double, volOfVol: Double) {
        self.speed = speed
        self.longRun = longRun
        self.volOfVol = volOfVol
    }

    /// The ATM implied vol `dt` years after `atmVol`, before any floor.
    public mutating func advance(atmVol: Double, dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        if dt != cache.step {
            cache.step = dt
            // (1 − e^{−2κdt}) / (2κ), which tends to dt as κ → 0.
            let variance = speed > 0 ? -expm1(-2 * speed * dt) / (2 * speed) : dt
            cache.constants = (decay: exp(-speed * dt), shock: volOfVol * variance.squareRoot())
        }
        return longRun + (atmVol - longRun) * cache.constants.decay + cache.constants.shock * rng.nextNormal()
    }

    /// E[σ_IV(t)] given σ_IV(0) = `atmVol`, ignoring the floor.
    public func expectedVol(after t: Double, from atmVol: Double) -> Double {
        longRun + (atmVol - longRun) * exp(-speed * t)
    }

    /// Standard deviation of σ_IV(t) given σ_IV(0), ignoring the floor.
    public func volStandardDeviation(after t: Double) -> Double {
        volOfVol * (speed > 0 ? -expm1(-2 * speed * t) / (2 * speed) : t).squareRoot()
    }

    private enum CodingKeys: String, CodingKey { case speed, longRun, volOfVol }
}
