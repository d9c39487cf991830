import DequeModule
import Foundation

/// One gamma-scalping session: the market, the book, the hedge and the P&L, as a value that
/// only `apply(_:)` changes. The live screen, the Monte Carlo and replay all drive this type,
/// so the same configuration, seed and actions give the same numbers everywhere.
///
/// Conventions: time in years from the start (`time = step × timeStep`); the options are
/// bought at time 0 at their model value at their implied vol, financed by cash; cash
/// accrues at the rate; P&L = cash + stock × spot + options marked at implied vol.
public struct Session: Sendable {
    public let config: SessionConfig
    public private(set) var step = 0
    public private(set) var spot: Double
    /// ln(spot), carried along the path: the hedger's deltas need it every step.
    private var logSpot: Double
    public private(set) var book: OptionBook
    /// Shares of the underlying held (the hedge), signed.
    public private(set) var stockShares = 0.0
    /// Cash, currency; starts at minus the premium paid for the book.
    public private(set) var cash: Double
    public private(set) var hedgeRule: HedgeRule
    public private(set) var autoHedge: Bool
    public private(set) var lotSize: Double
    /// True after the last step or a `finish` action; further actions are ignored.
    public private(set) var isFinished = false

    /// Cumulative P&L attribution (full detail only; costs and financing always).
    public private(set) var attribution = PnLAttribution()
    /// Attribution of the latest step (full detail).
    public private(set) var lastStep = PnLAttribution()
    /// Counts and sums over all trades.
    public private(set) var tradeCount = 0
    public private(set) var manualTradeCount = 0
    /// The trade that closes the stock out at the end (0 or 1).
    public private(set) var closeOutTradeCount = 0
    public private(set) var sharesTraded = 0.0
    /// Σ |shares| × fill price over all trades, currency.
    public private(set) var notionalTraded = 0.0
    /// The most recent trades, newest last, at most `config.tradeHistory` (full detail).
    public private(set) var recentTrades: Deque<Trade> = []
    public private(set) var spotAtLastHedge: Double
    public private(set) var rollingVol: RealizedVolEstimator
    public private(set) var ewmaVol: EWMAVolEstimator
    /// All log returns of the session, for its realized vol (full detail).
    public private(set) var returns = RunningStatistics()
    /// Per-step deviation of the P&L from the continuously hedged book's (delta, costs and
    /// residual terms), whose standard deviation is the hedging error (full detail).
    public private(set) var hedgingError = RunningStatistics()
    /// The at-the-money implied vol now, annualised fraction: what the implied-vol model moves
    /// and new options are priced from.
    public private(set) var atmImpliedVol: Double
    /// The most recent scheduled event that fired, if any.
    public private(set) var latestEvent: ScheduledEvent?
    /// Option contracts bought or sold during the session (the option ticket).
    public private(set) var optionTradeCount = 0
    /// Working and in-flight orders, the execution cost parts, funding (see `ExecutionDesk`).
    public internal(set) var desk: ExecutionDesk
    /// Each step's open, high, low and close (full detail; see `Session+Bars`).
    public internal(set) var bars: SessionBars

