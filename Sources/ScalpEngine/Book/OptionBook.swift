/// The options held: any number of positions, aggregated for risk.
public struct OptionBook: Sendable, Hashable, Codable {
    public var positions: [OptionPosition]

    public init(_ positions: [OptionPosition] = []) { self.positions = positions }

    /// Positions not yet settled.
    public var live: [OptionPosition] { positions.filter { !$0.isSettled } }

    /// Sum of the live positions' Greeks: value in currency, delta in shares, gamma in shares
    /// per currency of spot, vega per 1.00 vol, theta per year, rho per 1.00 rate.
    public func greeks(spot: Double, time: Double, rate: Double, dividendYield: Double) -> OptionGreeks {
        var total = OptionGreeks.zero
        for position in positions where !position.isSettled {
            total += position.greeks(spot: spot, time: time, rate: rate, dividendYield: dividendYield)
        }
        return total
    }

    /// Book delta in shares, computing only deltas. `volatility` overrides each position's
    /// implied vol (hedging at realized vol).
    @inlinable
    public func delta(spot: Double, time: Double, rate: Double, dividendYield: Double,
                      volatility: Double? = nil) -> Double {
        var total = 0.0
        for position in positions where !position.isSettled {
            total += position.units * BlackScholes.delta(
                kind: position.kind, spot: spot, strike: position.strike,
                volatility: volatility ?? position.impliedVol, timeToExpiry: position.timeToExpiry(at: time),
                rate: rate, dividendYield: dividendYield)
        }
        return total
    }

    /// Book gamma in shares per currency of spot, at `volatility` or each position's implied vol.
    public func gamma(spot: Double, time: Double, rate: Double, dividendYield: Double,
                      volatility: Double? = nil) -> Double {
        var total = 0.0
        for position in positions where !position.isSettled {
            total += position.units * BlackScholes.gamma(
                spot: spot, strike: position.strike, volatility: volatility ?? position.impliedVol,
                timeToExpiry: position.timeToExpiry(at: time), rate: rate, dividendYield: dividendYield)
        }
        return total
    }

    /// The earliest expiry among live positions, or nil when none are live.
    public var nextExpiry: Double? {
        positions.lazy.filter { !$0.isSettled }.map(\.expiry).min()
    }

    /// Settles every live position expiring at or before `time` at `spot`; returns the cash paid in.
    public mutating func settleExpired(at time: Double, spot: Double) -> Double {
        var cash = 0.0
        for index in positions.indices where !positions[index].isSettled && positions[index].expiry <= time + Self.timeTolerance {
            cash += positions[index].settlementValue(spot: spot)
            positions[index].isSettled = true
        }
        return cash
    }

    /// The book's implied vol, weighted by each live position's absolute vega: the single
    /// number to compare realized vol against.
    public func impliedVol(spot: Double, time: Double, rate: Double, dividendYield: Double) -> Double {
        var weighted = 0.0
        var weights = 0.0
        for position in positions where !position.isSettled {
            let vega = abs(position.units * position.unitGreeks(spot: spot, time: time, rate: rate,
                                                                 dividendYield: dividendYield).vega)
            weighted += vega * position.impliedVol
            weights += vega
        }
        if weights > 0 { return weighted / weights }
        let live = positions.filter { !$0.isSettled }
        return live.isEmpty ? 0 : live.map(\.impliedVol).reduce(0, +) / Double(live.count)
    }

    /// Times closer than this (years, about 3 ms) count as equal, so float steps land on expiry.
    public static let timeTolerance = 1e-10
}
