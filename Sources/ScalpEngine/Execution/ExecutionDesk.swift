import Foundation

/// A session's execution state: the orders working at the market and in flight to it, the cost
/// parts booked, the ladder's reference price and the perpetual's funding clock. The session
/// owns one and books what it reports; the desk never touches cash or shares itself.
public struct ExecutionDesk: Sendable {
    public let terms: ExecutionTerms
    /// Resting limit orders, oldest first.
    public internal(set) var orders: [LimitOrder] = []
    /// Market orders sent but not yet filled (latency).
    public internal(set) var inFlight: [OrderInFlight] = []
    public internal(set) var costs = ExecutionCosts()
    /// P of the ladder: the price of its last fill (the opening hedge's at first).
    public internal(set) var ladderPrice: Double?
    /// Σ −shares × price over perpetual trades: the part of cash that is only the perp's
    /// notional, which earns no interest (no cash is borrowed to hold a perp).
    var perpNotionalCash = 0.0
    /// Session time of the next funding payment, years.
    var nextFundingTime: Double
    var nextOrderID = 1
    /// Scratch for `takeFills`, kept between steps so the Monte Carlo's inner loop, where the
    /// ladder fills most steps, does not allocate: the indices the path touched, and the fills
    /// (lent to the owner for the step, see `lendFillBuffer`).
    private var touchedScratch: [Int] = []
    private var fillScratch: [LimitOrder] = []
    /// What happened to resting orders since the owner last cleared the list, oldest first
    /// (full detail only: see `Session.note`).
    public internal(set) var events: [OrderEvent] = []
    /// Draws for fills within a step (the bridge), on their own stream so the price path is
    /// the same whatever orders rest.
    var rng: Xoshiro256StarStar
    /// The session's clock: a day of impact's σ_day and ADV, and the hours latency counts in.
    let dayCount: DayCount
    /// Whether the execution terms are other than standard: market orders then go through the
    /// desk (`Session.sendMarketOrder`), and every step runs `Session.executeWithinStep`.
    let executes: Bool
    /// Whether any limit order was ever placed (or the terms are not the standard ones): the
    /// step only then looks at the working orders. A stored flag, because reading the order
    /// array every step of the Monte Carlo costs a retain and a release.
    var ordersMayRest: Bool

    init(terms: ExecutionTerms, rng: Xoshiro256StarStar, dayCount: DayCount = .calendarDays) {
        self.terms = terms
        self.rng = rng
        self.dayCount = dayCount
        nextFundingTime = terms.fundingIntervalYears
        executes = !terms.isStandard
        ordersMayRest = executes
    }

    /// Shares of the market orders in flight, signed.
    public var sharesInFlight: Double { inFlight.reduce(0) { $0 + $1.shares } }

    /// Whether the hedge is a perpetual future.
    var tradesPerp: Bool { terms.venue == .cryptoPerp }

    var funding: Funding { Funding(rate: terms.fundingRate, interval: terms.fundingIntervalYears) }

    var impact: MarketImpact {
        MarketImpact(coefficient: terms.impact, dailyVolume: terms.dailyVolume, touchSize: terms.touchSize,
                     daysPerYear: dayCount.daysPerYear)
    }

    /// `latency_ms` in years of the session's clock: trading time runs only in the 6.5 hours of a trading day.
    var latencyYears: Double { terms.latencyMs / (1000 * 3600 * dayCount.hoursPerDay * dayCount.daysPerYear) }

    /// Rests a limit order placed when the mid was `mid`; returns it.
    @discardableResult
    mutating func place(shares: Double, price: Double, step: Int, isLadder: Bool, mid: Double) -> LimitOrder {
        let order = LimitOrder(id: nextOrderID, shares: shares, price: price, placedStep: step, isLadder: isLadder,
                               midWhenPlaced: mid)
        nextOrderID += 1
        orders.append(order)
        ordersMayRest = true
        return order
    }

