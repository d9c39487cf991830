import Foundation

/// Never hedges automatically.
public struct NoHedge: HedgePolicy, Hashable {
    public init() {}
    public var needsGamma: Bool { false }
    public func decide(_ context: HedgeContext) -> HedgeDecision { .hold }
}

/// Hedges to neutral every `interval` steps, whatever the delta: the textbook discrete hedger.
public struct PeriodicHedge: HedgePolicy, Hashable {
    /// Steps between hedges (≥ 1).
    public var interval: Int
    public init(interval: Int) { self.interval = interval }
    public var needsGamma: Bool { false }
    @inlinable
    public func decide(_ context: HedgeContext) -> HedgeDecision {
        // Every step needs no division (a tenth of the default Monte Carlo's hedging).
        interval == 1 || context.step % interval == 0 ? .rebalance(toNetDelta: 0) : .hold
    }
}

/// Hedges when |net delta| exceeds `halfWidth` shares.
public struct DeltaBandHedge: HedgePolicy, Hashable {
    /// Band half-width in shares.
    public var halfWidth: Double
    public var target: HedgeTarget
    public init(halfWidth: Double, target: HedgeTarget = .neutral) {
        self.halfWidth = halfWidth
        self.target = target
    }
    public var needsGamma: Bool { false }
    public func decide(_ context: HedgeContext) -> HedgeDecision {
        abs(context.netDelta) > halfWidth
            ? .rebalance(toNetDelta: target.destination(netDelta: context.netDelta, halfWidth: halfWidth)) : .hold
    }
}

/// Hedges to neutral when spot has moved more than `fraction` (relative) since the last hedge.
public struct PriceMoveHedge: HedgePolicy, Hashable {
    /// Relative move that triggers a hedge, e.g. 0.005 for 0.5%.
    public var fraction: Double
    public init(fraction: Double) { self.fraction = fraction }
    public var needsGamma: Bool { false }
    public func decide(_ context: HedgeContext) -> HedgeDecision {
        abs(context.spot / context.spotAtLastHedge - 1) > fraction ? .rebalance(toNetDelta: 0) : .hold
    }
}

/// Whalley and Wilmott's (1997) asymptotically optimal no-trade band for an investor with
/// exponential utility and proportional costs λ:
/// half-width = (3/2 · e^{−r(T−t)} · λ · S · Γ² / γ)^{1/3} shares,
/// with Γ the book gamma (shares per currency) and γ the absolute risk aversion (per currency).
/// Cheaper to run than constant hedging when trading costs money; with zero costs the band
/// collapses and it hedges every step.
public struct WhalleyWilmottHedge: HedgePolicy, Hashable {
    /// γ, absolute risk aversion per unit of currency (> 0).
    public var riskAversion: Double
    public var target: HedgeTarget
    public init(riskAversion: Double = 1, target: HedgeTarget = .bandEdge) {
        self.riskAversion = riskAversion
        self.target = target
    }
    public var needsGamma: Bool { true }

    /// The band half-width in shares for this context.
    public func halfWidth(_ context: HedgeContext) -> Double {
        cbrt(halfWidthCubed(context))
    }

    /// The half-width cubed, shares³: no cube root, and no exp at a zero rate.
    @inline(__always)
    func halfWidthCubed(_ context: HedgeContext) -> Double {
        let g = context.gamma
        return 1.5 * context.discount * context.costRate * context.spot * g * g / riskAversion
    }

    /// Compares cubes, |Δ|³ > width³, so the cube root is taken only on the steps it trades.
    public func decide(_ context: HedgeContext) -> HedgeDecision {
        let excess = abs(context.netDelta)
        guard excess * excess * excess > halfWidthCubed(context) else { return .hold }
        return .rebalance(toNetDelta: target.destination(netDelta: context.netDelta, halfWidth: halfWidth(context)))
    }
}
