import Foundation

/// Trading: the session's trades of stock and options, booked in its ledger. Market orders
/// of the plain model fill at once at spot with the model's costs; other terms go through the
/// execution desk (`Session+Execution`), whose fills come back here.
extension Session {
    /// Trades `shares` (signed) now for `reason`.
    mutating func trade(shares: Double, reason: TradeReason) {
        guard Self.isTradable(shares) else { return }
        if desk.executes {
            sendMarketOrder(shares: shares, reason: reason)
            return
        }
        book(shares: shares, price: spot, cost: config.costs.cost(shares: shares, price: spot), reason: reason)
    }

    /// Whether `shares` is a trade: not zero, and finite. As x − x = 0 only for a finite x, two
    /// floating-point tests instead of `isFinite`'s bit tests, a tenth of the Monte Carlo's booking.
    @inline(__always)
    static func isTradable(_ shares: Double) -> Bool {
        shares != 0 && shares - shares == 0
    }

    /// Books a trade of `shares` at `price` that cost `cost` in all, and records it (full
    /// detail). Inlined: the plain `trade` runs it every step of the Monte Carlo.
    @inline(__always)
    mutating func book(shares: Double, price: Double, cost: Double, reason: TradeReason) {
        ledger.book(shares: shares, price: price, cost: cost, isManual: reason == .manual)
        if ledger.keepsTrades { record(shares: shares, price: price, cost: cost, reason: reason) }
    }

    /// Adds the trade to the ledger's recent trades (full detail). A method of the session, out
    /// of line: calling the ledger's from `book` made every caller of the inlined `book` save a
    /// register (2 instructions a path-step of the Monte Carlo).
    @inline(never)
    private mutating func record(shares: Double, price: Double, cost: Double, reason: TradeReason) {
        ledger.record(Trade(time: time, step: step, quantity: shares, price: price, cost: cost, reason: reason))
    }

    /// Books a fill of `shares` at `price` (the mid for a market order, the limit for a limit
    /// order) and its cost parts: cash pays shares × price + spread + impact + fees, and the
    /// costs go to the P&L attribution's costs. `fees` < 0 is a maker rebate. `midWhenSent`
    /// (the mid when the order was sent) and `sentStep` (when sent, if before this step) go on
    /// the recorded trade, for its slippage and the journal.
    mutating func bookFill(shares: Double, price: Double, spread: Double, impact: Double, fees: Double,
                           reason: TradeReason, isLimit: Bool, midWhenSent: Double, sentStep: Int? = nil) {
        if desk.tradesPerp { desk.perpNotionalCash -= shares * price }
        desk.costs.spread += spread
        desk.costs.impact += impact
        if fees >= 0 { desk.costs.fees += fees } else { desk.costs.rebates -= fees }
        desk.costs.sharesFilled += abs(shares)
        if isLimit { desk.costs.limitFills += 1 } else { desk.costs.marketFills += 1 }
        book(shares: shares, price: price, cost: spread + impact + fees, reason: reason)
        ledger.noteSending(midWhenSent: midWhenSent, sentStep: sentStep, step: step)
    }

    /// Books a funding payment received (paid when negative).
    mutating func bookFunding(_ received: Double) {
        ledger.receive(funding: received)
        desk.costs.funding += received
    }

    /// Fills an option order at `quote(order)`: the model price at the strike's implied vol
    /// plus the option half-spread; the spread is a cost, the rest is an exchange of cash for value.
    mutating func tradeOption(_ order: OptionOrder) {
        guard order.isValid(at: time) else { return }
        let quote = quote(order)
        let position = OptionPosition(kind: order.kind, strike: order.strike, expiry: order.expiry,
                                      quantity: order.quantity, multiplier: order.multiplier, impliedVol: quote.impliedVol)
        ledger.bookOption(OptionFill(step: step, time: time, order: order, quote: quote))
        book.positions.append(position)
        clock.nextExpiry = book.nextExpiry
        hedgerView.deltaSchedule = makeDeltaSchedule()
        if config.detail == .full { ledger.mark(book, greeks: currentGreeks(), spot: spot, time: time) }
    }
}
