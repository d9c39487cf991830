import ScalpEngine

/// How far from the touch the limit keys rest an order: `B` a buy this many ticks under the
/// bid, `S` a sell this many over the ask; `<` and `>` step the distance through `distances`.
/// A market quoted without ticks (`[execution] tick = 0`) counts in basis points of the
/// starting spot, to the cent: a cent at 100, 6.00 on a 60,000 coin.
public struct OrderEntry: Sendable, Hashable {
    /// The distances `<` and `>` step through, ticks (0 rests at the touch).
    public static let distances = [0, 1, 2, 3, 5, 10, 20, 50, 100]

    /// Ticks between the touch and an order placed by key.
    public private(set) var ticks = 2

    public init() {}

    /// One distance nearer the touch (none below 0).
    mutating func closer() {
        if let next = Self.distances.last(where: { $0 < ticks }) { ticks = next }
    }

    /// One distance further from the touch.
    mutating func further() {
        if let next = Self.distances.first(where: { $0 > ticks }) { ticks = next }
    }

    /// The tick the keys count in, currency: the market's, or a basis point of the starting
    /// spot (at least a cent) where it has none.
    public static func tick(_ config: SessionConfig) -> Double {
        let tick = config.executionTerms.tick
        return tick > 0 ? tick : max((config.spot * 1e-4 * 100).rounded() / 100, 0.01)
    }

    /// The limit price for a buy (under the bid) or a sell (over the ask) `ticks` from `quote`'s touch.
    func price(buy: Bool, quote: Quote, tick: Double) -> Double {
        buy ? quote.bid - Double(ticks) * tick : quote.ask + Double(ticks) * tick
    }

    /// How many ticks `order` rests outside the touch of `quote`: under the bid for a buy,
    /// over the ask for a sell; negative once the touch has moved through it.
    public static func ticksOutside(_ order: LimitOrder, quote: Quote, tick: Double) -> Double {
        (order.isBuy ? quote.bid - order.price : order.price - quote.ask) / tick
    }
}
