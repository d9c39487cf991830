import Foundation

/// How the smile moves when spot moves: which coordinate of a strike the skew is a function of.
/// What it means for the hedger is the vol each option is re-marked at after a move, and so
/// the delta the market really gives it (the Black-Scholes delta plus ∂σ/∂S·vega).
public enum StickyRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The smile is fixed in ln(K/S): each strike's vol slides along the skew as spot moves, so
    /// with a negative skew a rally lowers every strike's vol (a put's true delta is nearer
    /// zero, a call's nearer one, than Black-Scholes says). Spot itself is always ATM.
    case moneyness
    /// Each strike keeps its vol as spot moves: the smile is fixed in ln(K/S₀) around the
    /// opening spot S₀, and only the ATM level's own moves (dynamics, the spot-vol link,
    /// events) change it. The Black-Scholes delta is the true delta.
    case strike
    /// The smile moves with the forward in delta terms: it is fixed in ln(K/F)·√(τ₀/τ), the
    /// forward log-moneyness per unit of √(time to expiry), scaled to the expiry's tenor τ₀ at
    /// the session's start. As expiry nears a given strike moves further out in delta, and its
    /// vol further along the skew.
    case delta

    /// The coordinate the skew reads for an option struck at `strike` (currency) expiring at
    /// session time `expiry` (years), with the underlying at `spot`, session time `time`,
    /// opening spot `openingSpot` and carry `carry` = rate − dividend yield (per year).
    public func smileCoordinate(strike: Double, expiry: Double, spot: Double, time: Double,
                                openingSpot: Double, carry: Double) -> Double {
        switch self {
        case .moneyness:
            return log(strike / spot)
        case .strike:
            return log(strike / openingSpot)
        case .delta:
            // One five-minute step is the shortest horizon the scaling is taken to.
            let tau = max(expiry - time, Self.shortestTenor)
            let tenor = max(expiry, Self.shortestTenor)
            return (log(strike / spot) - carry * tau) * (tenor / tau).squareRoot()
        }
    }

    /// ∂x/∂ln S of `smileCoordinate` for an option expiring at session time `expiry` (years)
    /// at session time `time`: −1 (moneyness), 0 (strike), −√(τ₀/τ) (delta).
    public func coordinateSlope(expiry: Double, time: Double) -> Double {
        switch self {
        case .moneyness: -1
        case .strike: 0
        case .delta: -(max(expiry, Self.shortestTenor) / max(expiry - time, Self.shortestTenor)).squareRoot()
        }
    }

    /// Years: below this time to expiry sticky-delta stops steepening (about five minutes).
    static let shortestTenor = 1e-5
}
