import ScalpEngine
import ScalpFormat

/// The `order`, `fill` and `cancel` lines (the line's type is the event's kind): `step`, `id`,
/// `qty` (signed shares), `price` (the limit), `ladder` (laid by the ladder rule) and `mid`
/// (the mid when the order was placed, from which a fill's slippage is measured).
extension OrderEvent {
    var journalFields: [(String, JSONText)] {
        [("step", .integer(step)), ("id", .integer(order.id)), ("qty", .number(order.shares)),
         ("price", .number(order.price)), ("ladder", .bool(order.isLadder)), ("placed_step", .integer(order.placedStep)),
         ("mid", .number(order.midWhenPlaced))]
    }
}

struct OrderLine: Decodable {
    var event: OrderEvent

    enum CodingKeys: String, CodingKey { case type, step, t, id, qty, price, ladder, placed_step, mid }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let order = LimitOrder(id: try c.decode(Int.self, forKey: .id), shares: try c.decode(Double.self, forKey: .qty),
                               price: try c.decode(Double.self, forKey: .price), placedStep: try c.step(.placed_step),
                               isLadder: try c.decode(Bool.self, forKey: .ladder), midWhenPlaced: try c.number(.mid))
        event = OrderEvent(kind: try c.choice(.type, OrderEvent.Kind.self, line: "order"), step: try c.step(.step),
                           time: try c.decode(Double.self, forKey: .t), order: order)
    }
}
