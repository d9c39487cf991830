/// Everything that can happen to a session. Keys, timer ticks, the Monte Carlo loop and a
/// replayed journal all become these; nothing else changes a session.
public enum SessionAction: Sendable, Hashable, Codable {
    /// Advance one time step: the price moves, cash accrues, options expire, the auto-hedger acts.
    case tick
    /// A manual trade of the underlying, in signed shares.
    case trade(shares: Double)
    /// Buy one lot (manual).
    case buyLot
    /// Sell one lot (manual).
    case sellLot
    /// Trade to zero net delta now, rounded to the lot size (manual).
    case hedgeNow
    case setAutoHedge(Bool)
    case toggleAutoHedge
    case setHedgeRule(HedgeRule)
    /// Shares per lot, ≥ 0 (0 = fractional).
    case setLotSize(Double)
    /// Buy or sell options at the model price plus the option half-spread (the option ticket).
    case tradeOption(OptionOrder)
    /// Rest a limit order for `shares` (signed: positive buys) at `price` (currency, > 0):
    /// it fills at that price when the path reaches it. Ignored for a price ≤ 0 or no shares.
    case placeLimit(shares: Double, price: Double)
    /// Cancel every resting limit order (the ladder's too; it lays them again at the next close).
    case cancelOrders
    /// End the session: close out the stock at the current price.
    case finish
}
