import Foundation

/// One gamma-scalping session: the market, the book, the hedge and the P&L, as a value that
/// only `apply(_:)` changes. The live screen, the Monte Carlo and replay all drive this type,
/// so the same configuration, seed and actions give the same numbers everywhere.
///
/// It composes owned parts, each in its own file: the `SessionLedger` (cash, stock, counts,
/// marks, attribution, the P&L identity), the `MarketClock` (steps, gaps, accrual, expiries),
/// the `ImpliedVolSurface` (ATM vol, its moves, the smile) and the `ExecutionDesk` (orders,
/// fills, funding). This file steps the market and routes actions; `Session+Trading` books
/// trades, `Session+Hedger` is the auto-hedger's view of risk, `Session+Readouts` what the
/// front ends read.
///
/// Conventions: time in years from the start (`time = step × timeStep`); the options are
/// bought at time 0 at their model value at their implied vol, financed by cash; cash
/// accrues at the rate; P&L = cash + stock × spot + options marked at implied vol.
public struct Session: Sendable {
    public let config: SessionConfig
    public internal(set) var spot: Double
    /// ln(spot), carried along the path: the hedger's deltas need it every step.
    var logSpot: Double
    public internal(set) var book: OptionBook
    public private(set) var hedgeRule: HedgeRule
    public private(set) var autoHedge: Bool
    public private(set) var lotSize: Double
    /// True after the last step or a `finish` action; further actions are ignored.
    public private(set) var isFinished = false

    /// Cash, stock, trade counts, marks and P&L attribution.
    public internal(set) var ledger: SessionLedger
    /// Steps, closures, accrual and expiries.
    public internal(set) var clock: MarketClock
    /// The implied vols and how they move.
    public internal(set) var volSurface: ImpliedVolSurface
    /// Working and in-flight orders, the execution cost parts, funding (see `ExecutionDesk`).
    public internal(set) var desk: ExecutionDesk
    /// Each step's open, high, low and close (full detail; see `Session+Bars`).
    public internal(set) var bars: SessionBars

    /// The realized-vol estimators: rolling window and EWMA (full detail, or when the hedge
    /// reads one), and all log returns of the session (full detail).
    public internal(set) var rollingVol: RealizedVolEstimator
    public internal(set) var ewmaVol: EWMAVolEstimator
    public internal(set) var returns = RunningStatistics()
    /// The most recent scheduled event that fired, if any.
    public private(set) var latestEvent: ScheduledEvent?

    let seed: UInt64
    /// The random stream the session runs on (a Monte Carlo path's index).
    var stream: UInt64
    var rng: Xoshiro256StarStar
    var process: MarketProcess
    /// For a GBM market, its step constants: the step is then a normal and an exp, without
    /// going through the `MarketProcess` enum (whose copies dominate a GBM step).
    /// (A var: a gap of the equity calendar swaps in its own for its one step, see `crossGap`.)
    var gbmStep: GeometricBrownianMotion.Step?
    /// The normal draw's table, read once rather than through its lazy global every step.
    /// Constants never written after they are built, hence safe to share (see `NormalZiggurat`).
    nonisolated(unsafe) let normalTable = NormalZiggurat.table
    /// Whether the scenario schedules events. Kept apart because asking `config.events`
    /// costs a retain and a release of its array every step.
    let hasEvents: Bool
    /// Whether the session replays a price file with high and low columns: limit orders then
    /// fill against the file's range instead of a drawn bridge.
    let replaysRanges: Bool
    /// How the auto-hedger sees risk: its vol and its per-step constants (see `HedgeRiskView`).
    var hedgerView: HedgeRiskView

