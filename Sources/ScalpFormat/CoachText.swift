import ScalpEngine

/// The coach's one line: what the best rule so far would do now, and why, in its own terms.
/// "band:300 would not trade: your delta +180 is inside its ±300, and hedging it would cost 1.50".
public enum CoachText {
    /// The advice as one sentence, without a full stop.
    public static func sentence(_ advice: CoachAdvice) -> String {
        let rule = advice.rule.description
        let delta = "your delta \(shares(advice.netDelta, sign: true))"
        let cost = Format.number(advice.cost, 2)
        let holding = "; hedging now would cost \(cost)"
        let trade = "\(rule) would \(advice.shares > 0 ? "buy" : "sell") \(shares(abs(advice.shares)))"
        let destination = advice.target.map { $0 == 0 ? "to 0" : "to \(shares($0, sign: true))" } ?? ""
        if advice.target != nil, !advice.trades {
            return "\(rule) would not trade: \(delta) is already at its target, within a lot"
        }
        switch advice.reason {
        case .neverHedges:
            return "\(rule) would not trade: it never rehedges" + holding
        case .schedule(let interval, let next):
            if advice.trades {
                let when = interval == 1 ? "it hedges \(destination) every step" : "step \(advice.step) is one of its every \(interval), \(destination)"
                return "\(trade): \(when), for \(cost)"
            }
            return "\(rule) would not trade: its next hedge is at step \(next) (now \(advice.step))" + holding
        case .band(let halfWidth, _):
            let band = advice.rule.needsGamma ? "its band ±\(shares(halfWidth)) at this gamma" : "its ±\(shares(halfWidth))"
            if advice.trades { return "\(trade): \(delta) is outside \(band), \(destination), for \(cost)" }
            return "\(rule) would not trade: \(delta) is inside \(band)" + holding
        case .priceMove(let move, let fraction):
            let moved = "the price moved \(Format.number(move * 100, 2, sign: true))% since your last hedge"
            if advice.trades { return "\(trade): \(moved), past its \(Format.trimmed(fraction * 100))%, for \(cost)" }
            return "\(rule) would not trade: \(moved), within its \(Format.trimmed(fraction * 100))%" + holding
        case .ladder(let sell, let buy):
            func order(_ side: String, _ order: CoachAdvice.RestingOrder?) -> String? {
                order.map { "a \(side) of \(shares(abs($0.shares))) at \(Format.number($0.price, 2))"
                    + ($0.fees == 0 ? "" : " (fees \(Format.number($0.fees, 2)))") }
            }
            let orders = [order("sell", sell), order("buy", buy)].compactMap { $0 }
            guard !orders.isEmpty else { return "\(rule) would rest no orders: a ladder scalps long gamma only" }
            return "\(rule) would not trade at the close: it rests " + orders.joined(separator: " and ") + ", paying no spread"
        }
    }

    /// Shares: whole from 10 up, else as `Format.shares` (a coin's fractions).
    static func shares(_ value: Double, sign: Bool = false) -> String {
        abs(value) >= 10 ? Format.number(value.rounded(), 0, sign: sign) : Format.shares(value, sign: sign)
    }
}
