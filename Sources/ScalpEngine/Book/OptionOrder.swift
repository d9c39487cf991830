/// An order to buy or sell options, as the option ticket sends it.
public struct OptionOrder: Sendable, Hashable, Codable {
    public var kind: OptionKind
    /// Strike, currency (> 0).
    public var strike: Double
    /// Expiry as a session time in years (after the time the order is placed).
    public var expiry: Double
    /// Contracts, signed: positive buys, negative sells.
    public var quantity: Double
    /// Units of the underlying per contract.
    public var multiplier: Double

    public init(kind: OptionKind, strike: Double, expiry: Double, quantity: Double, multiplier: Double) {
        self.kind = kind
        self.strike = strike
        self.expiry = expiry
        self.quantity = quantity
        self.multiplier = multiplier
    }

    /// Whether the order can be filled at session time `time`.
    public func isValid(at time: Double) -> Bool {
        strike.isFinite && strike > 0 && expiry.isFinite && expiry > time + OptionBook.timeTolerance
            && quantity.isFinite && quantity != 0 && multiplier.isFinite && multiplier > 0
    }
}
