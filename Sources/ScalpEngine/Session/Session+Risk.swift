import Foundation

/// Read-only risk figures the live screen shows, derived from the session's state. Nothing
/// here changes the session; every number is computed from public state on demand.
extension Session {
    /// Rolling-window realized vol now (close-to-close, annualised), or nil before two returns.
    public var rollingRealizedVol: Double? { rollingVol.volatility(dt: config.timeStep) }

    /// EWMA realized vol now (annualised), or nil before the first return.
    public var ewmaRealizedVol: Double? { ewmaVol.volatility(dt: config.timeStep) }

    /// The book's vega-weighted implied vol as bought at time 0: what realized vol is judged
    /// against once the options have expired.
    public var openingImpliedVol: Double {
        config.book.impliedVol(spot: config.spot, time: 0, rate: config.rate, dividendYield: config.dividendYield)
    }

    /// Years to the nearest live expiry, or nil when every position has settled.
    public var timeToNextExpiry: Double? {
        book.nextExpiry.map { max($0 - time, 0) }
    }

    /// Dollar gamma: the change in dollar delta (delta × spot) for a 1% move in spot,
    /// Γ·S²/100, currency. Half of it times 1% is the gamma P&L of that move.
    public var dollarGamma: Double {
        currentGreeks().gamma * spot * spot / 100
    }

    /// The daily move at which gamma P&L pays for a day of theta at implied vol:
    /// σ_implied · S · √(1 day), currency, a day of the session's clock.
    public var breakevenDailyMove: Double {
        impliedVol * spot * config.dayCount.day.squareRoot()
    }

    /// The net-delta band, in shares, inside which the current hedge rule leaves the book
    /// alone: the half-width of a `band` rule, or the Whalley-Wilmott band at the current
    /// gamma, spot and costs; nil for rules without a delta band.
    public var hedgeBandHalfWidth: Double? {
        switch hedgeRule {
        case .band(let policy):
            return policy.halfWidth
        case .whalleyWilmott(let policy):
            let context = HedgeContext(
                step: step, netDelta: hedgeDelta, spot: spot, spotAtLastHedge: spotAtLastHedge, gamma: hedgeGamma,
                timeToExpiry: timeToNextExpiry ?? 0, rate: config.rate,
                costRate: config.costs.proportionalRate(at: spot))
            return policy.halfWidth(context)
        case .none, .every, .move, .ladder:
            return nil
        }
    }

    /// The hedging error so far, currency: the standard deviation of the per-step deviation
    /// from the continuously hedged book, scaled by √(steps) to the whole session so far
    /// (steps treated as independent). Zero before two steps.
    public var hedgingErrorSoFar: Double { ledger.hedgingErrorSoFar }
}
