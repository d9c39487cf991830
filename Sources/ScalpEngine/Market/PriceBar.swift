import Foundation

/// One period's prices: open, high, low and close (currency, all > 0, low ≤ open, close ≤
/// high), with the close of the period before, so a bar also knows its overnight gap and its
/// close-to-close return.
public struct PriceBar: Sendable, Hashable, Codable {
    /// Close of the period before, currency.
    public var previousClose: Double
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double

    public init(previousClose: Double, open: Double, high: Double, low: Double, close: Double) {
        (self.previousClose, self.open, self.high, self.low, self.close) = (previousClose, open, high, low, close)
    }

    /// ln(C/C₋₁): the close-to-close log return.
    public var closeToCloseReturn: Double { log(close / previousClose) }
    /// ln(O/C₋₁): the overnight (gap) log return.
    public var overnightReturn: Double { log(open / previousClose) }
    /// ln(C/O): the open-to-close log return.
    public var openToCloseReturn: Double { log(close / open) }
    /// ln(H/L): the log range, ≥ 0.
    public var logRange: Double { log(high / low) }
}
