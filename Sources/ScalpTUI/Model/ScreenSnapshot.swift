import ScalpEngine
import ScalpFormat
import ScalpJournal

/// Everything one frame of the screen shows, taken from the app state once per frame. The
/// book is valued here once (each position's Greeks, then their sum, the net delta and the
/// P&L from that sum), so the panels that show the same figure show the same number and
/// no panel prices the book again. Panels render from this value, not from `AppState`.
public struct ScreenSnapshot: Sendable {
    /// Whether simulated time moves, as the header shows it.
    public enum RunState: Sendable, Hashable { case running, paused, ended }

    /// One option position's row in the book: its Greeks per share and in total.
    public struct PositionRow: Sendable {
        public var position: OptionPosition
        /// Years to expiry (0 once settled).
        public var timeToExpiry: Double
        /// Per share (the option's price and Greeks).
        public var unit: OptionGreeks
        /// The whole position: unit Greeks times units; zero once settled.
        public var total: OptionGreeks
    }

    // MARK: - Run state

    public let scenario: Scenario
    public let title: String
    /// The seed of a simulated path; nil when the prices come from a file (`--prices`), where
    /// the seed chooses nothing the trainee sees.
    public let seed: UInt64?
    /// The class played in, shown where the seed would be while the seed is hidden.
    public let className: String?
    /// `+` or `-` was just pressed in a class, whose speed is the instructor's.
    public let speedIsLocked: Bool
    public let run: RunState
    /// Multiplier of the scenario's speed, and the steps per second it gives.
    public let speed: Double
    public let stepsPerSecond: Double
    public let journalProblem: String?
    public let journalLocation: String?
    public let policyCycle: [HedgeRule]
    public let lotLadder: [Double]
    /// How far from the touch `B` and `S` rest their orders.
    public let orderEntry: OrderEntry

    // MARK: - Overlays

    public let endReason: EndReason?
    /// The end-of-session summary, once the session has ended.
    public let summary: SessionSummary?
    public let ticket: OptionTicket?
    public let showHelp: Bool
    public let showIntro: Bool
    public let paused: Bool
    /// The realized-vol estimate the volatility panel leads with.
    public let volatilityReading: VolatilityReading

    // MARK: - The trainee's session

    /// The trainee's session, for its stored state (spot, config, positions, trades,
    /// attribution). Risk figures that price the book come from the fields below.
    public let session: Session
    public let history: History
    public let positions: [PositionRow]
    /// The live book's Greeks: the sum of the position rows.
    public let bookGreeks: OptionGreeks
    /// Options at implied vol plus stock, shares.
    public let netDelta: Double
    /// Total P&L since time 0, currency, options marked at implied vol.
    public let pnl: Double
    /// The book's vega-weighted implied vol, nil when nothing is live.
    public let impliedVol: Double?
    public let benchmarkPnL: Double
    public let deltaLimit: LimitStatus
    public let lossLimit: LimitStatus
    /// A scheduled event that fired recently enough to be news.
    public let recentEvent: ScheduledEvent?
    /// The coach's line (`m`) while it is fresh.
    public let coachLine: String?
    public let blotter: Blotter

    /// The source of the time labels: the clock, or the price file's row labels.
    private let labels: AppState

    public init(_ state: AppState) {
        let session = state.session
        let config = session.config
        (scenario, title) = (state.scenario, state.title)
        // In a class the seed is the answer key: hidden until the session has ended.
        let seedHidden = state.className != nil && state.endReason == nil && !session.isFinished
        seed = state.trainingState.priceLabels == nil && !seedHidden ? state.seed : nil
        className = state.className.map { TextLayout.sanitize($0) }
        speedIsLocked = state.speedIsLocked
        if state.endReason != nil || session.isFinished {
            run = .ended
        } else if state.paused || state.holdsTime {
            run = .paused
        } else {
            run = .running
        }
        (speed, stepsPerSecond) = (state.speed, state.stepsPerSecond)
        (journalProblem, journalLocation) = (state.journalProblem, state.journalLocation)
        (policyCycle, lotLadder, orderEntry) = (state.policyCycle, state.lotLadder, state.orderEntry)
        (endReason, summary) = (state.endReason, state.endReason == nil ? nil : state.summary)
        (ticket, showHelp, showIntro) = (state.trainingState.ticket, state.showHelp, state.trainingState.showIntro)
        paused = state.paused
        volatilityReading = state.volatilityReading

        self.session = session
        history = state.history
        positions = session.book.positions.map { position in
            let unit = position.unitGreeks(spot: session.spot, time: session.time, rate: config.rate,
                                           dividendYield: config.dividendYield)
            return PositionRow(position: position, timeToExpiry: position.timeToExpiry(at: session.time), unit: unit,
                               total: position.isSettled ? .zero : unit.scaled(by: position.units))
        }
        // Summed in book order, as `OptionBook.greeks` sums them: the same figure to the last bit.
        bookGreeks = positions.reduce(into: OptionGreeks.zero) { $0 += $1.total }
        netDelta = bookGreeks.delta + session.stockShares
        pnl = PnLIdentity.pnl(cash: session.cash, stockShares: session.stockShares, spot: session.spot,
                              optionValue: bookGreeks.price)
        impliedVol = session.book.live.isEmpty ? nil : session.impliedVol
        benchmarkPnL = state.benchmark.pnl
        // The limits' rules belong to the training session; each prices the book again only
        // when the scenario sets that limit.
        deltaLimit = state.deltaLimitStatus
        lossLimit = state.lossLimitStatus
        recentEvent = state.recentEvent
        coachLine = state.coachLine.map(TextLayout.sanitize)
        blotter = Blotter(trades: session.recentTrades, tradeCount: session.tradeCount, fills: state.trainingState.fills)
        labels = state
    }

    /// Trainee P&L minus benchmark P&L, currency.
    public var pnlGap: Double { pnl - benchmarkPnL }

    /// Dollar gamma: Γ·S²/100, the change in dollar delta for a 1% move, currency.
    public var dollarGamma: Double { bookGreeks.gamma * session.spot * session.spot / 100 }

    /// Options value plus the hedge's: a stock's notional, or what a perpetual has made (its
    /// notional changed no cash), currency.
    public var bookValue: Double { bookGreeks.price + (session.perpTradingPnL ?? session.stockShares * session.spot) }

    /// The session time at `step` as the screen shows it (the clock, or a price row's label).
    public func timeLabel(step: Int, short: Bool = false) -> String { labels.timeLabel(step: step, short: short) }

    /// The book's next expiry as a price row's label, when replaying a price file.
    public func expiryLabel(short: Bool) -> String? { labels.expiryLabel(short: short) }
}
