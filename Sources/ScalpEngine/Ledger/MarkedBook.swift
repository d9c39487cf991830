/// The book as it was marked at the end of the last action (positions with their implied vols,
/// spot, session time), against which the next step's spot and vol P&L is split.
///
/// Each live position is revalued at the marked time t₀ with spot and implied vol moved apart
/// and together (V₀₀ = V(S₀, σ₀), V₁₀ = V(S₁, σ₀), V₀₁ = V(S₀, σ₁), V₁₁ = V(S₁, σ₁)), and the
/// step's price change at fixed time splits exactly into
/// - delta + gamma + `speed` = Σ (V₁₀ − V₀₀): the spot move at the old vol, `speed` being what
///   is left beyond Δ·dS + ½Γ·dS² (⅙·∂³V/∂S³·dS³ for a small move; large only across a gap);
/// - vega + `volga` = Σ (V₀₁ − V₀₀): the vol move at the old spot, `volga` being what is left
///   beyond vega·dσ (½·∂²V/∂σ²·dσ² for a small move);
/// - `vanna` = Σ (V₁₁ − V₁₀ − V₀₁ + V₀₀): spot and vol moving together (∂²V/∂S∂σ·dS·dσ for
///   small moves).
/// Revaluing rather than multiplying Taylor terms keeps the split exact when a crush halves the
/// vol or the stock gaps several standard deviations, where the series converges slowly and the
/// largest line on the screen would otherwise be the residual. Only time (theta against its
/// cross terms with spot and vol, an expiry inside the step) is left to the residual.
struct MarkedBook: Sendable {
    private var positions: [OptionPosition] = []
    private var spot = 0.0
    /// Session time of the mark, years.
    private var time = 0.0

    /// Marks `book` at `spot` (currency) and session time `time` (years).
    mutating func mark(_ book: OptionBook, spot: Double, time: Double) {
        positions = book.positions
        self.spot = spot
        self.time = time
    }

    /// Fills `move.vega`, `vanna`, `volga` and `speed` for the step to spot `spot` with the
    /// positions now in `book` (the same positions, re-marked, possibly settled; any added after
    /// the mark are not part of the step). `optionDelta` and `optionGamma` are the book's delta
    /// (shares) and gamma (shares per currency) at the mark, as the delta and gamma buckets use.
    func attribute(to spot: Double, book: OptionBook, optionDelta: Double, optionGamma: Double, rate: Double,
                   dividendYield: Double, into move: inout PnLAttribution) {
        let dS = spot - self.spot
        var spotPart = 0.0
        for (index, position) in positions.enumerated() where !position.isSettled {
            let tau = position.timeToExpiry(at: time)
            let before = position.impliedVol
            let after = index < book.positions.count ? book.positions[index].impliedVol : before
            func value(_ spot: Double, _ vol: Double) -> Double {
                BlackScholes.price(kind: position.kind, spot: spot, strike: position.strike, volatility: vol,
                                   timeToExpiry: tau, rate: rate, dividendYield: dividendYield)
            }
            let marked = BlackScholes.greeks(kind: position.kind, spot: self.spot, strike: position.strike,
                                             volatility: before, timeToExpiry: tau, rate: rate, dividendYield: dividendYield)
            let spotMoved = value(spot, before)
            spotPart += position.units * (spotMoved - marked.price)
            guard after != before else { continue }
            let volMoved = value(self.spot, after)
            let bothMoved = value(spot, after)
            let vega = position.units * marked.vega * (after - before)
            move.vega += vega
            move.volga += position.units * (volMoved - marked.price) - vega
            move.vanna += position.units * (bothMoved - spotMoved - volMoved + marked.price)
        }
        move.speed = spotPart - optionDelta * dS - 0.5 * optionGamma * dS * dS
    }
}
