import ScalpEngine
import ScalpFormat

/// The `limit` line: `step`, `limit` (`net_delta` or `loss`), `event` (`breach` or `clear`),
/// `value` (net delta in shares, or the loss in currency) and `max` (the limit).
extension LimitEvent {
    var journalFields: [(String, JSONText)] {
        [("step", .integer(step)), ("limit", .string(limit.rawValue)), ("event", .string(change.rawValue)),
         ("value", .number(value)), ("max", .number(maximum))]
    }
}

struct LimitLine: Decodable {
    var limit: LimitEvent

    enum CodingKeys: String, CodingKey { case step, t, limit, event, value, max }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        limit = LimitEvent(step: try c.step(.step), time: try c.decode(Double.self, forKey: .t),
                           limit: try c.choice(.limit, LimitEvent.Limit.self, line: "limit"),
                           change: try c.choice(.event, LimitEvent.Change.self, line: "limit"),
                           value: try c.number(.value), maximum: try c.decode(Double.self, forKey: .max))
    }
}
