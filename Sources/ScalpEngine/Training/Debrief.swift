import Foundation

/// The debrief's advice, from numbers the grade already has: what to do next time, read off
/// where the trainee's book sits against the best rule on the path. (Why the P&L came out as
/// it did is a line of text about the buckets: `WhyThePnL` in ScalpFormat.)
public enum Debrief {
    /// One concrete sentence: tighten (more risk than the best rule for no less cost), trade
    /// less or rest limit orders (more cost for no less risk), or keep doing what the best rule
    /// does; the best rule explained in words.
    /// `placement` is the trainee's among the family (0–1): near the top, the advice is to keep it.
    public static func nextTime(trainee: BookResult, best: BookResult, placement: Double) -> String {
        let words = HedgeRule(best.rule)?.inWords ?? best.rule
        if trainee.rule == best.rule { return "Next time: the same; \(words)." }
        if placement >= 0.9 { return "Next time: stay close to this; \(words)." }
        let (risk, bestRisk) = (trainee.utility.riskTaken, best.utility.riskTaken)
        let (costs, bestCosts) = (trainee.costs, best.costs)
        // Differences under a fifth are noise on one path, not a habit to change.
        let moreRisk = risk > 1.2 * bestRisk + 1e-9, moreCost = costs > 1.2 * bestCosts + 1e-9
        func money(_ value: Double) -> String { String(format: "%.0f", value) }
        // A delta held to one side most of the time is a bet on direction, not a hedge.
        let tilt = trainee.record.path.averageNetDelta, bestTilt = best.record.path.averageNetDelta
        if moreRisk, abs(tilt) > 0.5 * trainee.record.path.rmsNetDelta, abs(tilt) > 2 * abs(bestTilt) + 1 {
            return "Next time: hedge to zero. You sat \(money(abs(tilt))) units \(tilt < 0 ? "short" : "long") on average, "
                + "a bet on direction that the grade charges as risk; \(words)."
        }
        switch (moreRisk, moreCost) {
        case (true, false):
            return "Next time: tighten. Your open delta carried ±\(money(risk)) of risk against ±\(money(bestRisk)); "
                + "hedge back to zero sooner; \(words)."
        case (false, true):
            let fix: String
            if case .ladder? = HedgeRule(best.rule) { fix = "rest limit orders rather than pay the spread" } else { fix = "trade less" }
            return "Next time: \(fix). You paid \(money(costs)) in costs against \(money(bestCosts)); \(words)."
        case (true, true):
            return "Next time: hedge to zero when you hedge, and less often. You took ±\(money(risk)) of risk and paid "
                + "\(money(costs)) against ±\(money(bestRisk)) and \(money(bestCosts)); \(words)."
        case (false, false):
            return "Next time: stay close to this; \(words)."
        }
    }
}
