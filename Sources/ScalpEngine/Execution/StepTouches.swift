import Foundation

/// Which resting orders the path touched during one step. Between the two closes the log
/// price is a Brownian bridge (exact for GBM whatever its drift; for jump and stochastic-vol
/// processes, the bridge of the diffusion at the step's starting vol), so a limit fills when
/// the step's high (sell) or low (buy) reaches it, not only when a close does: fill counts do
/// not depend on the step size.
///
/// The high is drawn exactly from P(high > m) = e^{−2(m−a)(m−b)/v}; the buys are then decided
/// by the low's law given that high (`BrownianBridgeRange.conditionalLowSurvival`), with one
/// uniform for all of them, so the set filled is that of one jointly drawn (high, low). With
/// only buys resting the low is drawn alone, in closed form.
enum StepTouches {
    /// Appends to `filled` the indices into `orders` (ascending) that fill in a step from
    /// ln S = `start` to `end` with variance σ²·dt = `variance`; returns the draws that decided
    /// them (for the step's bar); two uniforms from `rng`. The caller's buffer, reused step after
    /// step, spares an allocation in the Monte Carlo's inner loop.
    static func filled(_ orders: [LimitOrder], start: Double, end: Double, variance: Double,
                       using rng: inout Xoshiro256StarStar, into filled: inout [Int]) -> StepPathDraws {
        let bridge = BrownianBridgeRange(start: start, end: end, variance: variance)
        var hasSells = false, hasBuys = false
        for order in orders {
            if order.isBuy { hasBuys = true } else { hasSells = true }
        }
        let high = hasSells ? bridge.high(uniform: BrownianBridgeRange.openUnit(&rng)) : max(start, end)
        let u = hasBuys ? BrownianBridgeRange.openUnit(&rng) : 0
        let lowGivenHigh = hasSells && high > max(start, end)
        for (index, order) in orders.enumerated() {
            let level = log(order.price)
            if order.isBuy {
                if level >= min(start, end) {
                    filled.append(index)
                } else if variance > 0 {
                    // P(low ≤ level | high): the low's law given the high drawn (or alone).
                    let reached = lowGivenHigh
                        ? bridge.lowReaches(level, givenHigh: high, uniform: u)
                        : u < bridge.probabilityLowBelow(level)
                    if reached { filled.append(index) }
                }
            } else if level <= high {
                filled.append(index)
            }
        }
        let draws = StepPathDraws(high: hasSells ? high : nil, lowUniform: hasBuys ? u : nil, lowGivenHigh: lowGivenHigh)
        return draws
    }

    /// Appends to `filled` the indices into `orders` that fill in a step whose high and low
    /// (ln S) are known, as a price file's are: a sell when the high reached its price, a buy
    /// when the low did.
    static func filled(_ orders: [LimitOrder], low: Double, high: Double, into filled: inout [Int]) {
        for (index, order) in orders.enumerated() {
            let level = log(order.price)
            if order.isBuy ? level >= low : level <= high { filled.append(index) }
        }
    }
}
