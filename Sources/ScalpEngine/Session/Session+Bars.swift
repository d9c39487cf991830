import Foundation

/// Each step's bar (full detail). For a simulated step the high and low are the Brownian
/// bridge's from the open to the close before scheduled gaps, with variance σ²·dt of the step
/// (`stepVariance`, the one limit fills use: exact for GBM; for jump and stochastic-vol
/// processes the bridge of the diffusion at the process's vol). Where resting limits already
/// drew the high or decided the buys, the bar completes those draws instead of drawing anew
/// (`StepPathDraws`), so a sell filled at K means a high ≥ K and a buy filled at K a low ≤ K.
/// A price file's step takes its row's open, high and low (`HistoricalPath.bar(at:)`).
/// Every bar also takes in the close after any scheduled gap and every price filled inside it.
/// The equity calendar's closures make no bar: the next bar opens at the open with the last
/// close before the closure as its previous close.
extension Session {
    /// Appends the step's bar, from `open` (currency; ln S `openLog`) to the close before
    /// scheduled gaps `closeBeforeEvents` (ln S), and clears the draws the fills left.
    mutating func recordBar(open: Double, openLog: Double, closeBeforeEvents: Double) {
        let path = historicalPath
        if isCrossingGap, path == nil {
            bars.skipClosure(from: open)
            return
        }
        let previousClose = bars.takeCloseBeforeGap() ?? open
        let bridge = BrownianBridgeRange(start: openLog, end: closeBeforeEvents, variance: stepVariance)
        let generator = barGenerator
        var (bar, draws) = bars.takeDraws(seeding: generator) { draws, rng -> (PriceBar, StepPathDraws?) in
            if let path {
                var bar = path.bar(at: path.index)
                bar.previousClose = previousClose
                return (bar, draws)
            }
            let extremes = bridge.extremes(completing: draws, using: &rng)
            return (PriceBar(previousClose: previousClose, open: open, high: exp(extremes.high), low: exp(extremes.low), close: spot), draws)
        }
        bar.high = max(bar.high, spot, exp(draws?.highestFill ?? -.infinity))
        bar.low = min(bar.low, spot, exp(draws?.lowestFill ?? .infinity))
        bars.append(bar)
    }

    /// The file's high and low for the step just taken (ln S), when the session replays a
    /// price file with those columns: limit orders then fill against them.
    var knownLogRange: (low: Double, high: Double)? {
        guard replaysRanges, let path = historicalPath else { return nil }
        let bar = path.bar(at: path.index)
        return (log(bar.low), log(bar.high))
    }
}

extension BrownianBridgeRange {
    /// The high given that the low is `low`, for a uniform draw u in (0, 1): by reflection, the
    /// negated low (given the negated high) of the mirrored bridge.
    public func high(givenLow low: Double, uniform u: Double) -> Double {
        -BrownianBridgeRange(start: -start, end: -end, variance: variance).low(givenHigh: -low, uniform: u)
    }

    /// A jointly drawn (high, low) that agrees with `draws` (what fills inside the step drew
    /// already): a drawn high is kept and the low drawn given it, with the buys' uniform when
    /// there was one; a buys' uniform alone fixes the low and the high is drawn given it.
    /// Draws what is missing from `rng` (none, one or two uniforms).
    func extremes(completing draws: StepPathDraws?,
                  using rng: inout Xoshiro256StarStar) -> (high: Double, low: Double) {
        switch (draws?.high, draws?.lowUniform) {
        case (let high?, let u?):
            return (high, draws?.lowGivenHigh == true ? low(givenHigh: high, uniform: u) : low(uniform: u))
        case (let high?, nil):
            return (high, low(givenHigh: high, uniform: Self.openUnit(&rng)))
        case (nil, let u?):
            let low = low(uniform: u)
            return (high(givenLow: low, uniform: Self.openUnit(&rng)), low)
        case (nil, nil):
            return sampleExtremes(using: &rng)
        }
    }
}

extension Session {
    /// `estimator`'s realized vol over the session's last `config.volatilityWindow` bars,
    /// annualised by the session's step (1/dt bars a year), fraction; nil before enough bars.
    public func rangeRealizedVol(_ estimator: RangeVolEstimator) -> Double? {
        bars.volatility(estimator, periodsPerYear: 1 / config.timeStep)
    }
}