    private let seed: UInt64
    /// The random stream the session runs on (a Monte Carlo path's index).
    private var stream: UInt64
    private var rng: Xoshiro256StarStar
    private var process: MarketProcess
    /// For a GBM market, its step constants: the step is then a normal and an exp, without
    /// going through the `MarketProcess` enum (whose copies dominate a GBM step).
    /// (A var: a gap of the equity calendar swaps in its own for its one step, see `crossGap`.)
    private(set) var gbmStep: GeometricBrownianMotion.Step?
    /// The normal draw's table, read once rather than through its lazy global every step.
    /// Constants never written after they are built, hence safe to share (see `NormalZiggurat`).
    nonisolated(unsafe) private let normalTable = NormalZiggurat.table
    private var nextExpiry: Double?
    /// e^{r·dt} − 1: cash grows by cash × this each step.
    private var interestPerStep: Double
    private var dividendPerStep: Double
    /// Grid steps and years the next step spans: 1 and `config.timeStep`, except over a gap.
    private var stepSpan = 1
    private var stepLength: Double
    /// Whether the step being taken crosses a market closure (a night or weekend gap of the
    /// equity calendar, or a price file's overnight row): no one trades in it, the realized-vol
    /// estimators skip its return, resting orders the open crosses fill at the open.
    public private(set) var isCrossingGap = false
    /// Where the market shuts (nil: it never does), decided once.
    private let gaps: MarketGaps?
    /// `gaps != nil`, kept apart so the step of a market that never shuts tests one flag.
    private let marketShuts: Bool
    /// The options' Greeks at implied vol as of the end of the last action (full detail): the
    /// base of the next step's attribution, and what a grader reads instead of recomputing them.
    public private(set) var markedGreeks = OptionGreeks.zero
    // P&L as of the end of the last action (full detail).
    private var markedPnL = 0.0
    // Implied-vol moves: drawn from their own stream so a scenario's price path is the same
    // with or without them.
    private var volRng: Xoshiro256StarStar
    private var volDynamics: ImpliedVolDynamics
    /// Whether any position's implied vol can change during the session.
    private let impliedVolsMove: Bool
    /// Whether moving vols re-mark every position through the implied-vol model (its
    /// dynamics, skew, term structure, or events' priced moves) rather than only adding the
    /// events' jumps to each position's own vol.
    private let remarksThroughModel: Bool
    /// Whether the hedge delta adds each option's vega times ∂σ/∂S (`HedgeDelta.smile`).
    private let hedgesSmile: Bool
    /// `config.hedgeVolatility`, kept apart so the step does not read the config.
    private let hedgeVolSource: HedgeVolatility
    /// Whether a `pnlOnly` step must still feed the realized-vol estimators: the hedge reads one.
    private let estimatesHedgeVol: Bool
    /// Whether the scenario schedules events. Kept apart because asking `config.events`
    /// costs a retain and a release of its array every step.
    private let hasEvents: Bool
    /// Whether the execution terms are other than standard: market orders then go through
    /// `sendMarketOrder`, and every step runs `executeWithinStep`.
    let executes: Bool
    /// Whether any limit order was ever placed (or the terms are not the standard ones): the
    /// step only then looks at the working orders. A stored flag, because reading the order
    /// array every step of the Monte Carlo costs a retain and a release.
    var ordersMayRest: Bool
    /// The hedger's per-step constants, when the book and the hedge vol are fixed (see
    /// `BookDeltaSchedule`); nil to compute the Greeks directly.
    private var deltaSchedule: BookDeltaSchedule?
    /// The book at the last mark (full detail): the base of the next step's vol and speed attribution.
    private var markedBook = MarkedBook()
    /// The EWMA realized vol the realized-vol link pulls implied toward (nil without the link);
    /// kept apart from `ewmaVol`, which only full detail updates.
    private var linkedRealizedVol: EWMAVolEstimator?
    /// Whether the session replays a price file with high and low columns: limit orders then
    /// fill against the file's range instead of a drawn bridge.
    let replaysRanges: Bool

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
        spotAtLastHedge = config.spot
        self.seed = seed
        rng = Xoshiro256StarStar(seed: seed, stream: stream)
        process = config.process
        if case .geometricBrownian(let gbm) = config.process {
            gbmStep = gbm.step(dt: config.timeStep)
        } else {
            gbmStep = nil
        }
        nextExpiry = config.book.nextExpiry
        interestPerStep = exp(config.rate * config.timeStep) - 1
        stepLength = config.timeStep
        gaps = MarketGaps(config)
        marketShuts = gaps != nil
        // A perpetual's holder receives no dividends.
        dividendPerStep = config.executionTerms.venue == .cryptoPerp ? 0 : config.dividendYield * config.timeStep
        executes = !config.executionTerms.isStandard
        ordersMayRest = executes
        desk = ExecutionDesk(terms: config.executionTerms, rng: Self.executionGenerator(seed: seed, stream: stream),
                             dayCount: config.dayCount)
        rollingVol = RealizedVolEstimator(window: config.volatilityWindow)
        bars = SessionBars(window: config.volatilityWindow)
        self.stream = stream
        if case .historical(let path) = config.process { replaysRanges = path.hasRanges } else { replaysRanges = false }
        ewmaVol = EWMAVolEstimator(halfLife: config.ewmaHalfLife)
        let opening = config.book.greeks(spot: config.spot, time: 0, rate: config.rate, dividendYield: config.dividendYield)
        cash = -opening.price
        atmImpliedVol = config.impliedVolModel?.atmVol
            ?? config.book.impliedVol(spot: config.spot, time: 0, rate: config.rate, dividendYield: config.dividendYield)
        volRng = Self.volatilityGenerator(seed: seed, stream: stream)
        volDynamics = config.impliedVolModel?.dynamics ?? .constant
        if config.impliedVolModel?.realizedLink != nil { linkedRealizedVol = EWMAVolEstimator(halfLife: config.ewmaHalfLife) }
        impliedVolsMove = config.impliedVolModel?.remarksBook == true || !config.events.isEmpty
        remarksThroughModel = config.impliedVolModel?.remarksBook == true || config.events.pricesMoves
            || (config.impliedVolModel?.term != nil && !config.events.isEmpty)
        hedgesSmile = config.hedgeDelta == .smile
        hedgeVolSource = config.hedgeVolatility
        estimatesHedgeVol = config.hedgeVolatility.isEstimated && config.detail != .full
        hasEvents = !config.events.isEmpty
        markedGreeks = opening
        if config.detail == .full { markedBook.mark(book, spot: spot, time: 0) }
        deltaSchedule = makeDeltaSchedule()
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
        copy.volRng = Self.volatilityGenerator(seed: seed, stream: stream)
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

