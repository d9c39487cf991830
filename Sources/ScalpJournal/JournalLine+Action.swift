import ScalpEngine
import ScalpFormat

/// The `action` line: `step`, `action` (its journal name) and the action's parameters.
/// Replay re-applies these; the names and parameters are read and written only here.
extension RecordedAction {
    var journalFields: [(String, JSONText)] {
        [("step", .integer(step)), ("action", .string(action.journalName))] + action.journalParameters
    }
}

extension SessionAction {
    /// The journal's name for the action.
    public var journalName: String {
        switch self {
        case .tick: "tick"
        case .trade: "trade"
        case .buyLot: "buy_lot"
        case .sellLot: "sell_lot"
        case .hedgeNow: "hedge_now"
        case .setAutoHedge: "set_auto_hedge"
        case .toggleAutoHedge: "toggle_auto_hedge"
        case .setHedgeRule: "set_hedge_rule"
        case .setLotSize: "set_lot_size"
        case .tradeOption: "trade_option"
        case .placeLimit: "place_limit"
        case .cancelOrders: "cancel_orders"
        case .finish: "finish"
        }
    }

    var journalParameters: [(String, JSONText)] {
        switch self {
        case .trade(let shares): [("shares", .number(shares))]
        case .setAutoHedge(let on): [("on", .bool(on))]
        case .setHedgeRule(let rule): [("rule", .string(rule.description))]
        case .setLotSize(let size): [("lot_size", .number(size))]
        case .tradeOption(let order):
            [("kind", .string(order.kind.rawValue)), ("strike", .number(order.strike)), ("expiry", .number(order.expiry)),
             ("quantity", .number(order.quantity)), ("multiplier", .number(order.multiplier))]
        case .placeLimit(let shares, let price): [("shares", .number(shares)), ("price", .number(price))]
        case .tick, .buyLot, .sellLot, .hedgeNow, .toggleAutoHedge, .cancelOrders, .finish: []
        }
    }
}

struct ActionLine: Decodable {
    var recorded: RecordedAction
    var time: Double

    enum CodingKeys: String, CodingKey {
        case step, t, action, shares, on, rule, kind, strike, expiry, quantity, multiplier, price
        case lotSize = "lot_size"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .action)
        let action: SessionAction
        switch name {
        case "tick": action = .tick
        case "trade": action = .trade(shares: try c.decode(Double.self, forKey: .shares))
        case "buy_lot": action = .buyLot
        case "sell_lot": action = .sellLot
        case "hedge_now": action = .hedgeNow
        case "set_auto_hedge": action = .setAutoHedge(try c.decode(Bool.self, forKey: .on))
        case "toggle_auto_hedge": action = .toggleAutoHedge
        case "set_hedge_rule":
            let text = try c.decode(String.self, forKey: .rule)
            do { action = .setHedgeRule(try HedgeRule.parse(text)) } catch {
                throw JournalLineError("action line: \(error.description)")
            }
        case "set_lot_size": action = .setLotSize(try c.decode(Double.self, forKey: .lotSize))
        case "trade_option":
            action = .tradeOption(OptionOrder(
                kind: try c.choice(.kind, OptionKind.self, line: "action"), strike: try c.decode(Double.self, forKey: .strike),
                expiry: try c.decode(Double.self, forKey: .expiry), quantity: try c.decode(Double.self, forKey: .quantity),
                multiplier: try c.decode(Double.self, forKey: .multiplier)))
        case "place_limit":
            let price = try c.decode(Double.self, forKey: .price)
            guard price > 0 else { throw JournalLineError("action line: limit price must be > 0, got \(price)") }
            action = .placeLimit(shares: try c.decode(Double.self, forKey: .shares), price: price)
        case "cancel_orders": action = .cancelOrders
        case "finish": action = .finish
        default: throw JournalLineError("action line: unknown action '\(name)'")
        }
        recorded = RecordedAction(step: try c.step(.step), action: action)
        time = try c.decode(Double.self, forKey: .t)
    }
}
