import Foundation

/// Where the session is in time, and what a step of it spans: the grid step count, the
/// market's closures (a gap is one step spanning several grid steps), the financing a step
/// accrues, and the next option expiry. Times are years from the session's start.
public struct MarketClock: Sendable {
    /// Grid steps taken so far.
    public internal(set) var step = 0
    /// Years per grid step (`SessionConfig.timeStep`).
    let timeStep: Double
    /// Grid steps the next step spans and its years: 1 and `timeStep`, except over a gap.
    var stepSpan = 1
    var stepLength: Double
    /// Whether the step being taken crosses a market closure (a night or weekend gap of the
    /// equity calendar, or a price file's overnight row): no one trades in it, the realized-vol
    /// estimators skip its return, resting orders the open crosses fill at the open.
    public internal(set) var isCrossingGap = false
    /// Where the market shuts (nil: it never does), decided once.
    let gaps: MarketGaps?
    /// `gaps != nil`, kept apart so the step of a market that never shuts tests one flag.
    let marketShuts: Bool
    /// e^{r·dt} − 1: cash grows by cash × this each step.
    var interestPerStep: Double
    /// q·dt: the stock held earns this share of its value each step (0 on a perpetual).
    var dividendPerStep: Double
    /// Session time of the nearest live expiry, years (nil when every option has settled).
    var nextExpiry: Double?

    init(config: SessionConfig) {
        timeStep = config.timeStep
        stepLength = config.timeStep
        gaps = MarketGaps(config)
        marketShuts = gaps != nil
        interestPerStep = exp(config.rate * config.timeStep) - 1
        // A perpetual's holder receives no dividends.
        dividendPerStep = config.executionTerms.venue == .cryptoPerp ? 0 : config.dividendYield * config.timeStep
        nextExpiry = config.book.nextExpiry
    }

    /// Session time now, years.
    public var time: Double { Double(step) * timeStep }

    /// Whether the next step crosses a market closure.
    var gapFollows: Bool { gaps?.follow(step: step) == true }

    /// Whether an option expires by `now` (years).
    @inline(__always)
    func expires(by now: Double) -> Bool {
        if let nextExpiry, now >= nextExpiry - OptionBook.timeTolerance { return true }
        return false
    }

    /// Makes the next step the one across the closure: on the equity calendar it spans the
    /// gap's grid steps, accruing interest (at `rate`) and dividends over them. Returns the plain
    /// step's accrual constants, for `leaveGap`, and whether the step's length changed.
    mutating func enterGap(rate: Double) -> (interest: Double, dividend: Double, spans: Bool) {
        let plain = (interestPerStep, dividendPerStep)
        var spans = false
        if let calendar = gaps?.calendar {
            stepSpan = calendar.gapSteps
            stepLength = Double(calendar.gapSteps) * timeStep
            interestPerStep = exp(rate * stepLength) - 1
            dividendPerStep *= Double(calendar.gapSteps)
            spans = true
        }
        isCrossingGap = true
        return (plain.0, plain.1, spans)
    }

    /// Back to plain steps after the gap's step, with the constants `enterGap` returned.
    mutating func leaveGap(interest: Double, dividend: Double) {
        isCrossingGap = false
        (interestPerStep, dividendPerStep) = (interest, dividend)
        stepSpan = 1
        stepLength = timeStep
    }
}
