/// One line of the option book: a quantity of European options on the underlying.
public struct OptionPosition: Sendable, Hashable, Codable {
    public var kind: OptionKind
    /// Strike, in currency.
    public var strike: Double
    /// Expiry as a session time, in years from the session's start.
    public var expiry: Double
    /// Contracts held, signed: negative is short.
    public var quantity: Double
    /// Units of the underlying per contract (100 for listed equity options, 1 for a unit option).
    public var multiplier: Double
    /// The implied volatility the position is marked and (by default) hedged at, annualised fraction.
    public var impliedVol: Double
    /// True once the option has expired and been settled into cash.
    public var isSettled: Bool

    public init(kind: OptionKind, strike: Double, expiry: Double, quantity: Double,
                multiplier: Double = 1, impliedVol: Double, isSettled: Bool = false) {
        self.kind = kind
        self.strike = strike
        self.expiry = expiry
        self.quantity = quantity
        self.multiplier = multiplier
        self.impliedVol = impliedVol
        self.isSettled = isSettled
    }

    /// Units of the underlying the position controls, signed.
    @inlinable
    public var units: Double { quantity * multiplier }

    /// Years left at session time `time`, never negative.
    @inlinable
    public func timeToExpiry(at time: Double) -> Double { max(expiry - time, 0) }

    /// Greeks of one unit (one share's worth) of this option.
    public func unitGreeks(spot: Double, time: Double, rate: Double, dividendYield: Double,
                           volatility: Double? = nil) -> OptionGreeks {
        BlackScholes.greeks(kind: kind, spot: spot, strike: strike, volatility: volatility ?? impliedVol,
                            timeToExpiry: timeToExpiry(at: time), rate: rate, dividendYield: dividendYield)
    }

    /// The position's Greeks (unit Greeks times `units`); zero once settled.
    public func greeks(spot: Double, time: Double, rate: Double, dividendYield: Double) -> OptionGreeks {
        if isSettled { return .zero }
        return unitGreeks(spot: spot, time: time, rate: rate, dividendYield: dividendYield).scaled(by: units)
    }

    /// The value paid into cash when the position settles at spot `spot`: intrinsic times units.
    @inlinable
    public func settlementValue(spot: Double) -> Double {
        max(kind.sign * (spot - strike), 0) * units
    }
}
