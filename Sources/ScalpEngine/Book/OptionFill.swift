/// One option order filled through the option ticket: what was traded and at what price.
public struct OptionFill: Sendable, Hashable {
    /// Step index at which it filled.
    public var step: Int
    /// Session time, years.
    public var time: Double
    /// The order: kind, strike (currency), expiry (session time, years), contracts (signed:
    /// positive buys) and units of the underlying per contract.
    public var order: OptionOrder
    /// Fill price per unit of the underlying, currency: the model value at the fill vol.
    public var price: Double
    /// Cash paid (positive) or received (negative), currency: the options' value at their
    /// implied vol plus the spread (= units × `price`).
    public var premium: Double
    /// What the spread cost, currency (≥ 0): the premium beyond the model value.
    public var cost: Double

    public init(step: Int, time: Double, order: OptionOrder, quote: OptionQuote) {
        self.step = step
        self.time = time
        self.order = order
        price = quote.fillPrice
        cost = quote.spreadCost
        premium = quote.units * quote.markPrice + cost
    }
}
