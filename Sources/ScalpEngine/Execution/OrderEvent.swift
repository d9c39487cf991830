/// Something that happened to a resting limit order: placed, filled or cancelled (by hand, by
/// the ladder relaying, or at the end). Sessions note them only in full detail, so the Monte
/// Carlo never pays for them; the live screen journals them and replay checks them.
public struct OrderEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        case order, fill, cancel
    }

    public var kind: Kind
    /// Session step when it happened (a fill: the step in which the path reached the price).
    public var step: Int
    /// Session time then, years.
    public var time: Double
    /// The order as it was placed (id, signed shares, limit price, ladder or manual, mid then).
    public var order: LimitOrder

    public init(kind: Kind, step: Int, time: Double, order: LimitOrder) {
        (self.kind, self.step, self.time, self.order) = (kind, step, time, order)
    }
}
