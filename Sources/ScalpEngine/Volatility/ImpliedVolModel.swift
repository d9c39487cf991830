/// How a session re-marks its options' implied vols as time passes: an at-the-money level
/// moved by `dynamics` and by the spot-vol link, and a `skew` that gives each strike its own vol
/// around it, read in the coordinate the `sticky` rule names.
public struct ImpliedVolModel: Sendable, Hashable, Codable {
    /// ATM implied vol at time 0, annualised fraction.
    public var atmVol: Double
    public var dynamics: ImpliedVolDynamics
    /// nil: one vol at every strike.
    public var skew: VolSkew?
    /// How the smile moves with spot (see `StickyRule`).
    public var sticky: StickyRule
    /// β: the ATM vol moves by β·d ln S each step on top of its own dynamics (vol as a fraction
    /// per unit of log return; negative in equity markets). See `SpotVolLink`.
    public var spotVolBeta: Double
    /// The ATM vol relaxes toward EWMA realized vol plus a premium; nil for no such pull.
    public var realizedLink: RealizedVolLink?

    public init(atmVol: Double, dynamics: ImpliedVolDynamics = .constant, skew: VolSkew? = nil,
                sticky: StickyRule = .moneyness, spotVolBeta: Double = 0, realizedLink: RealizedVolLink? = nil) {
        self.atmVol = atmVol
        self.dynamics = dynamics
        self.skew = skew
        self.sticky = sticky
        self.spotVolBeta = spotVolBeta
        self.realizedLink = realizedLink
    }

    /// True when positions are re-marked every step (moving ATM vol or a skew that follows
    /// spot). Otherwise each position keeps the vol it was booked at, and only scheduled
    /// events move it.
    public var remarksBook: Bool { dynamics != .constant || skew != nil || spotVolBeta != 0 || realizedLink != nil }

    /// The implied vol of `strike` with the underlying at `spot` and the ATM vol at `atmVol`,
    /// in moneyness (the opening smile, and every smile under the default rule).
    public func impliedVol(strike: Double, spot: Double, atmVol: Double) -> Double {
        skew?.impliedVol(strike: strike, spot: spot, atmVol: atmVol) ?? max(atmVol, ImpliedVolDynamics.minimumVol)
    }

    /// The implied vol of an option struck at `strike` expiring at session time `expiry` (years),
    /// under the sticky rule: spot `spot`, session time `time`, opening spot `openingSpot`,
    /// carry = rate − dividend yield.
    public func impliedVol(strike: Double, expiry: Double, spot: Double, time: Double, atmVol: Double,
                           openingSpot: Double, carry: Double) -> Double {
        guard let skew else { return max(atmVol, ImpliedVolDynamics.minimumVol) }
        let x = sticky.smileCoordinate(strike: strike, expiry: expiry, spot: spot, time: time,
                                       openingSpot: openingSpot, carry: carry)
        return skew.impliedVol(coordinate: x, atmVol: atmVol)
    }

    enum CodingKeys: String, CodingKey { case atmVol, dynamics, skew, sticky, spotVolBeta, realizedLink }

    /// Reads a model; `sticky`, `spotVolBeta` and `realizedLink` default to today's behaviour when absent, so
    /// journals written before they existed still read and replay.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(atmVol: try c.decode(Double.self, forKey: .atmVol),
                  dynamics: try c.decode(ImpliedVolDynamics.self, forKey: .dynamics),
                  skew: try c.decodeIfPresent(VolSkew.self, forKey: .skew),
                  sticky: try c.decodeIfPresent(StickyRule.self, forKey: .sticky) ?? .moneyness,
                  spotVolBeta: try c.decodeIfPresent(Double.self, forKey: .spotVolBeta) ?? 0,
                  realizedLink: try c.decodeIfPresent(RealizedVolLink.self, forKey: .realizedLink))
    }
}
