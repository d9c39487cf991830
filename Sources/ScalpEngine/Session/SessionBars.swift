import DequeModule

/// The session's bars: each step's open, high, low and close (full detail only; the Monte
/// Carlo's `pnlOnly` paths keep none). The latest bar, and the last `window` of them for the
/// range estimators (`RangeVolEstimator`), annualised by the session's step.
///
/// A simulated step's high and low are the exact Brownian bridge's between its two closes
/// (see `Session+Bars`); the draws come from their own stream, so a path's closes, its fills
/// and its journal are the same with or without bars.
///
/// A value type whose state sits behind one copy-on-write reference: the Monte Carlo copies a
/// session for every path, and bars it never reads should cost it one word, not their bytes.
public struct SessionBars: Sendable {
    private final class Storage: @unchecked Sendable {
        let window: Int
        var recent: Deque<PriceBar>
        var made = 0
        /// Made at the first bar: a session copied to another stream has not drawn yet.
        var rng: Xoshiro256StarStar?
        var draws: StepPathDraws?
        /// The last close before a market closure, until the bar after it takes it.
        var closeBeforeGap: Double?

        init(window: Int, recent: Deque<PriceBar>, rng: Xoshiro256StarStar?, draws: StepPathDraws?,
             closeBeforeGap: Double? = nil) {
            (self.window, self.recent, self.rng, self.draws, self.closeBeforeGap) = (window, recent, rng, draws, closeBeforeGap)
        }

        func copy() -> Storage {
            let copy = Storage(window: window, recent: recent, rng: rng, draws: draws, closeBeforeGap: closeBeforeGap)
            copy.made = made
            return copy
        }
    }

    private var storage: Storage

    init(window: Int) {
        storage = Storage(window: max(window, 1), recent: [], rng: nil, draws: nil)
    }

    /// Bars kept for the estimators: the session's realized-vol window.
    public var window: Int { storage.window }
    /// The last `window` bars, oldest first.
    public var recent: Deque<PriceBar> { storage.recent }
    /// Bars made since the session began, counting those no longer kept: a reader that follows
    /// the session step by step takes the bars made since it last looked (none across a closure).
    public var made: Int { storage.made }
    /// The bar of the step just taken; nil before the first step.
    public var latest: PriceBar? { storage.recent.last }

    /// `estimator`'s annualised volatility (fraction) over the bars kept, `periodsPerYear`
    /// bars a year; nil with too few bars.
    public func volatility(_ estimator: RangeVolEstimator, periodsPerYear: Double) -> Double? {
        let bars = Array(storage.recent)
        return estimator.volatility(of: bars[...], periodsPerYear: periodsPerYear)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    mutating func append(_ bar: PriceBar) {
        makeUnique()
        if storage.recent.count == storage.window { storage.recent.removeFirst() }
        storage.recent.append(bar)
        storage.made += 1
    }

    /// A closure of the market from the close `close` (currency): no bar, since no one traded;
    /// the first bar after it opens at the open and keeps `close` as its previous close, so the
    /// gap is its overnight return (Yang-Zhang's σ_o), not one bar's range.
    mutating func skipClosure(from close: Double) {
        makeUnique()
        if storage.closeBeforeGap == nil { storage.closeBeforeGap = close }
        storage.draws = nil
    }

    /// The close before the closure just crossed, forgotten once taken; nil after no closure.
    mutating func takeCloseBeforeGap() -> Double? {
        guard storage.closeBeforeGap != nil else { return nil }
        makeUnique()
        defer { storage.closeBeforeGap = nil }
        return storage.closeBeforeGap
    }

    /// Keeps what the limit fills drew of the step's path, for its bar.
    mutating func noteDraws(_ draws: StepPathDraws) {
        makeUnique()
        storage.draws = draws
    }

    /// Takes in a fill inside the step at ln S = `logPrice`, so the step's bar contains it.
    mutating func noteFill(atLog logPrice: Double) {
        makeUnique()
        if storage.draws == nil { storage.draws = StepPathDraws() }
        storage.draws?.filled(at: logPrice)
    }

    /// The draws the step's fills left (then forgotten) and the bars' generator, for one bar;
    /// the generator is `seeding` until the first bar.
    mutating func takeDraws<Result>(seeding: @autoclosure () -> Xoshiro256StarStar,
                                    _ body: (StepPathDraws?, inout Xoshiro256StarStar) -> Result) -> Result {
        makeUnique()
        var rng = storage.rng ?? seeding()
        defer { (storage.rng, storage.draws) = (rng, nil) }
        return body(storage.draws, &rng)
    }
}
