/// The spot-vol link: each step the ATM implied vol moves by β·d ln S on top of its own
/// dynamics, β = `ImpliedVolModel.spotVolBeta` (vol as a fraction per unit of log return).
/// Equity markets have β < 0: a 6% sell-off with β = −0.3 lifts ATM vol by about 1.9 points,
/// so a sell-off is also a vol rally and a long straddle gains on vega as well as gamma.
enum SpotVolLink {
    /// The ATM vol after a step whose log return is `logReturn`, before flooring.
    @inline(__always)
    static func linked(atmVol: Double, beta: Double, logReturn: Double) -> Double {
        atmVol + beta * logReturn
    }
}
