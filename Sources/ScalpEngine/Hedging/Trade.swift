/// Why a trade happened.
public enum TradeReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The user pressed a key.
    case manual
    /// The automatic hedge policy decided.
    case auto
    /// The stock position closed at the end of the session.
    case closeOut = "close_out"
}

/// One executed trade of the underlying.
public struct Trade: Sendable, Hashable, Codable {
    /// Session time, years.
    public var time: Double
    /// Step index at which it executed.
    public var step: Int
    /// Signed shares: positive buys, negative sells.
    public var quantity: Double
    /// Execution price (the mid; the spread is in `cost`), currency.
    public var price: Double
    /// Costs paid, currency (≥ 0).
    public var cost: Double
    public var reason: TradeReason
    /// The mid when the order was sent (a limit order: placed), currency; the price itself for
    /// a plain market order. The blotter's slippage is measured from it.
    public var midWhenSent: Double
    /// The step at which the order was sent (a limit order: placed) when that was before the
    /// step it filled in: a resting order's, or a market order's in flight (latency). Nil
    /// for an order that filled as it was sent.
    public var sentStep: Int?

    public init(time: Double, step: Int, quantity: Double, price: Double, cost: Double, reason: TradeReason,
                midWhenSent: Double? = nil, sentStep: Int? = nil) {
        self.midWhenSent = midWhenSent ?? price
        self.sentStep = sentStep
        self.time = time
        self.step = step
        self.quantity = quantity
        self.price = price
        self.cost = cost
        self.reason = reason
    }
}

extension Trade {
    /// What the fill cost per share against the mid when the order was sent, currency:
    /// the price's distance from that mid on the paying side plus the cost per share.
    /// Negative is price improvement (a limit order filled better than the mid then).
    public var slippagePerShare: Double {
        guard quantity != 0 else { return 0 }
        return (quantity > 0 ? price - midWhenSent : midWhenSent - price) + cost / abs(quantity)
    }
}
