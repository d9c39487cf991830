import Foundation

/// The session's execution layer: market orders against the quote with impact and latency,
/// resting limit orders filled from the path between closes, the ladder, and funding. Runs
/// only for non-standard `ExecutionTerms` or while limit orders rest, so standard sessions
/// (and the Monte Carlo's speed) are those of the plain model.
extension Session {
    /// The quote now: bid and ask around the spot.
    public var quote: Quote {
        Quote(mid: spot, volatility: quoteVolatility, timeStep: config.timeStep, costs: config.costs, terms: desk.terms,
              daysPerYear: desk.dayCount.daysPerYear)
    }

    /// The session's costs in parts. Trades of the plain model (standard terms) book one cost
    /// each, split here: their fees are the fee per share × their shares, the rest is spread.
    public var executionCosts: ExecutionCosts {
        var parts = desk.costs
        guard !desk.executes else { return parts }
        let layered = parts.spread + parts.impact + parts.fees - parts.rebates
        let plainFees = (sharesTraded - parts.sharesFilled) * config.costs.feePerShare
        parts.fees += plainFees
        parts.spread += max(-attribution.costs - layered - plainFees, 0)
        parts.marketFills = tradeCount - parts.limitFills
        return parts
    }

    /// A market order: in flight for `latency_ms` if there is latency (the close-out, which
    /// ends the session, fills at once), else filled now.
    mutating func sendMarketOrder(shares: Double, reason: TradeReason) {
        if desk.terms.latencyMs > 0 && reason != .closeOut {
            desk.inFlight.append(OrderInFlight(shares: shares, fillTime: time + desk.latencyYears,
                                               midWhenSent: spot, sentStep: step, reason: reason))
        } else {
            fillMarket(shares: shares, mid: spot, reason: reason)
        }
    }

    /// Fills a market order at `mid`'s touch plus square-root impact, paying the taker fee and
    /// the fee per share; `sentAt` is the mid when it was sent at step `sentStep` (nil: `mid`, now).
    mutating func fillMarket(shares: Double, mid: Double, reason: TradeReason, sentAt: Double? = nil, sentStep: Int? = nil) {
        // Written out rather than through `marketOrderCost`: a non-mutating method of `self`
        // called from this mutating one copies the whole session (about 2 kB) every fill.
        let terms = desk.terms
        let volatility = quoteVolatility
        let quote = Quote(mid: mid, volatility: volatility, timeStep: config.timeStep, costs: config.costs, terms: terms,
                          daysPerYear: desk.dayCount.daysPerYear)
        let size = abs(shares)
        let impact = desk.impact.perShare(shares: shares, mid: mid, volatility: volatility)
        let fees = size * (config.costs.feePerShare + mid * terms.takerFeeBps * 1e-4)
        bookFill(shares: shares, price: mid, spread: size * quote.halfSpread, impact: size * impact, fees: fees,
                 reason: reason, isLimit: false, midWhenSent: sentAt ?? mid, sentStep: sentStep)
    }

    /// What a market order of `shares` (either sign) pays at `mid`'s quote, currency: the half
    /// spread, the square-root impact and the taker fee plus the fee per share, each ≥ 0.
    func marketOrderCost(shares: Double, mid: Double) -> (spread: Double, impact: Double, fees: Double) {
        let terms = desk.terms
        let volatility = quoteVolatility
        let quote = Quote(mid: mid, volatility: volatility, timeStep: config.timeStep, costs: config.costs, terms: terms,
                          daysPerYear: desk.dayCount.daysPerYear)
        let size = abs(shares)
        let impact = desk.impact.perShare(shares: shares, mid: mid, volatility: volatility)
        let fees = size * (config.costs.feePerShare + mid * terms.takerFeeBps * 1e-4)
        return (size * quote.halfSpread, size * impact, fees)
    }

