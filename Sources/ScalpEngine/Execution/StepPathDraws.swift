/// What the execution layer saw of one step's path between its two closes: the bridge's high
/// (drawn when sell limits rested), the uniform that decided the buy limits (and whether it
/// was read against the low's law given that high), and the lowest and highest log prices
/// anything filled at inside the step. The session's bar for the step completes these draws
/// rather than drawing afresh, so the high and low it shows are the ones the fills saw.
struct StepPathDraws: Sendable, Hashable {
    /// ln S of the step's high, when sell limits rested and it was drawn.
    var high: Double?
    /// The uniform in (0, 1) the buy limits were decided with, when buys rested.
    var lowUniform: Double?
    /// True when `lowUniform` is a quantile of the low's law given `high`; false when of the
    /// low's own law.
    var lowGivenHigh = false
    /// The extreme log prices filled at inside the step (limit prices, latency arrivals).
    var lowestFill = Double.infinity
    var highestFill = -Double.infinity

    /// Takes in a fill at ln S = `logPrice`.
    mutating func filled(at logPrice: Double) {
        lowestFill = min(lowestFill, logPrice)
        highestFill = max(highestFill, logPrice)
    }
}
