/// Temporary market impact by the square-root law: a market order for Q shares pays, per
/// share over the touch, η·σ_day·S·√(Q/ADV), with σ_day = σ·√(1/D) the vol of one day of the
/// session's clock (D = 365 calendar days or 252 trading days a year) and ADV the volume of
/// such a day in shares. The order's total impact cost
/// is therefore η·σ_day·S·Q^{3/2}/√ADV: four times the size costs eight times as much.
public struct MarketImpact: Sendable, Hashable {
    /// η, dimensionless (0 = no impact).
    public var coefficient: Double
    /// ADV, shares a day (0 = no impact).
    public var dailyVolume: Double
    /// D, days a year on the session's clock.
    public var daysPerYear: Double

    public init(coefficient: Double, dailyVolume: Double, daysPerYear: Double = OptionGreeks.daysPerYear) {
        (self.coefficient, self.dailyVolume, self.daysPerYear) = (coefficient, dailyVolume, daysPerYear)
    }

    /// Impact per share, currency, of a market order of `shares` (either sign) at `mid`
    /// with the process at vol `volatility` (annualised).
    public func perShare(shares: Double, mid: Double, volatility: Double) -> Double {
        guard coefficient > 0, dailyVolume > 0 else { return 0 }
        let dailyVol = volatility / daysPerYear.squareRoot()
        return coefficient * dailyVol * mid * (abs(shares) / dailyVolume).squareRoot()
    }
}