    /// Cancels every resting order (or only the ladder's); returns them.
    /// Cancels every resting order (or only the ladder's) without listing them: for an owner
    /// that notes nothing (the Monte Carlo), which then allocates nothing.
    mutating func cancelQuietly(ladderOnly: Bool = false) {
        guard !orders.isEmpty else { return }
        if ladderOnly && !orders.allSatisfy(\.isLadder) {
            orders.removeAll { $0.isLadder }
        } else {
            orders.emptyKeepingCapacity()
        }
    }

    @discardableResult
    mutating func cancel(ladderOnly: Bool = false) -> [LimitOrder] {
        guard !orders.isEmpty else { return [] }
        let cancelled = orders.filter { !ladderOnly || $0.isLadder }
        orders.removeAll { !ladderOnly || $0.isLadder }
        return cancelled
    }

    /// An empty buffer for a step's fills, with the capacity of the last one: give it back
    /// with `returnFillBuffer` once read.
    mutating func lendFillBuffer() -> [LimitOrder] {
        var buffer: [LimitOrder] = []
        swap(&buffer, &fillScratch)
        buffer.emptyKeepingCapacity()
        return buffer
    }

    mutating func returnFillBuffer(_ buffer: consuming [LimitOrder]) { fillScratch = buffer }

    /// Appends to `filled` the orders that filled during a step from ln S `start` to `end`
    /// (variance σ²·dt), removed from the book, in the order the path most likely met them
    /// (nearest the open first). With `knownRange` (ln S low and high, a price file's) the
    /// orders fill against it and nothing is drawn; otherwise against the bridge, whose draws
    /// come back (for the step's bar).
    mutating func takeFills(start: Double, end: Double, variance: Double,
                            knownRange: (low: Double, high: Double)? = nil,
                            into filled: inout [LimitOrder]) -> StepPathDraws? {
        var indices: [Int] = []
        swap(&indices, &touchedScratch)
        defer { swap(&indices, &touchedScratch) }
        indices.emptyKeepingCapacity()
        let draws: StepPathDraws?
        if let knownRange {
            StepTouches.filled(orders, low: knownRange.low, high: knownRange.high, into: &indices)
            draws = nil
        } else {
            draws = StepTouches.filled(orders, start: start, end: end, variance: variance, using: &rng, into: &indices)
        }
        guard !indices.isEmpty else { return draws }
        // At most a few orders rest: index and swap in place rather than map, sort and hash ids.
        let first = filled.count
        for index in indices { filled.append(orders[index]) }
        let open = start
        let count = filled.count - first
        if count == 2 {
            // A stable sort of two: swap only when the second is strictly nearer the open.
            if abs(log(filled[first + 1].price) - open) < abs(log(filled[first].price) - open) {
                filled.swapAt(first, first + 1)
            }
        } else if count > 2 {
            filled[first...].sort { abs(log($0.price) - open) < abs(log($1.price) - open) }
        }
        // `indices` ascend: removing from the back keeps the ones before valid.
        for index in indices.reversed() {
            if index == orders.count - 1 { orders.removeLast() } else { orders.remove(at: index) }
        }
        return draws
    }

    /// The orders a market's open at `open` (currency) crosses after a closure, removed, each
    /// priced at the open: no one traded in the gap, so a buy resting at or above the open (a
    /// sell at or below it) fills there, better than its limit.
    mutating func takeGapFills(open: Double) -> [LimitOrder] {
        let crossed = orders.filter { $0.isBuy ? $0.price >= open : $0.price <= open }
        guard !crossed.isEmpty else { return [] }
        let ids = Set(crossed.map(\.id))
        orders.removeAll { ids.contains($0.id) }
        return crossed.map { var fill = $0; fill.price = open; return fill }
    }

    /// The orders in flight that reach the market by `time`, removed, oldest first.
    mutating func takeArrivals(by time: Double) -> [OrderInFlight] {
        guard inFlight.contains(where: { $0.fillTime <= time }) else { return [] }
        let arrived = inFlight.filter { $0.fillTime <= time }
        inFlight.removeAll { $0.fillTime <= time }
        return arrived
    }
}
