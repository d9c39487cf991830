/// A resting order to buy or sell at a price: it fills, at its own price and without paying
/// the spread, when the path reaches the price within a step (see `StepRange`).
public struct LimitOrder: Sendable, Hashable, Codable {
    /// Unique within the session, in the order placed.
    public var id: Int
    /// Signed shares: positive buys, negative sells.
    public var shares: Double
    /// Limit price, currency (> 0).
    public var price: Double
    /// Step at which it was placed.
    public var placedStep: Int
    /// Laid by the ladder rule (which cancels and relays its own orders) rather than by hand.
    public var isLadder: Bool
    /// The mid when it was placed, currency: a fill's slippage is measured from it.
    public var midWhenPlaced: Double

    public init(id: Int, shares: Double, price: Double, placedStep: Int, isLadder: Bool, midWhenPlaced: Double) {
        (self.id, self.shares, self.price, self.placedStep, self.isLadder, self.midWhenPlaced)
            = (id, shares, price, placedStep, isLadder, midWhenPlaced)
    }

    public var isBuy: Bool { shares > 0 }
}

/// A market order sent but not yet at the market (latency).
public struct OrderInFlight: Sendable, Hashable {
    /// Signed shares.
    public var shares: Double
    /// Session time at which it reaches the market and fills, years.
    public var fillTime: Double
    /// The mid when it was sent, currency: the fill's slippage is measured from it.
    public var midWhenSent: Double
    /// The step at which it was sent.
    public var sentStep: Int
    public var reason: TradeReason
}
