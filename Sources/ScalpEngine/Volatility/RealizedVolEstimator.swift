import Foundation
import DequeModule

/// Close-to-close realized volatility over a rolling window of log returns, annualised
/// with the simulated time step: σ̂ = √(sample variance of returns / dt).
///
/// Keeps the window in a bounded `Deque` with running sums; the sums are rebuilt from the
/// window every `window` updates so rounding cannot accumulate over a long session.
public struct RealizedVolEstimator: Sendable, Hashable {
    /// Returns in the window (≥ 2).
    public let window: Int
    private var returns: Deque<Double>
    private var sum = 0.0
    private var sumOfSquares = 0.0
    private var updatesSinceRebuild = 0

    public init(window: Int) {
        precondition(window >= 2, "a volatility window needs at least two returns")
        self.window = window
        returns = Deque(minimumCapacity: window)
    }

    /// Number of returns currently in the window.
    public var count: Int { returns.count }

    public mutating func add(logReturn r: Double) {
        if returns.count == window {
            let old = returns.removeFirst()
            sum -= old
            sumOfSquares -= old * old
        }
        returns.append(r)
        sum += r
        sumOfSquares += r * r
        updatesSinceRebuild += 1
        if updatesSinceRebuild >= window {
            updatesSinceRebuild = 0
            sum = returns.reduce(0, +)
            sumOfSquares = returns.reduce(0) { $0 + $1 * $1 }
        }
    }

    /// Annualised volatility for returns `dt` years apart, or nil with fewer than two returns.
    public func volatility(dt: Double) -> Double? {
        let n = Double(returns.count)
        guard returns.count >= 2, dt > 0 else { return nil }
        let variance = max((sumOfSquares - sum * sum / n) / (n - 1), 0)
        return (variance / dt).squareRoot()
    }
}

/// Exponentially weighted (RiskMetrics) realized volatility: v ← λ·v + (1 − λ)·r², annualised
/// as √(v/dt). Zero-mean, as is usual for short-horizon returns.
public struct EWMAVolEstimator: Sendable, Hashable {
    /// λ, the weight kept on the old variance per step, in (0, 1).
    public let decay: Double
    private var variance = 0.0
    public private(set) var count = 0

    public init(decay: Double) {
        precondition(decay > 0 && decay < 1, "EWMA decay must be in (0, 1)")
        self.decay = decay
    }

    /// The decay whose weights halve after `halfLife` steps.
    public init(halfLife: Double) {
        self.init(decay: pow(0.5, 1 / halfLife))
    }

    public mutating func add(logReturn r: Double) {
        variance = count == 0 ? r * r : decay * variance + (1 - decay) * r * r
        count += 1
    }

    /// Annualised volatility for returns `dt` years apart, or nil before the first return.
    public func volatility(dt: Double) -> Double? {
        guard count > 0, dt > 0 else { return nil }
        return (variance / dt).squareRoot()
    }
}
