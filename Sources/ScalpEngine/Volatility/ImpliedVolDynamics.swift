/// How the at-the-money implied vol moves during a session. Each position's implied vol is
/// this level through the scenario's `VolSkew` (or the level itself without a skew);
/// scheduled events add their jumps on top.
public enum ImpliedVolDynamics: Sendable, Hashable, Codable {
    /// Implied vol stays where it opened (no random draws).
    case constant
    /// An exact Ornstein-Uhlenbeck walk around a long-run level.
    case meanReverting(MeanRevertingImpliedVol)
    /// Recorded values, one per step (a price file's implied-vol column).
    case historical(ImpliedVolSeries)

    /// Mean reversion at `speed` κ per year to `longRun`, with vol of vol `volOfVol` per √year.
    public static func meanReverting(speed: Double, longRun: Double, volOfVol: Double) -> Self {
        .meanReverting(MeanRevertingImpliedVol(speed: speed, longRun: longRun, volOfVol: volOfVol))
    }

    /// The lowest implied vol any dynamics, event or skew produces, annualised fraction:
    /// Black-Scholes needs a positive vol, and 1% is below any listed market's.
    public static let minimumVol = 0.01

    /// The ATM implied vol `dt` years after `atmVol`, floored at `minimumVol`. `.constant`
    /// returns `atmVol` unchanged and draws nothing.
    public mutating func advance(atmVol: Double, dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .constant:
            return atmVol
        case .meanReverting(var walk):
            let next = walk.advance(atmVol: atmVol, dt: dt, using: &rng)
            self = .meanReverting(walk)
            return max(next, Self.minimumVol)
        case .historical(var series):
            let next = series.next()
            self = .historical(series)
            return max(next, Self.minimumVol)
        }
    }

    /// A short name for screens and reports.
    public var name: String {
        switch self {
        case .constant: "constant"
        case .meanReverting: "mean-reverting"
        case .historical: "recorded"
        }
    }
}