    /// Starts a session at time 0. If auto-hedging is on with a rule other than `none`,
    /// the book is hedged to neutral at time 0.
    public init(config: SessionConfig, seed: UInt64, stream: UInt64 = 0) {
        self.config = config
        spot = config.spot
        logSpot = log(config.spot)
        book = config.book
        hedgeRule = config.hedgeRule
        autoHedge = config.autoHedge
        lotSize = config.lotSize
        self.seed = seed
        rng = Xoshiro256StarStar(seed: seed, stream: stream)
        process = config.process
        if case .geometricBrownian(let gbm) = config.process {
            gbmStep = gbm.step(dt: config.timeStep)
        } else {
            gbmStep = nil
        }
        clock = MarketClock(config: config)
        desk = ExecutionDesk(terms: config.executionTerms, rng: Self.executionGenerator(seed: seed, stream: stream),
                             dayCount: config.dayCount)
        rollingVol = RealizedVolEstimator(window: config.volatilityWindow)
        bars = SessionBars(window: config.volatilityWindow)
        self.stream = stream
        if case .historical(let path) = config.process { replaysRanges = path.hasRanges } else { replaysRanges = false }
        ewmaVol = EWMAVolEstimator(halfLife: config.ewmaHalfLife)
        let opening = config.book.greeks(spot: config.spot, time: 0, rate: config.rate, dividendYield: config.dividendYield)
        ledger = SessionLedger(opening: opening, spot: config.spot, keepsTrades: config.detail == .full,
                               tradeHistory: config.tradeHistory)
        let atm = config.impliedVolModel?.atmVol
            ?? config.book.impliedVol(spot: config.spot, time: 0, rate: config.rate, dividendYield: config.dividendYield)
        volSurface = ImpliedVolSurface(config: config, atmVol: atm, rng: Self.volatilityGenerator(seed: seed, stream: stream))
        hasEvents = !config.events.isEmpty
        hedgerView = HedgeRiskView(config: config)
        if config.detail == .full { ledger.markedBook.mark(book, spot: spot, time: 0) }
        hedgerView.deltaSchedule = makeDeltaSchedule()
        if autoHedge, hedgeRule != .none {
            rebalance(toNetDelta: 0, from: hedgeDelta, reason: .auto)
            if case .ladder(let ladder) = hedgeRule { layLadder(ladder) }
        }
    }

    /// This session (at time 0, before any action) on random stream `stream`: the same as
    /// `Session(config:seed:stream:)`, without redoing the work that does not depend on the
    /// stream. The Monte Carlo's paths are copies of one session, sharing its delta schedule.
    func onStream(_ stream: UInt64) -> Session {
        var copy = self
        copy.rng = Xoshiro256StarStar(seed: seed, stream: stream)
        copy.volSurface.rng = Self.volatilityGenerator(seed: seed, stream: stream)
        copy.desk.rng = Self.executionGenerator(seed: seed, stream: stream)
        copy.stream = stream
        return copy
    }

    /// The bars' own stream: drawing highs and lows moves no other number of the session.
    var barGenerator: Xoshiro256StarStar {
        Xoshiro256StarStar(seed: SplitMix64.mix(seed ^ 0x0B1C_BA25_4161_C0DE), stream: stream)
    }