    /// The hedger's delta schedule for the book now, when nothing it holds fixed can move: the
    /// positions' implied vols and the hedge vol (a GBM's, when hedging at the true vol; never
    /// an estimate, which moves every step).
    private func makeDeltaSchedule() -> BookDeltaSchedule? {
        guard !impliedVolsMove, !hedgeVolSource.isEstimated,
              hedgeVolSource != .trueVolatility || gbmStep != nil else { return nil }
        return BookDeltaSchedule(book: book, timeStep: config.timeStep, steps: config.steps, rate: config.rate,
                                 dividendYield: config.dividendYield, volatility: hedgeVolOverride)
    }

    /// Session time now, years.
    public var time: Double { Double(step) * config.timeStep }

    // MARK: - Actions

    public mutating func apply(_ action: SessionAction) {
        guard !isFinished else { return }
        switch action {
        case .tick: if marketShuts { tickOnCalendar() } else { advance() }
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
    private var manualLot: Double { lotSize > 0 ? lotSize : 1 }

    private mutating func setAutoHedge(_ on: Bool) {
        // The ladder's orders are the auto-hedger's: they stop working when it stops.
        if !on { cancelOrders(ladderOnly: true) }
        autoHedge = on
    }

    /// The next step of a market that shuts: across the gap when one follows, else a plain one.
    @inline(never)
    private mutating func tickOnCalendar() {
        if gaps?.follow(step: step) == true { crossGap() } else { advance() }
    }

    /// The step across a market closure: one step spanning the gap's grid steps, with the
    /// gap's own step constants (its price move has the variance of its time; cash and
    /// dividends accrue over it; options decay by it). The hedger's next chance to trade is
    /// at its end, the open. Kept out of `advance`, which only reads the constants it swaps.
    private mutating func crossGap() {
        let plain = (gbmStep, interestPerStep, dividendPerStep)
        if let calendar = gaps?.calendar {
            stepSpan = calendar.gapSteps
            stepLength = Double(calendar.gapSteps) * config.timeStep
            if case .geometricBrownian(let gbm) = config.process { gbmStep = gbm.step(dt: stepLength) }
            interestPerStep = exp(config.rate * stepLength) - 1
            dividendPerStep *= Double(calendar.gapSteps)
        }
        isCrossingGap = true
        advance()
        isCrossingGap = false
        (gbmStep, interestPerStep, dividendPerStep) = plain
        stepSpan = 1
        stepLength = config.timeStep
    }

    /// Ticks to the end with no other action: a Monte Carlo path. The same as applying `.tick`
    /// until finished, with the step inlined into this loop (see `advance`).
    mutating func runToEnd() {
        // A market that shuts crosses its gaps out of line; one that never shuts needs no check.
        if marketShuts {
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
        step += stepSpan
        let now = time
        let closeBeforeEvents = logSpot
        let eventVolChange = hasEvents ? applyEvents(between: previousTime, and: now) : 0

        let interest = (cash - desk.perpNotionalCash) * interestPerStep
        let dividends = stockShares * previousSpot * dividendPerStep
        cash += interest + dividends
        attribution.financing += interest + dividends
        // Fills inside the step trade at their own prices, not at the last close: the step's
        // delta P&L counts what they made up to this close (see `attributeStep`).
        var intraStep = IntraStepFills(stockAtOpen: stockShares)
        if ordersMayRest {
            intraStep.notional = executeIntraStep(from: previousLogSpot, to: closeBeforeEvents, startTime: previousTime)
        }
        if let expiry = nextExpiry, now >= expiry - OptionBook.timeTolerance {
            settleExpiries(at: now)
        }

        let detailed = config.detail == .full
        if impliedVolsMove {
            moveImpliedVols(eventChange: eventVolChange, previousSpot: previousSpot)
        }
        lastStep = PnLAttribution()
        if detailed {
            recordBar(open: previousSpot, openLog: previousLogSpot, closeBeforeEvents: closeBeforeEvents)
            attributeStep(previousSpot: previousSpot, financing: interest + dividends, fills: intraStep)
        } else if estimatesHedgeVol, !isCrossingGap {
            // Full detail feeds the estimators in `attributeStep`; the hedge below reads them.
            feedHedgeVolEstimators(previousSpot: previousSpot)
        }

        if step >= config.steps {
            finish()
        } else if autoHedge, hedgeRule != .none {
            autoHedgeStep(now: now)
        }
        if detailed { recordHedgingError() }
    }

    // The step's cold parts, out of line so that `advance` stays small enough to inline.

    /// A process other than GBM (jumps, Heston): through the `MarketProcess` enum.
    @inline(never)
    private mutating func advanceProcess() {
        spot = process.advance(spot: spot, dt: stepLength, using: &rng)
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
        let cashBefore = cash, costsBefore = attribution.costs, fundingBefore = attribution.funding
        executeWithinStep(from: start, to: end, startTime: startTime)
        // cash moved by −Σ q·K − costs + funding.
        return -(cash - cashBefore) + (attribution.costs - costsBefore) + (attribution.funding - fundingBefore)
    }

    /// Settles the options expiring now at intrinsic value.
    @inline(never)
    private mutating func settleExpiries(at now: Double) {
        cash += book.settleExpired(at: now, spot: spot)
        nextExpiry = book.nextExpiry
    }

    /// `pnlOnly` with an estimated hedge vol: the step's return into the estimators it reads.
    @inline(never)
    private mutating func feedHedgeVolEstimators(previousSpot: Double) {
        let logReturn = log(spot / previousSpot)
        rollingVol.add(logReturn: logReturn)
        ewmaVol.add(logReturn: logReturn)
    }

    /// Full detail, after the hedge: the step's deviation from the continuously hedged book.
    @inline(never)
    private mutating func recordHedgingError() {
        // A jump's P&L beyond gamma (speed) is the part no hedge can follow: hedging error too.
        hedgingError.add(lastStep.delta + lastStep.costs + lastStep.speed + lastStep.residual)
    }

    /// Full detail: the step's P&L attribution against the Greeks marked at the end of the
    /// last action, and the volatility estimators. Kept out of `advance` so the `pnlOnly`
    /// step (the Monte Carlo's inner loop) stays short.
    @inline(never)
    private mutating func attributeStep(previousSpot: Double, financing: Double, fills: IntraStepFills) {
        let previousGreeks = markedGreeks
        let previousPnL = markedPnL
        if !isCrossingGap {
            let logReturn = log(spot / previousSpot)
            rollingVol.add(logReturn: logReturn)
            ewmaVol.add(logReturn: logReturn)
            returns.add(logReturn)
        }
        let dS = spot - previousSpot
        markedGreeks = currentGreeks()
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
                             rate: config.rate, dividendYield: config.dividendYield, into: &move)
        markedBook.mark(book, spot: spot, time: time)
        move.financing = financing
        markedPnL = PnLIdentity.pnl(cash: cash, stockShares: stockShares, spot: spot, optionValue: markedGreeks.price)
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

    /// Moves the ATM implied vol (dynamics, the spot-vol and realized-vol links, then scheduled jumps) and
    /// re-marks the positions through the sticky rule. Out of line: see `advance`.
    @inline(never)
    private mutating func moveImpliedVols(eventChange: Double, previousSpot: Double) {
        let floor = ImpliedVolDynamics.minimumVol
        var atm = volDynamics.advance(atmVol: atmImpliedVol, dt: stepLength, using: &volRng)
        if let beta = config.impliedVolModel?.spotVolBeta, beta != 0 {
            atm = SpotVolLink.linked(atmVol: atm, beta: beta, logReturn: log(spot / previousSpot))
        }
        if let link = config.impliedVolModel?.realizedLink {
            if !isCrossingGap { linkedRealizedVol?.add(logReturn: log(spot / previousSpot)) }
            if let realized = linkedRealizedVol?.volatility(dt: config.timeStep) {
                atm = link.relax(atmVol: atm, realized: realized, dt: stepLength)
            }
        }
        atmImpliedVol = max(atm + eventChange, floor)
        if remarksThroughModel {
            let model = volModel
            let (now, carry) = (time, config.rate - config.dividendYield)
            for index in book.positions.indices where !book.positions[index].isSettled {
                let position = book.positions[index]
                book.positions[index].impliedVol = model.impliedVol(
                    strike: position.strike, expiry: position.expiry, spot: spot, time: now, atmVol: atmImpliedVol,
                    openingSpot: config.spot, carry: carry, events: config.events)
            }
        } else if eventChange != 0 {
            // Each position keeps its own vol and takes the event's jump on top.
            for index in book.positions.indices where !book.positions[index].isSettled {
                book.positions[index].impliedVol = max(book.positions[index].impliedVol + eventChange, floor)
            }
        }
    }

    /// The implied vol a new option at `strike` expiring at session time `expiry` (years)
    /// trades at now: its expiry's ATM vol (term structure and events ahead) through the skew,
    /// under the scenario's sticky rule.
    public func impliedVol(forStrike strike: Double, expiry: Double) -> Double {
        volModel.impliedVol(strike: strike, expiry: expiry, spot: spot, time: time, atmVol: atmImpliedVol,
                            openingSpot: config.spot, carry: config.rate - config.dividendYield, events: config.events)
    }

    /// The ATM implied vol of the expiry at session time `expiry` (years) now: the level
    /// `atmImpliedVol` through the term structure, plus the variance of the events ahead it spans.
    public func atmImpliedVol(expiry: Double) -> Double {
        volModel.atmVol(expiry: expiry, time: time, level: atmImpliedVol, events: config.events)
    }

    /// ∂σ/∂S of the option at `strike` expiring at `expiry` now, under the sticky rule and the
    /// spot-vol link (see `ImpliedVolModel.volSpotSlope`), vol per currency of spot.
    public func volSpotSlope(forStrike strike: Double, expiry: Double) -> Double {
        volModel.volSpotSlope(strike: strike, expiry: expiry, spot: spot, time: time, atmVol: atmImpliedVol,
                              openingSpot: config.spot, carry: config.rate - config.dividendYield, events: config.events)
    }

    /// The session's implied-vol model; without one, a flat level that only events move.
    private var volModel: ImpliedVolModel {
        config.impliedVolModel ?? ImpliedVolModel(atmVol: atmImpliedVol)
    }

    /// Fills an option order at `quote(order)`: the model price at the strike's implied vol
    /// plus the option half-spread; the spread is a cost, the rest is an exchange of cash for value.
    private mutating func tradeOption(_ order: OptionOrder) {
        guard order.isValid(at: time) else { return }
        let quote = quote(order)
        let position = OptionPosition(kind: order.kind, strike: order.strike, expiry: order.expiry,
                                      quantity: order.quantity, multiplier: order.multiplier, impliedVol: quote.impliedVol)
        let cost = quote.spreadCost
        cash -= quote.units * quote.markPrice + cost
        attribution.costs -= cost
        lastStep.costs -= cost
        markedPnL -= cost
        book.positions.append(position)
        nextExpiry = book.nextExpiry
        deltaSchedule = makeDeltaSchedule()
        optionTradeCount += 1
        if config.detail == .full {
            markedGreeks = currentGreeks()
            markedBook.mark(book, spot: spot, time: time)
        }
    }

    private mutating func autoHedgeStep(now: Double) {
        // Locals rather than `hedgeDelta` and friends: reading computed properties of `self`
        // inside a mutating method made the compiler copy the whole session every step.
        let rule = hedgeRule
        let risk = scheduledHedgeRisk(needsGamma: rule.needsGamma) ?? directHedgeRisk(needsGamma: rule.needsGamma)
        let netDelta = risk.delta + stockShares + (executes ? desk.sharesInFlight : 0)
        let gamma = risk.gamma
        // The cost rate, like gamma, only for the rule that reads it: it is a division.
        let context = HedgeContext(
            step: step, netDelta: netDelta, spot: spot, spotAtLastHedge: spotAtLastHedge, gamma: gamma,
            timeToExpiry: max((nextExpiry ?? now) - now, 0), rate: config.rate,
            costRate: rule.needsGamma ? config.costs.proportionalRate(at: spot) : 0)
        switch rule.decide(context) {
        case .rebalance(let target): rebalance(toNetDelta: target, from: netDelta, reason: .auto)
        case .hold: if case .ladder(let ladder) = rule { layLadder(ladder) }
        }
    }

    /// Trades the hedging net delta from `netDelta` to `target` shares, rounded to the lot size.
    private mutating func rebalance(toNetDelta target: Double, from netDelta: Double, reason: TradeReason) {
        var shares = target - netDelta
        if lotSize > 0 { shares = (shares / lotSize).rounded() * lotSize }
        trade(shares: shares, reason: reason)
    }

    private mutating func trade(shares: Double, reason: TradeReason) {
        guard shares != 0, shares.isFinite else { return }
        if executes {
            sendMarketOrder(shares: shares, reason: reason)
            return
        }
        book(shares: shares, price: spot, cost: config.costs.cost(shares: shares, price: spot), reason: reason)
    }

    /// Books a trade of `shares` at `price` that cost `cost` in all: cash, stock, the costs'
    /// attribution and the counts. Inlined: the plain `trade` runs it every step of the Monte Carlo.
    @inline(__always)
    private mutating func book(shares: Double, price: Double, cost: Double, reason: TradeReason) {
        cash -= shares * price + cost
        stockShares += shares
        attribution.costs -= cost
        lastStep.costs -= cost
        markedPnL -= cost
        tradeCount += 1
        sharesTraded += abs(shares)
        notionalTraded += abs(shares) * price
        spotAtLastHedge = price
        if reason == .manual { manualTradeCount += 1 }
        if config.detail == .full { record(Trade(time: time, step: step, quantity: shares, price: price, cost: cost, reason: reason)) }
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
        if config.detail == .full, !recentTrades.isEmpty {
            recentTrades[recentTrades.count - 1].midWhenSent = midWhenSent
            if let sentStep, sentStep != step { recentTrades[recentTrades.count - 1].sentStep = sentStep }
        }
    }

    /// Books a funding payment received (paid when negative): its own attribution bucket,
    /// kept out of the step's residual like costs.
    mutating func bookFunding(_ received: Double) {
        cash += received
        attribution.funding += received
        lastStep.funding += received
        markedPnL += received
        desk.costs.funding += received
    }

    /// σ²·dt of the step just taken, log units²: the GBM's own, or the process's vol now.
    var stepVariance: Double {
        if let gbmStep { return gbmStep.diffusion * gbmStep.diffusion }
        let vol = process.instantaneousVolatility
        return vol * vol * stepLength
    }

    /// The price file the session replays, if any.
    var historicalPath: HistoricalPath? {
        if case .historical(let path) = process { path } else { nil }
    }

    /// The process's vol now (annualised): what the quote and impact scale with.
    var quoteVolatility: Double { process.instantaneousVolatility }

    /// Adds a trade to the recent trades (full detail). Out of line so that `trade`, which the
    /// Monte Carlo runs every step, stays a small leaf function.
    @inline(never)
    private mutating func record(_ trade: Trade) {
        if recentTrades.count >= config.tradeHistory { recentTrades.removeFirst() }
        recentTrades.append(trade)
    }

    /// Once a session, out of line: see `advance`.
    @inline(never)
    private mutating func finish() {
        // Orders still working or in flight at the end never fill: the close-out trades it all.
        cancelOrders()
        desk.inFlight.removeAll()
        // Counted here rather than in `trade`, which the Monte Carlo runs every step.
        let before = tradeCount
        trade(shares: -stockShares, reason: .closeOut)
        closeOutTradeCount += tradeCount - before
        isFinished = true
    }

    // MARK: - Risk and P&L, computed from the state

    /// Trades the auto-hedger made (including its hedge at time 0).
    public var autoTradeCount: Int { tradeCount - manualTradeCount - closeOutTradeCount }

    /// The volatility override for hedge deltas: nil to use each position's implied vol (also
    /// while an estimator has fewer than two returns).
    var hedgeVolOverride: Double? {
        switch hedgeVolSource {
        case .implied: nil
        case .trueVolatility: process.instantaneousVolatility
        case .ewma: ewmaVol.count >= 2 ? ewmaVol.volatility(dt: config.timeStep) : nil
        case .rolling: rollingVol.count >= 2 ? rollingVol.volatility(dt: config.timeStep) : nil
        }
    }

    /// The options' delta (shares) and, if asked, gamma (shares per currency) as the hedger
    /// sees them now: at the hedge vol, from the schedule when there is one.
    private func hedgeRisk(needsGamma: Bool) -> (delta: Double, gamma: Double) {
        scheduledHedgeRisk(needsGamma: needsGamma) ?? directHedgeRisk(needsGamma: needsGamma)
    }

    /// `hedgeRisk` from the delta schedule, or nil without one. Optional chaining reads the
    /// schedule in place; `if let` would copy it, every step of the Monte Carlo.
    @inline(__always)
    private func scheduledHedgeRisk(needsGamma: Bool) -> (delta: Double, gamma: Double)? {
        if needsGamma { return deltaSchedule?.deltaAndGamma(of: book, step: step, spot: spot, logSpot: logSpot) }
        guard let delta = deltaSchedule?.delta(of: book, step: step, spot: spot, logSpot: logSpot) else { return nil }
        return (delta, 0)
    }

    /// `hedgeRisk` computed from Black-Scholes directly, for sessions without a schedule.
    @inline(never)
    private func directHedgeRisk(needsGamma: Bool) -> (delta: Double, gamma: Double) {
        // Only touch `process` when hedging at realized vol: reading the enum copies its
        // payload, which cost a tenth of the Monte Carlo's step when done every time.
        let volatility = hedgeVolOverride
        let time = time
        let delta = book.delta(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield,
                               volatility: volatility)
        let gamma = needsGamma
            ? book.gamma(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield, volatility: volatility)
            : 0
        return (hedgesSmile ? delta + smileDelta() : delta, gamma)
    }

    /// What the smile adds to the book's Black-Scholes delta, shares: Σ units · vega · ∂σ/∂S,
    /// each option's vega at its implied vol and ∂σ/∂S from the sticky rule (`volSpotSlope`).
    public func smileDelta() -> Double {
        let model = volModel
        let (now, carry) = (time, config.rate - config.dividendYield)
        var total = 0.0
        for position in book.positions where !position.isSettled {
            let slope = model.volSpotSlope(strike: position.strike, expiry: position.expiry, spot: spot, time: now,
                                           atmVol: atmImpliedVol, openingSpot: config.spot, carry: carry,
                                           events: config.events)
            guard slope != 0 else { continue }
            let vega = position.unitGreeks(spot: spot, time: now, rate: config.rate, dividendYield: config.dividendYield).vega
            total += position.units * vega * slope
        }
        return total
    }

    /// Net delta in shares as the hedger sees it (at the hedge volatility).
    public var hedgeDelta: Double { hedgeRisk(needsGamma: false).delta + stockShares }

    /// Book gamma in shares per currency of spot as the hedger sees it (at the hedge volatility).
    public var hedgeGamma: Double { hedgeRisk(needsGamma: true).gamma }

    /// The book's option Greeks now, at each position's implied vol.
    public func currentGreeks() -> OptionGreeks {
        book.greeks(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield)
    }

    /// Net delta in shares: options at implied vol plus stock.
    public var netDelta: Double { currentGreeks().delta + stockShares }

    /// Total P&L in currency since time 0, options marked at implied vol.
    public var pnl: Double { PnLIdentity.pnl(cash: cash, stockShares: stockShares, spot: spot, optionValue: currentGreeks().price) }

    /// The volatility the process runs at now (annualised fraction).
    public var processVolatility: Double { process.instantaneousVolatility }

    /// The book's vega-weighted implied vol.
    public var impliedVol: Double {
        book.impliedVol(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield)
    }

    /// Realized vol over the whole session so far (close-to-close, annualised), or nil before two returns.
    public var sessionRealizedVol: Double? {
        returns.count >= 2 ? returns.standardDeviation / config.timeStep.squareRoot() : nil
    }

    /// The one-step move at which gamma P&L pays for theta: σ_implied · S · √dt, currency.
    public var breakevenMove: Double { impliedVol * spot * config.timeStep.squareRoot() }
}

/// The stock a step opened with and what its fills inside the step paid for their shares
/// (Σ q·K, currency, without costs): what the step's delta attribution needs to value them
/// at the close.
struct IntraStepFills {
    var stockAtOpen: Double
    var notional = 0.0
}
