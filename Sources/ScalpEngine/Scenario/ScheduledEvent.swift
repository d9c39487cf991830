import Foundation

/// Something that happens to the market at a known session time: an earnings release, a
/// central-bank decision. The price gaps by a log return and the ATM implied vol jumps (an
/// implied-vol crush when negative), both at once, between two steps.
public struct ScheduledEvent: Sendable, Hashable, Codable {
    /// Session time of the event, years from the start (> 0).
    public var time: Double
    /// The price gap as a log return: −0.05 moves the spot by e^{−0.05} − 1 ≈ −4.9%.
    public var logPriceJump: Double
    /// The change of the ATM implied vol, vol as a fraction: −0.2 takes 50% to 30%.
    public var impliedVolChange: Double
    /// What it is called on the screen, e.g. "earnings".
    public var label: String

    public init(time: Double, logPriceJump: Double = 0, impliedVolChange: Double = 0, label: String) {
        self.time = time
        self.logPriceJump = logPriceJump
        self.impliedVolChange = impliedVolChange
        self.label = label
    }

    /// The factor the spot is multiplied by, e^{logPriceJump}.
    public var priceFactor: Double { exp(logPriceJump) }
}
