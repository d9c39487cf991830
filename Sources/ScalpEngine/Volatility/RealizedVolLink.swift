import Foundation

/// The realized-vol link: the market reprices vol as it is realized. Each step the ATM implied
/// vol relaxes toward the EWMA realized vol plus a risk premium,
///
/// σ_ATM ← σ_ATM + (1 − e^{−k·dt})·(σ_EWMA + premium − σ_ATM),
///
/// at rate k per year (`follow_realized`; 1/k is the time the gap takes to shrink by e), the
/// EWMA over the session's `ewma_half_life`. After a vol spike a long-gamma book then earns on
/// vega as well as on gamma.
public struct RealizedVolLink: Sendable, Hashable, Codable {
    /// k, per year (≥ 0).
    public var rate: Double
    /// Vol implied trades above realized, annualised fraction (may be negative).
    public var premium: Double

    public init(rate: Double, premium: Double = 0) {
        self.rate = rate
        self.premium = premium
    }

    /// The ATM vol after relaxing from `atmVol` toward `realized` + premium over `dt` years.
    public func relax(atmVol: Double, realized: Double, dt: Double) -> Double {
        atmVol - expm1(-rate * dt) * (realized + premium - atmVol)
    }
}
