/// Perpetual-future funding: every interval the holder of `position` units pays
/// position × mark × rate × interval (rate per year, interval in years). Longs pay shorts
/// when the rate is positive, so a short perp hedge (a long call's) receives it.
public struct Funding: Sendable, Hashable {
    /// Annual rate, fraction.
    public var rate: Double
    /// Years between payments.
    public var interval: Double

    public init(rate: Double, interval: Double) {
        (self.rate, self.interval) = (rate, interval)
    }

    /// What the holder of `position` (signed units) receives at `mark` (currency) at one
    /// funding time: negative for a long when the rate is positive.
    public func received(position: Double, mark: Double) -> Double {
        -position * mark * rate * interval
    }
}
