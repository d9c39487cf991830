import ScalpEngine
import ScalpFormat

/// The `coach` line: the trainee asked the coach (`m`) after `step`. `rule` is the best
/// reference rule on the path then; `net_delta` the trainee's net delta as the hedger saw it
/// (shares); `trade` the shares the rule would have traded (negative sells, 0 for none);
/// `cost` that trade's cost at the quote, or, when it would not trade, hedging to zero's
/// (currency); `text` the line the screen showed.
public struct CoachNote: Sendable, Hashable {
    public var step: Int
    /// Session time, years.
    public var time: Double
    public var rule: String
    public var netDelta: Double
    public var shares: Double
    public var cost: Double
    public var text: String

    public init(step: Int, time: Double, rule: String, netDelta: Double, shares: Double, cost: Double, text: String) {
        (self.step, self.time, self.rule, self.netDelta, self.shares, self.cost, self.text)
            = (step, time, rule, netDelta, shares, cost, text)
    }

    /// The note of `advice`, with the sentence the screen shows.
    public init(_ advice: CoachAdvice) {
        self.init(step: advice.step, time: advice.time, rule: advice.rule.description, netDelta: advice.netDelta,
                  shares: advice.shares, cost: advice.cost, text: CoachText.sentence(advice))
    }

    var journalFields: [(String, JSONText)] {
        [("step", .integer(step)), ("rule", .string(rule)), ("net_delta", .number(netDelta)), ("trade", .number(shares)),
         ("cost", .number(cost)), ("text", .string(text))]
    }
}

extension CoachNote: Decodable {
    enum CodingKeys: String, CodingKey {
        case step, t, rule, trade, cost, text
        case netDelta = "net_delta"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(step: try c.step(.step), time: try c.decode(Double.self, forKey: .t), rule: try c.decode(String.self, forKey: .rule),
                  netDelta: try c.number(.netDelta), shares: try c.number(.trade), cost: try c.number(.cost),
                  text: try c.decode(String.self, forKey: .text))
    }
}
