import Foundation

extension GeometricBrownianMotion {
    /// `count` bars of one exact GBM path starting from `spot` (currency), each `dt` years of
    /// trading: the close is the exact log step from the open, and the high and low are the
    /// Brownian bridge's between them (`BrownianBridgeRange`), so the bars are what a
    /// continuous path would have printed.
    ///
    /// `overnightVariance` (log units², per bar; 0 by default) adds a zero-mean normal gap
    /// ln(O/C₋₁) before each bar's trading, as between two sessions; with 0 each bar opens at
    /// the close before. Draws three numbers a bar from `rng` (four with a gap).
    public func bars(from spot: Double, dt: Double, count: Int, overnightVariance: Double = 0,
                     using rng: inout Xoshiro256StarStar) -> [PriceBar] {
        let step = step(dt: dt), bridgeVariance = volatility * volatility * dt
        let gap = overnightVariance.squareRoot()
        var bars: [PriceBar] = []
        bars.reserveCapacity(count)
        var previousClose = spot
        for _ in 0..<count {
            let logOpen = log(previousClose) + (gap > 0 ? gap * rng.nextNormal() : 0)
            let logClose = logOpen + step.logIncrement(normal: rng.nextNormal())
            let extremes = BrownianBridgeRange(start: logOpen, end: logClose, variance: bridgeVariance).sampleExtremes(using: &rng)
            let bar = PriceBar(previousClose: previousClose, open: exp(logOpen), high: exp(extremes.high),
                               low: exp(extremes.low), close: exp(logClose))
            bars.append(bar)
            previousClose = bar.close
        }
        return bars
    }
}
