import Foundation

/// What a hedge policy sees when it decides: the book's risk after the latest price move.
public struct HedgeContext: Sendable, Hashable {
    /// Step index (0 at the session's start).
    public var step: Int
    /// Net delta of options plus stock, in shares.
    public var netDelta: Double
    /// Current spot, currency.
    public var spot: Double
    /// Spot at the last hedge trade (manual or automatic), currency.
    public var spotAtLastHedge: Double
    /// Book gamma in shares per currency of spot (only filled for policies that ask for it).
    public var gamma: Double
    /// Years to the book's nearest expiry.
    public var timeToExpiry: Double
    /// Riskless rate, per year.
    public var rate: Double
    /// Cost of trading as a fraction of notional (half-spread plus fee over price).
    public var costRate: Double
    /// e^{−r·timeToExpiry}, when the caller has it at hand (a Monte Carlo works it out once a
    /// step for all its paths); nil for the policy to compute it.
    public var discountToExpiry: Double?

    public init(step: Int, netDelta: Double, spot: Double, spotAtLastHedge: Double, gamma: Double = 0,
                timeToExpiry: Double, rate: Double, costRate: Double, discountToExpiry: Double? = nil) {
        self.step = step
        self.netDelta = netDelta
        self.spot = spot
        self.spotAtLastHedge = spotAtLastHedge
        self.gamma = gamma
        self.timeToExpiry = timeToExpiry
        self.rate = rate
        self.costRate = costRate
        self.discountToExpiry = discountToExpiry
    }

    /// e^{−r·timeToExpiry}: `discountToExpiry` or, without it, worked out (1 at a zero rate, without an exp).
    @inline(__always)
    public var discount: Double {
        discountToExpiry ?? Self.discount(rate: rate, timeToExpiry: timeToExpiry)
    }

    /// Years from `now` to the nearest expiry `nextExpiry` (years), 0 past it or without one.
    @inline(__always)
    static func timeToExpiry(from now: Double, to nextExpiry: Double?) -> Double {
        max((nextExpiry ?? now) - now, 0)
    }

    /// e^{−r·τ}, 1 at a zero rate.
    @inline(__always)
    static func discount(rate: Double, timeToExpiry: Double) -> Double {
        rate == 0 ? 1 : exp(-rate * timeToExpiry)
    }
}

/// A policy's verdict for one step.
public enum HedgeDecision: Sendable, Hashable {
    /// Leave the book as it is.
    case hold
    /// Trade the underlying until net delta equals this many shares.
    case rebalance(toNetDelta: Double)
}

/// Where a band policy brings the book when it trades.
public enum HedgeTarget: String, Sendable, Hashable, Codable {
    /// All the way to zero net delta.
    case neutral
    /// Only back to the nearer edge of the band: fewer shares traded, less cost.
    case bandEdge = "edge"
}

/// A rule for when and how far to hedge.
public protocol HedgePolicy: Sendable {
    /// True if `decide` reads `context.gamma` (so the session computes it only when needed).
    var needsGamma: Bool { get }
    func decide(_ context: HedgeContext) -> HedgeDecision
}

extension HedgeTarget {
    /// The net delta a band policy trades to when |netDelta| has left the band ±`halfWidth`.
    @inlinable
    public func destination(netDelta: Double, halfWidth: Double) -> Double {
        switch self {
        case .neutral: 0
        case .bandEdge: netDelta > 0 ? halfWidth : -halfWidth
        }
    }
}
