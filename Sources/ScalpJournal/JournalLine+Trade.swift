import ScalpEngine
import ScalpFormat

/// The `trade` line: `step`, `qty` (signed shares), `price`, `cost`, `reason`; and for an order
/// sent before the step it filled in (a resting limit, a market order in flight), `sent_step`
/// and `mid`, the mid then. Lines without them (every plain fill, and journals from before
/// they existed) read as filled when sent.
extension Trade {
    var journalFields: [(String, JSONText)] {
        var fields: [(String, JSONText)] = [("step", .integer(step)), ("qty", .number(quantity)), ("price", .number(price)),
                                            ("cost", .number(cost)), ("reason", .string(reason.rawValue))]
        if let sentStep { fields += [("sent_step", .integer(sentStep)), ("mid", .number(midWhenSent))] }
        return fields
    }
}

struct TradeLine: Decodable {
    var trade: Trade

    enum CodingKeys: String, CodingKey { case step, t, qty, price, cost, reason, sentStep = "sent_step", mid }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trade = Trade(time: try c.decode(Double.self, forKey: .t), step: try c.step(.step),
                      quantity: try c.decode(Double.self, forKey: .qty), price: try c.decode(Double.self, forKey: .price),
                      cost: try c.decode(Double.self, forKey: .cost),
                      reason: try c.choice(.reason, TradeReason.self, line: "trade"))
        if c.contains(.sentStep) {
            trade.sentStep = try c.step(.sentStep)
            trade.midWhenSent = try c.decode(Double.self, forKey: .mid)
        }
    }
}
