import Foundation

/// Something that happens to the market at a known session time: an earnings release, a
/// central-bank decision. The price gaps by a log return and the ATM implied vol jumps (an
/// implied-vol crush when negative), both at once, between two steps.
///
/// An event may also carry an `expectedMove`, the move the market prices in: its variance is
/// then part of every expiry that spans it (see `variance`, `ImpliedVolModel.atmVol(expiry:…)`),
/// so before the event short expiries carry its premium, and once it has happened the premium
/// leaves the calendar by itself.
public struct ScheduledEvent: Sendable, Hashable, Codable {
    /// Session time of the event, years from the start (> 0).
    public var time: Double
    /// The price gap as a log return: −0.05 moves the spot by e^{−0.05} − 1 ≈ −4.9%.
    public var logPriceJump: Double
    /// The change of the ATM implied vol, vol as a fraction: −0.2 takes 50% to 30%.
    public var impliedVolChange: Double
    /// What it is called on the screen, e.g. "earnings".
    public var label: String
    /// The expected absolute move the market prices in, E|ln(S after / S before)|, a fraction
    /// of spot (0.08 = 8%); nil for none. Optional so events written before it encode as before.
    public var expectedMove: Double?

    public init(time: Double, logPriceJump: Double = 0, impliedVolChange: Double = 0, label: String,
                expectedMove: Double? = nil) {
        self.time = time
        self.logPriceJump = logPriceJump
        self.impliedVolChange = impliedVolChange
        self.label = label
        self.expectedMove = expectedMove
    }

    /// The factor the spot is multiplied by, e^{logPriceJump}.
    public var priceFactor: Double { exp(logPriceJump) }

    /// The event's variance σ_e², log units², added to the total variance of every expiry that
    /// spans it. The priced move is taken as normal in log terms, X ~ N(0, σ_e²), so
    /// E|X| = σ_e·√(2/π) and σ_e² = (π/2)·expectedMove².
    public var variance: Double {
        guard let move = expectedMove else { return 0 }
        return 0.5 * Double.pi * move * move
    }
}
