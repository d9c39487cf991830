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
    public private(set) var sharesTraded = 0.0
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

    private var rng: Xoshiro256StarStar
    private var process: MarketProcess
    private var nextExpiry: Double?
    private let cashGrowth: Double
    private let dividendPerStep: Double
    // Book Greeks and P&L as of the end of the last action (full detail): the base of the next step's attribution.
    private var markedGreeks = OptionGreeks.zero
    private var markedPnL = 0.0

    /// Starts a session at time 0. If auto-hedging is on with a rule other than `none`,
    /// the book is hedged to neutral at time 0.
    public init(config: SessionConfig, seed: UInt64, stream: UInt64 = 0) {
        self.config = config
        spot = config.spot
        book = config.book
        hedgeRule = config.hedgeRule
        autoHedge = config.autoHedge
        lotSize = config.lotSize
        spotAtLastHedge = config.spot
        rng = Xoshiro256StarStar(seed: seed, stream: stream)
        process = config.process
        nextExpiry = config.book.nextExpiry
        cashGrowth = exp(config.rate * config.timeStep)
        dividendPerStep = config.dividendYield * config.timeStep
        rollingVol = RealizedVolEstimator(window: config.volatilityWindow)
        ewmaVol = EWMAVolEstimator(halfLife: config.ewmaHalfLife)
        let opening = config.book.greeks(spot: config.spot, time: 0, rate: config.rate, dividendYield: config.dividendYield)
        cash = -opening.price
        markedGreeks = opening
        if autoHedge, hedgeRule != .none {
            rebalance(toNetDelta: 0, reason: .auto)
        }
    }

    /// Session time now, years.
    public var time: Double { Double(step) * config.timeStep }
    /// Time left in the session, years.
    public var timeRemaining: Double { Double(config.steps - step) * config.timeStep }

    // MARK: - Actions

    public mutating func apply(_ action: SessionAction) {
        guard !isFinished else { return }
        switch action {
        case .tick: advance()
        case .trade(let shares): trade(shares: shares, reason: .manual)
        case .buyLot: trade(shares: manualLot, reason: .manual)
        case .sellLot: trade(shares: -manualLot, reason: .manual)
        case .hedgeNow: rebalance(toNetDelta: 0, reason: .manual)
        case .setAutoHedge(let on): autoHedge = on
        case .toggleAutoHedge: autoHedge.toggle()
        case .setHedgeRule(let rule): hedgeRule = rule
        case .setLotSize(let size): if size.isFinite, size >= 0 { lotSize = size }
        case .finish: finish()
        }
    }

    /// The lot `b`/`s` trade: one lot, or one share when trading fractionally.
    private var manualLot: Double { lotSize > 0 ? lotSize : 1 }

    private mutating func advance() {
        let dt = config.timeStep
        let previousSpot = spot
        let previousGreeks = markedGreeks
        let previousPnL = markedPnL
        spot = process.advance(spot: spot, dt: dt, using: &rng)
        step += 1

        let interest = cash * (cashGrowth - 1)
        let dividends = stockShares * previousSpot * dividendPerStep
        cash += interest + dividends
        attribution.financing += interest + dividends
        if let expiry = nextExpiry, time >= expiry - OptionBook.timeTolerance {
            cash += book.settleExpired(at: time, spot: spot)
            nextExpiry = book.nextExpiry
        }

        let detailed = config.detail == .full
        var move = PnLAttribution()
        if detailed {
            let logReturn = log(spot / previousSpot)
            rollingVol.add(logReturn: logReturn)
            ewmaVol.add(logReturn: logReturn)
            returns.add(logReturn)
            let dS = spot - previousSpot
            markedGreeks = currentGreeks()
            move.delta = (previousGreeks.delta + stockShares) * dS
            move.gamma = 0.5 * previousGreeks.gamma * dS * dS
            move.theta = previousGreeks.theta * dt
            move.financing = interest + dividends
            markedPnL = cash + stockShares * spot + markedGreeks.price
            move.residual = (markedPnL - previousPnL) - move.explained
            attribution.delta += move.delta
            attribution.gamma += move.gamma
            attribution.theta += move.theta
            attribution.vega += move.vega
            attribution.residual += move.residual
        }
        lastStep = move

        if step >= config.steps {
            finish()
        } else if autoHedge, hedgeRule != .none {
            autoHedgeStep()
        }
        if detailed {
            hedgingError.add(lastStep.delta + lastStep.costs + lastStep.residual)
        }
    }

    private mutating func autoHedgeStep() {
        let context = HedgeContext(
            step: step, netDelta: hedgeDelta, spot: spot, spotAtLastHedge: spotAtLastHedge,
            gamma: hedgeRule.needsGamma ? book.gamma(spot: spot, time: time, rate: config.rate,
                                                     dividendYield: config.dividendYield, volatility: hedgeVolOverride) : 0,
            timeToExpiry: max((nextExpiry ?? time) - time, 0), rate: config.rate,
            costRate: config.costs.proportionalRate(at: spot))
        if case .rebalance(let target) = hedgeRule.decide(context) {
            rebalance(toNetDelta: target, reason: .auto, netDelta: context.netDelta)
        }
    }

    /// Trades until the hedging net delta equals `target` shares, rounded to the lot size.
    private mutating func rebalance(toNetDelta target: Double, reason: TradeReason, netDelta: Double? = nil) {
        var shares = target - (netDelta ?? hedgeDelta)
        if lotSize > 0 { shares = (shares / lotSize).rounded() * lotSize }
        trade(shares: shares, reason: reason)
    }

    private mutating func trade(shares: Double, reason: TradeReason) {
        guard shares != 0, shares.isFinite else { return }
        let cost = config.costs.cost(shares: shares, price: spot)
        cash -= shares * spot + cost
        stockShares += shares
        attribution.costs -= cost
        lastStep.costs -= cost
        markedPnL -= cost
        tradeCount += 1
        sharesTraded += abs(shares)
        spotAtLastHedge = spot
        if reason == .manual { manualTradeCount += 1 }
        if config.detail == .full {
            if recentTrades.count >= config.tradeHistory { recentTrades.removeFirst() }
            recentTrades.append(Trade(time: time, step: step, quantity: shares, price: spot, cost: cost, reason: reason))
        }
    }

    private mutating func finish() {
        trade(shares: -stockShares, reason: .closeOut)
        isFinished = true
    }

    // MARK: - Risk and P&L, computed from the state

    /// The volatility override for hedge deltas: nil to use each position's implied vol.
    private var hedgeVolOverride: Double? {
        config.hedgeVolatility == .realized ? process.instantaneousVolatility : nil
    }

    /// Net delta in shares as the hedger sees it (at the hedge volatility).
    public var hedgeDelta: Double {
        book.delta(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield,
                   volatility: hedgeVolOverride) + stockShares
    }

    /// The book's option Greeks now, at each position's implied vol.
    public func currentGreeks() -> OptionGreeks {
        book.greeks(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield)
    }

    /// Net delta in shares: options at implied vol plus stock.
    public var netDelta: Double { currentGreeks().delta + stockShares }

    /// Total P&L in currency since time 0, options marked at implied vol.
    public var pnl: Double { cash + stockShares * spot + currentGreeks().price }

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
