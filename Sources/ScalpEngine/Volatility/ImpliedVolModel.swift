/// How a session re-marks its options' implied vols as time passes: an at-the-money level
/// moved by `dynamics`, and a `skew` that gives each strike its own vol around it.
public struct ImpliedVolModel: Sendable, Hashable, Codable {
    /// ATM implied vol at time 0, annualised fraction.
    public var atmVol: Double
    public var dynamics: ImpliedVolDynamics
    /// nil: one vol at every strike.
    public var skew: VolSkew?

    public init(atmVol: Double, dynamics: ImpliedVolDynamics = .constant, skew: VolSkew? = nil) {
        self.atmVol = atmVol
        self.dynamics = dynamics
        self.skew = skew
    }

    /// True when positions are re-marked every step (moving ATM vol or a skew that follows
    /// spot). Otherwise each position keeps the vol it was booked at, and only scheduled
    /// events move it.
    public var remarksBook: Bool { dynamics != .constant || skew != nil }

    /// The implied vol of `strike` with the underlying at `spot` and the ATM vol at `atmVol`.
    public func impliedVol(strike: Double, spot: Double, atmVol: Double) -> Double {
        skew?.impliedVol(strike: strike, spot: spot, atmVol: atmVol) ?? max(atmVol, ImpliedVolDynamics.minimumVol)
    }
}
