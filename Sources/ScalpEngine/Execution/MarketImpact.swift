/// Temporary market impact by the square-root law: a market order for Q shares pays, per
/// share over the touch, η·σ_day·S·√(Q/ADV), with σ_day = σ·√(1/D) the vol of one day of the
/// session's clock (D = 365 calendar days or 252 trading days a year) and ADV the volume of
/// such a day in shares. The order's total impact cost
/// is therefore η·σ_day·S·Q^{3/2}/√ADV: four times the size costs eight times as much.
///
/// Read as a book, the law is a depth profile: walking it, the q-th share costs
/// 1.5·η·σ_day·S·√(q/ADV) over the touch (the derivative of the total), so the shares within
/// a distance w of the touch are ADV·(w / (1.5·η·σ_day·S))² (`depth(within:mid:volatility:)`).
/// A displayed size D at the touch (`touch_size`) puts D shares at the touch price itself in
/// front of that book: an order of Q ≤ D pays no impact, a larger one pays the law's total on
/// its Q − D beyond the touch, η·σ_day·S·(Q − D)^{3/2}/√ADV. D = 0 is the law as stated.
public struct MarketImpact: Sendable, Hashable {
    /// η, dimensionless (0 = no impact).
    public var coefficient: Double
    /// ADV, shares a day (0 = no impact).
    public var dailyVolume: Double
    /// Shares displayed at the touch, taken without impact (0 = none).
    public var touchSize: Double
    /// D, days a year on the session's clock.
    public var daysPerYear: Double

    public init(coefficient: Double, dailyVolume: Double, touchSize: Double = 0,
                daysPerYear: Double = DayCount.calendarDaysPerYear) {
        (self.coefficient, self.dailyVolume, self.touchSize, self.daysPerYear) = (coefficient, dailyVolume, touchSize, daysPerYear)
    }

    /// Whether orders move the price at all.
    public var isOn: Bool { coefficient > 0 && dailyVolume > 0 }

    /// Impact per share, currency, of a market order of `shares` (either sign) at `mid`
    /// with the process at vol `volatility` (annualised).
    public func perShare(shares: Double, mid: Double, volatility: Double) -> Double {
        guard isOn else { return 0 }
        let dailyVol = volatility / daysPerYear.squareRoot()
        guard touchSize > 0 else { return coefficient * dailyVol * mid * (abs(shares) / dailyVolume).squareRoot() }
        let size = abs(shares), beyond = size - touchSize
        guard beyond > 0 else { return 0 }
        return coefficient * dailyVol * mid * (beyond / dailyVolume).squareRoot() * beyond / size
    }

    /// Shares the square-root book holds within `width` (currency) beyond the touch, at `mid`
    /// and vol `volatility`: ADV·(w / (1.5·η·σ_day·S))²; infinite when there is no impact.
    public func depth(within width: Double, mid: Double, volatility: Double) -> Double {
        guard isOn else { return .infinity }
        let marginal = 1.5 * coefficient * volatility / daysPerYear.squareRoot() * mid
        guard marginal > 0 else { return .infinity }
        return dailyVolume * (width / marginal) * (width / marginal)
    }
}
