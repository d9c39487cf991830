/// What an option order costs against a session as it stands: the price the engine fills it
/// at, and what the spread takes. The option ticket shows it before sending; the session
/// fills with the very same numbers.
public struct OptionQuote: Sendable, Hashable {
    /// The strike's implied vol now, annualised fraction: what the option is marked at.
    public var impliedVol: Double
    /// The vol the order fills at: the implied vol plus (buying) or minus (selling) the
    /// option half-spread, floored at 0.
    public var fillVol: Double
    /// Model value per share at the implied vol, currency.
    public var markPrice: Double
    /// Fill per share, currency: the model value at the fill vol.
    public var fillPrice: Double
    /// Shares the order adds to the book (quantity × multiplier, signed).
    public var units: Double
    /// The option's delta per share at the implied vol.
    public var unitDelta: Double

    /// Cash paid (positive) or received (negative), currency.
    public var premium: Double { units * fillPrice }
    /// What the spread costs, currency (≥ 0): the premium beyond the model value.
    public var spreadCost: Double { abs(units * (fillPrice - markPrice)) }
    /// The change of the book's net delta, shares.
    public var deltaChange: Double { units * unitDelta }
}

extension Session {
    /// Prices `order` as `apply(.tradeOption(order))` would fill it now: at the strike's
    /// implied vol (`impliedVol(forStrike:expiry:)`) ± the option half-spread in vol.
    public func quote(_ order: OptionOrder) -> OptionQuote {
        let vol = impliedVol(forStrike: order.strike, expiry: order.expiry)
        let units = order.quantity * order.multiplier
        let tau = max(order.expiry - time, 0)
        let fillVol = max(vol + (units > 0 ? 1 : -1) * config.costs.optionHalfSpreadVol, 0)
        func price(_ volatility: Double) -> Double {
            BlackScholes.price(kind: order.kind, spot: spot, strike: order.strike, volatility: volatility,
                               timeToExpiry: tau, rate: config.rate, dividendYield: config.dividendYield)
        }
        let delta = BlackScholes.delta(kind: order.kind, spot: spot, strike: order.strike, volatility: vol,
                                       timeToExpiry: tau, rate: config.rate, dividendYield: config.dividendYield)
        return OptionQuote(impliedVol: vol, fillVol: fillVol, markPrice: price(vol), fillPrice: price(fillVol),
                           units: units, unitDelta: delta)
    }
}