    private static func executionGenerator(seed: UInt64, stream: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: SplitMix64.mix(seed ^ 0xB1D_A5C0_F111_0DE5), stream: stream)
    }

    private static func volatilityGenerator(seed: UInt64, stream: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: SplitMix64.mix(seed ^ 0x5EED_0F1D_A1E5_7A7E), stream: stream)
    }

    // MARK: - Actions

    public mutating func apply(_ action: SessionAction) {
        guard !isFinished else { return }
        switch action {
        case .tick: if clock.marketShuts { tickOnCalendar() } else { advance() }
        case .trade(let shares): trade(shares: shares, reason: .manual)
        case .buyLot: trade(shares: manualLot, reason: .manual)
        case .sellLot: trade(shares: -manualLot, reason: .manual)
        case .hedgeNow: rebalance(toNetDelta: 0, from: hedgeDelta, reason: .manual)
        case .setAutoHedge(let on): setAutoHedge(on)
        case .toggleAutoHedge: setAutoHedge(!autoHedge)
        case .setHedgeRule(let rule):
            if rule != hedgeRule { cancelOrders(ladderOnly: true) }
            hedgeRule = rule
        case .placeLimit(let shares, let price): placeLimit(shares: shares, price: price)
        case .cancelOrders: cancelOrders()
        case .setLotSize(let size): if size.isFinite, size >= 0 { lotSize = size }
        case .tradeOption(let order): tradeOption(order)
        case .finish: finish()
        }
    }

    /// The lot `b`/`s` trade: one lot, or one share when trading fractionally.
    /// What `b`, `s` and a limit order trade, in units: the lot, or at lot 0 (fractional) the
    /// unit's manual size.
    public var manualLot: Double { lotSize > 0 ? lotSize : config.tradingUnit.manualSizeWhenFractional }

    private mutating func setAutoHedge(_ on: Bool) {
        // The ladder's orders are the auto-hedger's: they stop working when it stops.
        if !on { cancelOrders(ladderOnly: true) }
        autoHedge = on
    }

    /// The next step of a market that shuts: across the gap when one follows, else a plain one.
    @inline(never)
    private mutating func tickOnCalendar() {
        if clock.gapFollows { crossGap() } else { advance() }
    }

    /// The step across a market closure: one step spanning the gap's grid steps, with the
    /// gap's own step constants (its price move has the variance of its time; cash and
    /// dividends accrue over it; options decay by it). The hedger's next chance to trade is
    /// at its end, the open. Kept out of `advance`, which only reads the constants it swaps.
    private mutating func crossGap() {
        let plainStep = gbmStep
        let plain = clock.enterGap(rate: config.rate)
        if plain.spans, case .geometricBrownian(let gbm) = config.process { gbmStep = gbm.step(dt: clock.stepLength) }
        advance()
        clock.leaveGap(interest: plain.interest, dividend: plain.dividend)
        gbmStep = plainStep
    }

    /// Ticks to the end with no other action: a Monte Carlo path. The same as applying `.tick`
    /// until finished, with the step inlined into this loop (see `advance`).
    mutating func runToEnd() {
        // A market that shuts crosses its gaps out of line; one that never shuts needs no check.
        if clock.marketShuts {
            while !isFinished { tickOnCalendar() }
        } else {
            while !isFinished { advance() }
        }
    }

    /// One step of the market, then the P&L bookkeeping and the hedger. This body is the Monte
    /// Carlo's inner loop: everything a constant-vol, market-order, `pnlOnly` step does not need
    /// (events, the execution layer, expiries, the estimators, full detail, a non-GBM process)
    /// is behind a stored flag and out of line, so what is left inlines into `runToEnd` with the
    /// normal draw (0.2.0's 441 instructions a path-step; 489 while it was a call).
    @inline(__always)
    private mutating func advance() {
        let previousSpot = spot
        let previousLogSpot = logSpot
        let previousTime = time
        if let gbmStep {
            let increment = gbmStep.logIncrement(normal: NormalZiggurat.sample(using: &rng, table: normalTable))
            spot *= exp(increment)
            logSpot += increment
        } else {
            advanceProcess()
        }
        clock.step += clock.stepSpan
        let now = time
        let closeBeforeEvents = logSpot
        let eventVolChange = hasEvents ? applyEvents(between: previousTime, and: now) : 0

        let financing = ledger.accrue(interestPerStep: clock.interestPerStep, dividendPerStep: clock.dividendPerStep,
                                      perpNotionalCash: desk.perpNotionalCash, previousSpot: previousSpot)
        // Fills inside the step trade at their own prices, not at the last close: the step's
        // delta P&L counts what they made up to this close (see `SessionLedger.attributeStep`).
        var intraStep = IntraStepFills(stockAtOpen: ledger.stockShares)
        if desk.ordersMayRest {
            intraStep.notional = executeIntraStep(from: previousLogSpot, to: closeBeforeEvents, startTime: previousTime)
        }
        if clock.expires(by: now) { settleExpiries(at: now) }

        let detailed = config.detail == .full
        if volSurface.moves {
            moveImpliedVols(eventChange: eventVolChange, previousSpot: previousSpot)
        }
        ledger.lastStep = PnLAttribution()
        if detailed {
            recordBar(open: previousSpot, openLog: previousLogSpot, closeBeforeEvents: closeBeforeEvents)
            attributeStep(previousSpot: previousSpot, financing: financing, fills: intraStep)
        } else if hedgerView.estimatesHedgeVol, !clock.isCrossingGap {
            // Full detail feeds the estimators in `attributeStep`; the hedge below reads them.
            feedRealizedVolEstimators(previousSpot: previousSpot)
        }

        if clock.step >= config.steps {
            finish()
        } else if autoHedge, hedgeRule != .none {
            autoHedgeStep(now: now)
        }
        if detailed { ledger.recordHedgingError() }
    }

    // The step's cold parts, out of line so that `advance` stays small enough to inline.

    /// A process other than GBM (jumps, Heston): through the `MarketProcess` enum.
    @inline(never)
    private mutating func advanceProcess() {
        spot = process.advance(spot: spot, dt: clock.stepLength, using: &rng)
        logSpot = log(spot)
    }

    /// Fires the scheduled events in (previousTime, now]: their price gaps, and the sum of
    /// their implied-vol changes (returned).
    @inline(never)
    private mutating func applyEvents(between previousTime: Double, and now: Double) -> Double {
        var eventVolChange = 0.0
        for event in config.events.events(between: previousTime, and: now) {
            spot *= event.priceFactor
            logSpot = log(spot)
            eventVolChange += event.impliedVolChange
            latestEvent = event
        }
        return eventVolChange
    }

    /// The execution layer's step (see `executeWithinStep`); returns what its fills paid for
    /// their shares, Σ q·K (currency, without costs).
    @inline(never)
    private mutating func executeIntraStep(from start: Double, to end: Double, startTime: Double) -> Double {
        let before = (ledger.cash, ledger.attribution.costs, ledger.attribution.funding)
        executeWithinStep(from: start, to: end, startTime: startTime)
        // cash moved by −Σ q·K − costs + funding.
        return -(ledger.cash - before.0) + (ledger.attribution.costs - before.1) + (ledger.attribution.funding - before.2)
    }

    /// Settles the options expiring now at intrinsic value.
    @inline(never)
    private mutating func settleExpiries(at now: Double) {
        ledger.cash += book.settleExpired(at: now, spot: spot)
        clock.nextExpiry = book.nextExpiry
    }

    /// The step's return into the rolling and EWMA estimators (not across a closure).
    @inline(never)
    private mutating func feedRealizedVolEstimators(previousSpot: Double) {
        let logReturn = log(spot / previousSpot)
        rollingVol.add(logReturn: logReturn)
        ewmaVol.add(logReturn: logReturn)
    }

    /// Full detail: the estimators, then the step's P&L attribution in the ledger. Kept out of
    /// `advance` so the `pnlOnly` step (the Monte Carlo's inner loop) stays short.
    @inline(never)
    private mutating func attributeStep(previousSpot: Double, financing: Double, fills: IntraStepFills) {
        if !clock.isCrossingGap {
            feedRealizedVolEstimators(previousSpot: previousSpot)
            returns.add(log(spot / previousSpot))
        }
        ledger.attributeStep(from: previousSpot, to: spot, greeks: currentGreeks(), book: book, time: time,
                             stepLength: clock.stepLength, rate: config.rate, dividendYield: config.dividendYield,
                             financing: financing, fills: fills)
    }

    /// Moves the implied vols and re-marks the positions (see `ImpliedVolSurface.move`).
    @inline(never)
    private mutating func moveImpliedVols(eventChange: Double, previousSpot: Double) {
        volSurface.move(book: &book, eventChange: eventChange, spot: spot, previousSpot: previousSpot, time: time,
                        stepLength: clock.stepLength, isCrossingGap: clock.isCrossingGap)
    }

    /// Once a session, out of line: see `advance`.
    @inline(never)
    mutating func finish() {
        // Orders still working or in flight at the end never fill: the close-out trades it all.
        cancelOrders()
        desk.inFlight.removeAll()
        // Counted here rather than in `trade`, which the Monte Carlo runs every step.
        let before = ledger.tradeCount
        trade(shares: -ledger.stockShares, reason: .closeOut)
        ledger.closeOutTradeCount += ledger.tradeCount - before
        isFinished = true
    }
}
