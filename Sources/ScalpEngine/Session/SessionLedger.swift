import DequeModule

/// The session's books: cash, the stock held as the hedge, the trades' counts, the marks the
/// P&L is attributed against, and the attribution itself. Everything here is currency or
/// shares; the session decides what happens and books it here.
///
/// The P&L identity (`pnl(spot:optionsValue:)`) lives here and nowhere else: P&L = cash +
/// stock × spot + the options' value. A per-step figure a grader accumulates from the
/// attribution (issue 18's decision utility) belongs beside `attribution` here.
public struct SessionLedger: Sendable {
    /// Cash, currency; starts at minus the premium paid for the book.
    public internal(set) var cash: Double
    /// Shares of the underlying held (the hedge), signed.
    public internal(set) var stockShares = 0.0
    /// Cumulative P&L attribution (full detail only; costs and financing always).
    public internal(set) var attribution = PnLAttribution()
    /// Attribution of the latest step (full detail).
    public internal(set) var lastStep = PnLAttribution()
    /// Trades booked, of which by hand, and the trade that closes the stock out at the end (0 or 1).
    public internal(set) var tradeCount = 0
    public internal(set) var manualTradeCount = 0
    public internal(set) var closeOutTradeCount = 0
    /// Option contracts bought or sold during the session (the option ticket).
    public internal(set) var optionTradeCount = 0
    /// Σ |shares| over all trades.
    public internal(set) var sharesTraded = 0.0
    /// Σ |shares| × fill price over all trades, currency.
    public internal(set) var notionalTraded = 0.0
    /// The price of the latest trade, currency (the opening spot before any).
    public internal(set) var spotAtLastHedge: Double
    /// The most recent trades, newest last, at most `tradeHistory` (full detail).
    public internal(set) var recentTrades: Deque<Trade> = []
    /// Every option order filled, oldest first (full detail; a few a session at most).
    public internal(set) var optionFills: [OptionFill] = []
    /// Per-step deviation of the P&L from the continuously hedged book's (delta, costs, speed
    /// and residual terms), whose standard deviation is the hedging error (full detail).
    public internal(set) var hedgingError = RunningStatistics()
    /// The options' Greeks at implied vol as of the end of the last action (full detail): the
    /// base of the next step's attribution, and what a grader reads instead of recomputing them.
    public internal(set) var markedGreeks: OptionGreeks
    /// P&L as of the end of the last action (full detail), currency.
    var markedPnL = 0.0
    /// The book at the last mark (full detail): the base of the next step's vol and speed attribution.
    var markedBook = MarkedBook()
    /// Whether trades are kept in `recentTrades` (full detail; the Monte Carlo keeps none).
    let keepsTrades: Bool
    /// How many recent trades are kept.
    let tradeHistory: Int

    /// The books at time 0: the options bought at `opening` (their Greeks at implied vol,
    /// paid for in cash), no stock, spot `spot`.
    init(opening: OptionGreeks, spot: Double, keepsTrades: Bool, tradeHistory: Int) {
        cash = -opening.price
        markedGreeks = opening
        spotAtLastHedge = spot
        self.keepsTrades = keepsTrades
        self.tradeHistory = tradeHistory
    }

    /// The session's P&L by `PnLIdentity`, currency, with the options marked at implied vol
    /// (`optionsValue`).
    @inline(__always)
    public func pnl(spot: Double, optionsValue: Double) -> Double {
        PnLIdentity.pnl(cash: cash, stockShares: stockShares, spot: spot, optionValue: optionsValue)
    }

    /// Trades the auto-hedger made (including its hedge at time 0).
    public var autoTradeCount: Int { tradeCount - manualTradeCount - closeOutTradeCount }

    /// The hedging error so far, currency: the standard deviation of the per-step deviation
    /// from the continuously hedged book, scaled by √(steps) to the whole session so far
    /// (steps treated as independent). Zero before two steps.
    public var hedgingErrorSoFar: Double {
        hedgingError.standardDeviation * Double(hedgingError.count).squareRoot()
    }

    // MARK: - Booking

    /// Books a trade of `shares` at `price` that cost `cost` in all: cash, stock, the costs'
    /// attribution and the counts. Inlined: the plain trade runs it every step of the Monte Carlo.
    @inline(__always)
    mutating func book(shares: Double, price: Double, cost: Double, isManual: Bool) {
        cash -= shares * price + cost
        stockShares += shares
        charge(cost: cost)
        tradeCount += 1
        sharesTraded += abs(shares)
        notionalTraded += abs(shares) * price
        spotAtLastHedge = price
        if isManual { manualTradeCount += 1 }
    }

    /// Books an option trade: cash pays the premium, the options at their implied vol plus the
    /// spread, which goes to the costs' attribution.
    mutating func bookOption(_ fill: OptionFill) {
        cash -= fill.premium
        charge(cost: fill.cost)
        optionTradeCount += 1
        if keepsTrades { optionFills.append(fill) }
    }

