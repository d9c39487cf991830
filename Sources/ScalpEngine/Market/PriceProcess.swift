import Foundation

/// A stochastic model of the underlying's price, stepped forward in simulated time.
///
/// Conformers are value types: their state (for example a stochastic variance) lives in the
/// value, and all randomness comes from the generator passed in, so a seed fixes the path.
public protocol PriceProcess: Sendable {
    /// The spot after `dt` years, given the spot now. Draws from `rng`.
    mutating func advance(spot: Double, dt: Double, using rng: inout Xoshiro256StarStar) -> Double

    /// The volatility the process is running at now, annualised as a fraction: what a
    /// hedger "hedging at realized vol" would plug into the delta.
    var instantaneousVolatility: Double { get }
}

/// A process stepped by its log-return: the spot after `dt` is spot · e^(log-return).
public protocol LogReturnProcess: PriceProcess {
    /// The log-return over `dt` years, drawn from `rng`; any state of the process (a variance,
    /// a regime) moves on with it.
    mutating func logIncrement(dt: Double, using rng: inout Xoshiro256StarStar) -> Double
}

extension LogReturnProcess {
    @inlinable
    public mutating func advance(spot: Double, dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        spot * exp(logIncrement(dt: dt, using: &rng))
    }
}
