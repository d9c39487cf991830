/// A price and its sensitivities, as exact derivatives in raw units.
///
/// Raw units: `delta` in underlying units per option unit, `gamma` per currency of spot,
/// `vega` per 1.00 of volatility (a move from 0.20 to 1.20), `theta` = ∂V/∂t per year of
/// calendar time passing (negative for a long option in normal cases), `rho` per 1.00 of rate.
/// The trader's units are derived: `thetaPerDay`, `vegaPerVolPoint`, `rhoPerPoint`.
public struct OptionGreeks: Sendable, Hashable, Codable {
    public var price: Double
    public var delta: Double
    public var gamma: Double
    public var vega: Double
    public var theta: Double
    public var rho: Double

    public init(price: Double, delta: Double, gamma: Double, vega: Double, theta: Double, rho: Double) {
        self.price = price
        self.delta = delta
        self.gamma = gamma
        self.vega = vega
        self.theta = theta
        self.rho = rho
    }

    public static let zero = OptionGreeks(price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0)

    /// Theta per calendar day, in currency.
    public var thetaPerDay: Double { theta / DayCount.calendarDaysPerYear }

    /// Theta per day of `clock`, in currency: per trading day on a trading-day clock.
    public func thetaPerDay(on clock: DayCount) -> Double { theta / clock.daysPerYear }
    /// Vega per one volatility point (0.01), in currency.
    public var vegaPerVolPoint: Double { vega / 100 }
    /// Rho per one rate point (0.01), in currency.
    public var rhoPerPoint: Double { rho / 100 }

    /// The Greeks of `quantity` of these options (a position's contribution to the book).
    @inlinable
    public func scaled(by quantity: Double) -> OptionGreeks {
        OptionGreeks(price: price * quantity, delta: delta * quantity, gamma: gamma * quantity,
                     vega: vega * quantity, theta: theta * quantity, rho: rho * quantity)
    }

    @inlinable
    public static func + (lhs: OptionGreeks, rhs: OptionGreeks) -> OptionGreeks {
        OptionGreeks(price: lhs.price + rhs.price, delta: lhs.delta + rhs.delta, gamma: lhs.gamma + rhs.gamma,
                     vega: lhs.vega + rhs.vega, theta: lhs.theta + rhs.theta, rho: lhs.rho + rhs.rho)
    }

    @inlinable
    public static func += (lhs: inout OptionGreeks, rhs: OptionGreeks) { lhs = lhs + rhs }
}