    /// A cost paid, currency: to the costs' bucket of the session and of the step, and out of
    /// the marked P&L, so the step's residual does not count it.
    @inline(__always)
    mutating func charge(cost: Double) {
        attribution.costs -= cost
        lastStep.costs -= cost
        markedPnL -= cost
    }

    /// A funding payment received (paid when negative): its own bucket, kept out of the
    /// step's residual like costs.
    mutating func receive(funding received: Double) {
        cash += received
        attribution.funding += received
        lastStep.funding += received
        markedPnL += received
    }

    /// Accrues a step's financing: interest on the cash (less a perpetual's notional,
    /// `perpNotionalCash`) at `interestPerStep`, and the dividends on the stock held at
    /// `previousSpot` at `dividendPerStep`. Returns their sum, currency.
    @inline(__always)
    mutating func accrue(interestPerStep: Double, dividendPerStep: Double, perpNotionalCash: Double,
                         previousSpot: Double) -> Double {
        let interest = (cash - perpNotionalCash) * interestPerStep
        let dividends = stockShares * previousSpot * dividendPerStep
        cash += interest + dividends
        attribution.financing += interest + dividends
        return interest + dividends
    }

    /// Adds a trade to the recent trades (full detail).
    mutating func record(_ trade: Trade) {
        if recentTrades.count >= tradeHistory { recentTrades.removeFirst() }
        recentTrades.append(trade)
    }

    /// Notes on the latest recorded trade the mid when its order was sent, and the step it was
    /// sent at when that was not `step` (full detail).
    mutating func noteSending(midWhenSent: Double, sentStep: Int?, step: Int) {
        guard keepsTrades, !recentTrades.isEmpty else { return }
        recentTrades[recentTrades.count - 1].midWhenSent = midWhenSent
        if let sentStep, sentStep != step { recentTrades[recentTrades.count - 1].sentStep = sentStep }
    }

    // MARK: - Marks and attribution (full detail)

    /// Marks the options at `greeks` (`book` at `spot`, session time `time`, years): the base of
    /// the next step's attribution.
    mutating func mark(_ book: OptionBook, greeks: OptionGreeks, spot: Double, time: Double) {
        markedGreeks = greeks
        markedBook.mark(book, spot: spot, time: time)
    }

    /// The step's P&L attribution from `previousSpot` to `spot` against the Greeks marked at the
    /// end of the last action; `greeks` are the options' now, `stepLength` the step's years,
    /// `financing` what it accrued, `fills` its fills inside the step. Marks the book anew.
    mutating func attributeStep(from previousSpot: Double, to spot: Double, greeks: OptionGreeks, book: OptionBook,
                                time: Double, stepLength: Double, rate: Double, dividendYield: Double,
                                financing: Double, fills: IntraStepFills) {
        let previousGreeks = markedGreeks
        let previousPnL = markedPnL
        let dS = spot - previousSpot
        markedGreeks = greeks
        var move = PnLAttribution()
        if fills.stockAtOpen == stockShares && fills.notional == 0 {
            move.delta = (previousGreeks.delta + stockShares) * dS
        } else {
            // The stock held from the open moves with the whole step; each fill at K inside it
            // makes q·(close − K).
            move.delta = (previousGreeks.delta + fills.stockAtOpen) * dS
                + ((stockShares - fills.stockAtOpen) * spot - fills.notional)
        }
        move.gamma = 0.5 * previousGreeks.gamma * dS * dS
        move.theta = previousGreeks.theta * stepLength
        markedBook.attribute(to: spot, book: book, optionDelta: previousGreeks.delta, optionGamma: previousGreeks.gamma,
                             rate: rate, dividendYield: dividendYield, into: &move)
        markedBook.mark(book, spot: spot, time: time)
        move.financing = financing
        markedPnL = pnl(spot: spot, optionsValue: markedGreeks.price)
        move.residual = (markedPnL - previousPnL) - move.explained
        attribution.delta += move.delta
        attribution.gamma += move.gamma
        attribution.theta += move.theta
        attribution.vega += move.vega
        attribution.vanna += move.vanna
        attribution.volga += move.volga
        attribution.speed += move.speed
        attribution.residual += move.residual
        lastStep = move
    }

    /// After the hedge: the step's deviation from the continuously hedged book (full detail).
    /// A jump's P&L beyond gamma (speed) is the part no hedge can follow: hedging error too.
    mutating func recordHedgingError() {
        hedgingError.add(lastStep.hedgingError)
    }
}

/// The stock a step opened with and what its fills inside the step paid for their shares
/// (Σ q·K, currency, without costs): what the step's delta attribution needs to value them
/// at the close.
struct IntraStepFills {
    var stockAtOpen: Double
    var notional = 0.0
}
