import Foundation

/// How a session re-marks its options' implied vols as time passes: an at-the-money level
/// moved by `dynamics` and by the spot-vol link, a `term` structure and the scheduled events'
/// variance that give each expiry its own ATM vol (`atmVol(expiry:…)`), and a `skew` that gives
/// each strike its own vol around it, read in the coordinate the `sticky` rule names.
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
    /// Each expiry's ATM vol at the start, before events; nil for one ATM vol at every expiry.
    /// The level's moves scale it (see `atmVol(expiry:time:level:events:)`).
    public var term: VolTermStructure?

    public init(atmVol: Double, dynamics: ImpliedVolDynamics = .constant, skew: VolSkew? = nil,
                sticky: StickyRule = .moneyness, spotVolBeta: Double = 0, realizedLink: RealizedVolLink? = nil,
                term: VolTermStructure? = nil) {
        self.atmVol = atmVol
        self.dynamics = dynamics
        self.skew = skew
        self.sticky = sticky
        self.spotVolBeta = spotVolBeta
        self.realizedLink = realizedLink
        self.term = term
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
    /// `atmVol` is the ATM level (`Session.atmImpliedVol`); `events` the scheduled events, whose
    /// variance the expiry's ATM vol carries while they are ahead (`atmVol(expiry:…)`).
    public func impliedVol(strike: Double, expiry: Double, spot: Double, time: Double, atmVol: Double,
                           openingSpot: Double, carry: Double, events: EventSchedule) -> Double {
        let expiryVol = self.atmVol(expiry: expiry, time: time, level: atmVol, events: events)
        guard let skew else { return max(expiryVol, ImpliedVolDynamics.minimumVol) }
        let x = sticky.smileCoordinate(strike: strike, expiry: expiry, spot: spot, time: time,
                                       openingSpot: openingSpot, carry: carry)
        return skew.impliedVol(coordinate: x, atmVol: expiryVol)
    }

    /// The ATM vol of the expiry at session time `expiry` (years) at session time `time`, with
    /// the ATM level at `level`:
    ///
    /// σ(T)² = σ_d(T)² + Σ σ_e² / (T − t),  σ_d(T) = term(T) · level / `atmVol`,
    ///
    /// the sum over the events ahead that the expiry spans (t < t_e ≤ T; `EventSchedule.variance`).
    /// Without a term structure σ_d(T) = `level`, and without priced events the result is
    /// `level` itself. The level's moves (dynamics, spot-vol and realized-vol links, events'
    /// `vol_change`) scale the term structure rather than shift it: a parallel shift in vol
    /// could make a longer expiry's total variance smaller (a crush on an inverted term
    /// structure), a common factor never does, and event variance only adds to longer expiries.
    public func atmVol(expiry: Double, time: Double, level: Double, events: EventSchedule) -> Double {
        var vol = level
        if let term, atmVol > 0 { vol = max(term.atmVol(expiry: expiry) * level / atmVol, ImpliedVolDynamics.minimumVol) }
        let eventVariance = events.variance(after: time, through: expiry)
        guard eventVariance > 0 else { return vol }
        let tau = max(expiry - time, StickyRule.shortestTenor)
        return (vol * vol + eventVariance / tau).squareRoot()
    }

    /// ∂σ/∂S: how the implied vol of an option (arguments as `impliedVol(strike:expiry:…)`) moves
    /// with spot under the sticky rule and the spot-vol link, vol per currency of spot. The
    /// market delta of the option is its Black-Scholes delta plus this times its vega.
    ///
    /// With x the sticky rule's smile coordinate and σ_a the expiry's ATM vol,
    /// ∂σ/∂S = [(slope + 2·curvature·x)·∂x/∂ln S + ∂σ_a/∂level·β] / S:
    /// ∂x/∂ln S is −1 (moneyness), 0 (strike) or −√(τ₀/τ) (delta); the level moves by β·d ln S.
    /// Zero where a floor holds the vol. The realized-vol link's pull is left out: one return
    /// moves the EWMA by a fraction of a step's weight.
    public func volSpotSlope(strike: Double, expiry: Double, spot: Double, time: Double, atmVol level: Double,
                             openingSpot: Double, carry: Double, events: EventSchedule) -> Double {
        let floor = ImpliedVolDynamics.minimumVol
        // ∂σ_a/∂level: the term's scale, through the square root of the events' variance.
        var levelSlope = 1.0
        var base = level
        if let term, atmVol > 0 {
            base = term.atmVol(expiry: expiry) * level / atmVol
            levelSlope = base > floor ? term.atmVol(expiry: expiry) / atmVol : 0
            base = max(base, floor)
        }
        let expiryVol = self.atmVol(expiry: expiry, time: time, level: level, events: events)
        if expiryVol != base { levelSlope *= base / expiryVol }
        guard let skew else { return expiryVol > floor ? levelSlope * spotVolBeta / spot : 0 }
        let x = sticky.smileCoordinate(strike: strike, expiry: expiry, spot: spot, time: time,
                                       openingSpot: openingSpot, carry: carry)
        guard skew.impliedVol(coordinate: x, atmVol: expiryVol) > floor else { return 0 }
        let smileSlope = (skew.slope + 2 * skew.curvature * x)
            * sticky.coordinateSlope(expiry: expiry, time: time)
        return (smileSlope + levelSlope * spotVolBeta) / spot
    }

    enum CodingKeys: String, CodingKey { case atmVol, dynamics, skew, sticky, spotVolBeta, realizedLink, term }

    /// Reads a model; `sticky`, `spotVolBeta`, `realizedLink` and `term` default to today's behaviour when absent, so
    /// journals written before they existed still read and replay.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(atmVol: try c.decode(Double.self, forKey: .atmVol),
                  dynamics: try c.decode(ImpliedVolDynamics.self, forKey: .dynamics),
                  skew: try c.decodeIfPresent(VolSkew.self, forKey: .skew),
                  sticky: try c.decodeIfPresent(StickyRule.self, forKey: .sticky) ?? .moneyness,
                  spotVolBeta: try c.decodeIfPresent(Double.self, forKey: .spotVolBeta) ?? 0,
                  realizedLink: try c.decodeIfPresent(RealizedVolLink.self, forKey: .realizedLink),
                  term: try c.decodeIfPresent(VolTermStructure.self, forKey: .term))
    }
}
