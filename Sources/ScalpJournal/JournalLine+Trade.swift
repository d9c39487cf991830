import ScalpEngine
import ScalpFormat

/// The `trade` line: `step`, `qty` (signed shares), `price`, `cost`, `reason`.
extension Trade {
    var journalFields: [(String, JSONText)] {
        [("step", .integer(step)), ("qty", .number(quantity)), ("price", .number(price)), ("cost", .number(cost)),
         ("reason", .string(reason.rawValue))]
    }
}

struct TradeLine: Decodable {
    var trade: Trade

    enum CodingKeys: String, CodingKey { case step, t, qty, price, cost, reason }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        trade = Trade(time: try c.decode(Double.self, forKey: .t), step: try c.step(.step),
                      quantity: try c.decode(Double.self, forKey: .qty), price: try c.decode(Double.self, forKey: .price),
                      cost: try c.decode(Double.self, forKey: .cost),
                      reason: try c.choice(.reason, TradeReason.self, line: "trade"))
    }
}