    /// What a market order of `shares` (either sign) sent now would cost at the current quote,
    /// currency (≥ 0): the plain model's costs, or with execution terms the half spread, the
    /// impact and the fees (`fillMarket`'s; an order in flight fills later at another mid).
    public func costOfMarketOrder(shares: Double) -> Double {
        guard desk.executes else { return config.costs.cost(shares: shares, price: spot) }
        let cost = marketOrderCost(shares: shares, mid: spot)
        return cost.spread + cost.impact + cost.fees
    }

    /// The fees a resting order of `shares` pays when it fills at `price`, currency: the fee
    /// per share and the maker fee (negative when the maker rebate is larger).
    public func limitFillFees(shares: Double, price: Double) -> Double {
        abs(shares) * config.costs.feePerShare + abs(shares) * price * desk.terms.makerFeeBps * 1e-4
    }

    /// Rests a limit order; ignored unless the price is positive and the size non-zero (the
    /// front ends refuse such input before it gets here).
    mutating func placeLimit(shares: Double, price: Double) {
        guard shares.isFinite, shares != 0, price.isFinite, price > 0 else { return }
        placeOrder(shares: shares, price: price, isLadder: false)
    }

    /// Rests a limit order at the mid now, noting it.
    private mutating func placeOrder(shares: Double, price: Double, isLadder: Bool) {
        let order = desk.place(shares: shares, price: price, step: step, isLadder: isLadder, mid: spot)
        note(.order, order)
    }

    /// Cancels the resting orders (or only the ladder's), noting each.
    mutating func cancelOrders(ladderOnly: Bool = false) {
        // Without full detail nothing is noted, so the cancelled orders need not be listed.
        guard config.detail == .full else { return desk.cancelQuietly(ladderOnly: ladderOnly) }
        for order in desk.cancel(ladderOnly: ladderOnly) { note(.cancel, order) }
    }

    /// Notes what happened to an order (full detail only: the Monte Carlo keeps no record).
    private mutating func note(_ kind: OrderEvent.Kind, _ order: LimitOrder) {
        guard config.detail == .full else { return }
        desk.events.append(OrderEvent(kind: kind, step: step, time: time, order: order))
    }

    /// Forgets the order events noted so far (the owner has read them).
    mutating func clearOrderEvents() {
        if !desk.events.isEmpty { desk.events.removeAll(keepingCapacity: true) }
    }

    /// What happened during the step just taken, from ln S `start` to `end` (the close before
    /// any scheduled gap): resting orders the path touched fill at their prices, orders in
    /// flight reach the market, and funding falls due at the close.
    mutating func executeWithinStep(from start: Double, to end: Double, startTime: Double) {
        // `stepVariance` and `knownLogRange` spelled out: calling the getters from this mutating
        // method copied the whole session (about 2 kB) every step.
        let variance: Double
        if let gbmStep { variance = gbmStep.diffusion * gbmStep.diffusion } else { variance = stepVariance }
        let keepsBars = config.detail == .full
        if !desk.orders.isEmpty {
            let knownRange = replaysRanges ? knownLogRange : nil
            var fills = desk.lendFillBuffer()
            defer { desk.returnFillBuffer(fills) }
            let draws: StepPathDraws?
            // Across a closure nothing trades until the open: the gap is not bridged.
            if isCrossingGap {
                fills.append(contentsOf: desk.takeGapFills(open: exp(end)))
                draws = nil
            } else {
                draws = desk.takeFills(start: start, end: end, variance: variance, knownRange: knownRange, into: &fills)
            }
            if keepsBars, let draws { bars.noteDraws(draws) }
            for order in fills {
                note(.fill, order)
                if keepsBars { bars.noteFill(atLog: log(order.price)) }
                let notional = abs(order.shares) * order.price
                let fees = abs(order.shares) * config.costs.feePerShare + notional * desk.terms.makerFeeBps * 1e-4
                bookFill(shares: order.shares, price: order.price, spread: 0, impact: 0, fees: fees,
                         reason: order.isLadder ? .auto : .manual, isLimit: true, midWhenSent: order.midWhenPlaced,
                         sentStep: order.placedStep)
                if order.isLadder {
                    // A ladder fill moves P; the other side is laid again around it at the close.
                    desk.ladderPrice = order.price
                    cancelOrders(ladderOnly: true)
                }
            }
        }
        if !desk.inFlight.isEmpty {
            // An order arriving within the step fills at the bridge's point at its arrival:
            // ln S there is normal, mean a + f(b − a), variance v·f(1 − f), f the step's fraction.
            for order in desk.takeArrivals(by: time + OptionBook.timeTolerance) {
                // Across a closure an order arrives at the open.
                let f = isCrossingGap ? 1 : min(max((order.fillTime - startTime) / config.timeStep, 0), 1)
                let logMid = start + f * (end - start) + (variance * f * (1 - f)).squareRoot() * desk.rng.nextNormal()
                let mid = exp(logMid)
                if keepsBars { bars.noteFill(atLog: logMid) }
                desk.costs.latencySlippage += (mid - order.midWhenSent) * order.shares
                fillMarket(shares: order.shares, mid: mid, reason: order.reason, sentAt: order.midWhenSent, sentStep: order.sentStep)
            }
        }
        if desk.tradesPerp && desk.terms.fundingRate != 0 {
            let funding = desk.funding
            while desk.nextFundingTime <= time + OptionBook.timeTolerance {
                bookFunding(funding.received(position: stockShares, mark: spot))
                desk.nextFundingTime += funding.interval
            }
        }
    }

