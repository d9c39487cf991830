import DequeModule
import Foundation

/// What the front ends read off a session: its parts' figures under the names they have always
/// had, and the book's risk and P&L computed from the state. Nothing here changes the session.
extension Session {
    // MARK: - Time (see `MarketClock`)

    /// Grid steps taken so far.
    public var step: Int { clock.step }
    /// Session time now, years.
    public var time: Double { clock.time }
    /// Whether the step being taken crosses a market closure (see `MarketClock.isCrossingGap`).
    public var isCrossingGap: Bool { clock.isCrossingGap }

    // MARK: - The books (see `SessionLedger`)

    /// Cash, currency; starts at minus the premium paid for the book.
    public var cash: Double { ledger.cash }
    /// Shares of the underlying held (the hedge), signed.
    public var stockShares: Double { ledger.stockShares }
    /// Cumulative P&L attribution (full detail only; costs and financing always).
    public var attribution: PnLAttribution { ledger.attribution }
    /// Attribution of the latest step (full detail).
    public var lastStep: PnLAttribution { ledger.lastStep }
    public var tradeCount: Int { ledger.tradeCount }
    public var manualTradeCount: Int { ledger.manualTradeCount }
    /// The trade that closes the stock out at the end (0 or 1).
    public var closeOutTradeCount: Int { ledger.closeOutTradeCount }
    /// Trades the auto-hedger made (including its hedge at time 0).
    public var autoTradeCount: Int { ledger.autoTradeCount }
    /// Option contracts bought or sold during the session (the option ticket).
    public var optionTradeCount: Int { ledger.optionTradeCount }
    /// Σ |quantity| traded in the hedge instrument, in its unit (shares, coins).
    public var sharesTraded: Double { ledger.sharesTraded }
    /// On a perpetual, what the position has made or lost since it was opened (quantity × spot
    /// less what was paid for it), currency, before costs and funding; nil on equity, whose
    /// stock is valued at its notional.
    public var perpTradingPnL: Double? { desk.tradesPerp ? ledger.stockShares * spot + desk.perpNotionalCash : nil }
    /// Σ |shares| × fill price over all trades, currency.
    public var notionalTraded: Double { ledger.notionalTraded }
    /// The most recent trades, newest last, at most `config.tradeHistory` (full detail).
    public var recentTrades: Deque<Trade> { ledger.recentTrades }
    public var spotAtLastHedge: Double { ledger.spotAtLastHedge }
    /// Per-step deviation from the continuously hedged book (full detail; see `SessionLedger`).
    public var hedgingError: RunningStatistics { ledger.hedgingError }
    /// The options' Greeks at implied vol as of the end of the last action (full detail).
    public var markedGreeks: OptionGreeks { ledger.markedGreeks }

    /// The book's option Greeks now, at each position's implied vol.
    public func currentGreeks() -> OptionGreeks {
        book.greeks(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield)
    }

    /// Net delta in shares: options at implied vol plus stock.
    public var netDelta: Double { currentGreeks().delta + ledger.stockShares }

    /// Total P&L in currency since time 0, options marked at implied vol.
    public var pnl: Double { ledger.pnl(spot: spot, optionsValue: currentGreeks().price) }

    // MARK: - Implied vols (see `ImpliedVolSurface`)

    /// The at-the-money implied vol now, annualised fraction: what the implied-vol model moves
    /// and new options are priced from.
    public var atmImpliedVol: Double { volSurface.atmVol }

    /// The implied vol a new option at `strike` expiring at session time `expiry` (years)
    /// trades at now: its expiry's ATM vol (term structure and events ahead) through the skew,
    /// under the scenario's sticky rule.
    public func impliedVol(forStrike strike: Double, expiry: Double) -> Double {
        volSurface.impliedVol(forStrike: strike, expiry: expiry, spot: spot, time: time)
    }

    /// The ATM implied vol of the expiry at session time `expiry` (years) now: the level
    /// `atmImpliedVol` through the term structure, plus the variance of the events ahead it spans.
    public func atmImpliedVol(expiry: Double) -> Double { volSurface.atmVol(expiry: expiry, time: time) }

    /// ∂σ/∂S of the option at `strike` expiring at `expiry` now, under the sticky rule and the
    /// spot-vol link (see `ImpliedVolModel.volSpotSlope`), vol per currency of spot.
    public func volSpotSlope(forStrike strike: Double, expiry: Double) -> Double {
        volSurface.volSpotSlope(forStrike: strike, expiry: expiry, spot: spot, time: time)
    }

    /// What the smile adds to the book's Black-Scholes delta, shares (see `ImpliedVolSurface.smileDelta`).
    public func smileDelta() -> Double {
        volSurface.smileDelta(of: book, spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield)
    }

    /// The book's vega-weighted implied vol.
    public var impliedVol: Double {
        book.impliedVol(spot: spot, time: time, rate: config.rate, dividendYield: config.dividendYield)
    }

    /// The one-step move at which gamma P&L pays for theta: σ_implied · S · √dt, currency.
    public var breakevenMove: Double { impliedVol * spot * config.timeStep.squareRoot() }

    // MARK: - The market

    /// σ²·dt of the step just taken, log units²: the GBM's own, or the process's vol now.
    var stepVariance: Double {
        if let gbmStep { return gbmStep.diffusion * gbmStep.diffusion }
        let vol = process.instantaneousVolatility
        return vol * vol * clock.stepLength
    }

    /// The price file the session replays, if any.
    var historicalPath: HistoricalPath? {
        if case .historical(let path) = process { path } else { nil }
    }

    /// The process's vol now (annualised): what the quote and impact scale with.
    var quoteVolatility: Double { process.instantaneousVolatility }

    /// The volatility the process runs at now (annualised fraction).
    public var processVolatility: Double { process.instantaneousVolatility }

    /// Realized vol over the whole session so far (close-to-close, annualised), or nil before two returns.
    public var sessionRealizedVol: Double? {
        returns.count >= 2 ? returns.standardDeviation / config.timeStep.squareRoot() : nil
    }
}
