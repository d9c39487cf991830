import Foundation

/// Black-Scholes-Merton pricing of European calls and puts with a continuous dividend yield.
///
/// Units throughout: spot and strike in currency, `volatility` annualised as a fraction
/// (0.20 = 20%), `timeToExpiry` in years, `rate` and `dividendYield` continuously
/// compounded per year as fractions.
///
/// Edges are handled explicitly so finite valid input never gives NaN or infinity:
/// at expiry (τ ≤ 0) the value is intrinsic and delta is 0 or ±1 by moneyness (½ exactly
/// at the money); with zero total variance (σ√τ = 0) the value is the discounted forward
/// intrinsic and gamma and vega are 0.
public enum BlackScholes {
    /// Price and all Greeks in raw units (see `OptionGreeks`).
    public static func greeks(kind: OptionKind, spot: Double, strike: Double, volatility: Double,
                              timeToExpiry tau: Double, rate: Double = 0, dividendYield: Double = 0) -> OptionGreeks {
        let w = kind.sign
        if tau <= 0 {
            let intrinsic = max(w * (spot - strike), 0)
            let delta: Double = spot == strike ? 0.5 * w : (intrinsic > 0 ? w : 0)
            return OptionGreeks(price: intrinsic, delta: delta, gamma: 0, vega: 0, theta: 0, rho: 0)
        }
        let dq = exp(-dividendYield * tau)
        let dr = exp(-rate * tau)
        let sqrtTau = tau.squareRoot()
        let v = volatility * sqrtTau
        if !(v > 0) {
            // Deterministic limit: the option is worth its discounted forward intrinsic value.
            let forwardMoney = w * (spot * dq - strike * dr)
            if forwardMoney > 0 {
                return OptionGreeks(price: forwardMoney, delta: w * dq, gamma: 0, vega: 0,
                                    theta: w * (dividendYield * spot * dq - rate * strike * dr),
                                    rho: w * strike * tau * dr)
            }
            return OptionGreeks(price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0)
        }
        let d1 = (log(spot / strike) + (rate - dividendYield) * tau) / v + 0.5 * v
        let d2 = d1 - v
        let nd1 = NormalDistribution.cdf(w * d1)
        let nd2 = NormalDistribution.cdf(w * d2)
        let pdf1 = NormalDistribution.pdf(d1)
        let spotDisc = spot * dq
        let strikeDisc = strike * dr
        let price = max(w * (spotDisc * nd1 - strikeDisc * nd2), 0)
        let delta = w * dq * nd1
        let gamma = dq * pdf1 / (spot * v)
        let vega = spotDisc * pdf1 * sqrtTau
        let theta = -spotDisc * pdf1 * volatility / (2 * sqrtTau)
            - w * rate * strikeDisc * nd2 + w * dividendYield * spotDisc * nd1
        let rho = w * strike * tau * dr * nd2
        return OptionGreeks(price: price, delta: delta, gamma: gamma, vega: vega, theta: theta, rho: rho)
    }

    /// Price only, in currency per unit of underlying.
    @inlinable
    public static func price(kind: OptionKind, spot: Double, strike: Double, volatility: Double,
                             timeToExpiry tau: Double, rate: Double = 0, dividendYield: Double = 0) -> Double {
        greeks(kind: kind, spot: spot, strike: strike, volatility: volatility,
               timeToExpiry: tau, rate: rate, dividendYield: dividendYield).price
    }

    /// Delta only: the hedge ratio in underlying units per option unit. This is the one
    /// Greek the hedger needs every step, so it skips the rest of the work.
    @inlinable
    public static func delta(kind: OptionKind, spot: Double, strike: Double, volatility: Double,
                             timeToExpiry tau: Double, rate: Double = 0, dividendYield: Double = 0) -> Double {
        let w = kind.sign
        if tau <= 0 {
            if spot == strike { return 0.5 * w }
            return w * (spot - strike) > 0 ? w : 0
        }
        // e^{−q·τ} is exactly 1 without dividends: skip the exp on the hedger's common path.
        let dq = dividendYield == 0 ? 1 : exp(-dividendYield * tau)
        let v = volatility * tau.squareRoot()
        if !(v > 0) {
            return w * (spot * dq - strike * exp(-rate * tau)) > 0 ? w * dq : 0
        }
        let d1 = (log(spot / strike) + (rate - dividendYield) * tau) / v + 0.5 * v
        return w * dq * NormalDistribution.cdf(w * d1)
    }

    /// Gamma only, per currency of spot: what the Whalley-Wilmott hedger needs every step.
    /// The same number as `greeks(...).gamma`, bit for bit, without the price and the
    /// other Greeks (two normal CDFs and two discount factors fewer).
    @inlinable
    public static func gamma(spot: Double, strike: Double, volatility: Double,
                             timeToExpiry tau: Double, rate: Double = 0, dividendYield: Double = 0) -> Double {
        if tau <= 0 { return 0 }
        let dq = dividendYield == 0 ? 1 : exp(-dividendYield * tau)
        let v = volatility * tau.squareRoot()
        if !(v > 0) { return 0 }
        let d1 = (log(spot / strike) + (rate - dividendYield) * tau) / v + 0.5 * v
        return dq * NormalDistribution.pdf(d1) / (spot * v)
    }

    /// Bounds a European premium must lie strictly between for a finite positive
    /// volatility to exist: (discounted forward intrinsic, discounted upper bound).
    public static func noArbitrageBounds(kind: OptionKind, spot: Double, strike: Double, timeToExpiry tau: Double,
                                         rate: Double = 0, dividendYield: Double = 0) -> (lower: Double, upper: Double) {
        let spotDisc = spot * exp(-dividendYield * tau)
        let strikeDisc = strike * exp(-rate * tau)
        switch kind {
        case .call: return (max(spotDisc - strikeDisc, 0), spotDisc)
        case .put: return (max(strikeDisc - spotDisc, 0), strikeDisc)
        }
    }
}