    /// Lays the ladder's two orders around P unless they are working already.
    mutating func layLadder(_ ladder: LadderHedge) {
        guard !desk.orders.contains(where: { $0.isLadder }) else { return }
        // Written out rather than through `ladderOrders`, which would copy the session (see `fillMarket`).
        let center = desk.ladderPrice ?? spotAtLastHedge
        let levels = ladder.levels(around: center, tick: desk.terms.tick)
        let volatility = config.hedgeVolatility == .implied ? nil : hedgeVolOverride
        let sell = ladder.size.map { -$0 } ?? neutralisingShares(at: levels.sell, volatility: volatility)
        let buy = ladder.size ?? neutralisingShares(at: levels.buy, volatility: volatility)
        if sell < 0 { placeOrder(shares: sell, price: levels.sell, isLadder: true) }
        if buy > 0 { placeOrder(shares: buy, price: levels.buy, isLadder: true) }
    }

    /// The orders `ladder` lays on this book now around P (the last ladder fill, else the spot
    /// at the last hedge): a sell (shares < 0) above and a buy below, each nil when its
    /// neutralising trade has the wrong sign.
    public func ladderOrders(_ ladder: LadderHedge) -> (sell: (shares: Double, price: Double)?, buy: (shares: Double, price: Double)?) {
        let center = desk.ladderPrice ?? spotAtLastHedge
        let levels = ladder.levels(around: center, tick: desk.terms.tick)
        // The `hedgeVolOverride` getter, called from a mutating method, copies the whole
        // session (about 2 kB): once at most, and not at all for the implied vol (its nil).
        let volatility = config.hedgeVolatility == .implied ? nil : hedgeVolOverride
        let sell = ladder.size.map { -$0 } ?? neutralisingShares(at: levels.sell, volatility: volatility)
        let buy = ladder.size ?? neutralisingShares(at: levels.buy, volatility: volatility)
        return (sell < 0 ? (sell, levels.sell) : nil, buy > 0 ? (buy, levels.buy) : nil)
    }

    /// Shares that bring the hedger's net delta to zero if spot were `price` now, rounded to
    /// the lot (sign: what to trade; negative sells), the book's delta at `volatility` (nil:
    /// each position's implied vol; see `hedgeVolOverride`).
    @inline(__always)
    private func neutralisingShares(at price: Double, volatility: Double?) -> Double {
        let options = book.delta(spot: price, time: time, rate: config.rate, dividendYield: config.dividendYield,
                                 volatility: volatility)
        var shares = -(options + stockShares + desk.sharesInFlight)
        if lotSize > 0 { shares = (shares / lotSize).rounded() * lotSize }
        return shares.isFinite ? shares : 0
    }
}
