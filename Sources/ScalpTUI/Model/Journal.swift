import ScalpEngine

/// Everything the journal records, in the order it happened. The app state produces these;
/// a `JournalSink` writes them (as JSON lines in the command-line tool).
public enum JournalEvent: Sendable {
    /// The session's identity: enough, with the `action` events, to replay it exactly.
    case start(scenario: Scenario, seed: UInt64, config: SessionConfig, stepsPerSecond: Double)
    /// A thinned sample of the session's state.
    case tick(TickSample)
    /// Every trade the session made (manual, auto, close-out).
    case trade(Trade)
    /// A `SessionAction` the user caused, applied after the session reached `step`.
    case action(step: Int, time: Double, action: SessionAction)
    /// A screen-only user action (pause, resume, speed): not needed to replay the numbers.
    case control(step: Int, time: Double, control: ControlEvent)
    /// The session ended.
    case end(step: Int, time: Double, reason: EndReason, summary: SessionSummary)
    /// A risk limit was breached, or the breach ended.
    case limit(LimitEvent)

    /// Trades and the end are synced to disk as soon as they are written.
    public var needsSync: Bool {
        switch self {
        case .trade, .end: true
        default: false
        }
    }
}

public struct TickSample: Sendable, Hashable {
    public var step: Int
    public var time: Double
    public var spot: Double
    public var netDelta: Double
    /// Rolling-window realized vol, nil before two returns.
    public var realizedVol: Double?
    public var ewmaVol: Double?
    public var impliedVol: Double
    public var pnl: Double

    public init(_ session: Session) {
        step = session.step
        time = session.time
        spot = session.spot
        netDelta = session.netDelta
        realizedVol = session.rollingRealizedVol
        ewmaVol = session.ewmaRealizedVol
        impliedVol = session.book.live.isEmpty ? session.openingImpliedVol : session.impliedVol
        pnl = session.pnl
    }
}

/// A risk limit's state changed: the trainee went over it, or came back inside.
public struct LimitEvent: Sendable, Hashable {
    public enum Limit: String, Sendable, Hashable {
        /// |net delta| in shares against the scenario's net-delta limit.
        case netDelta = "net_delta"
        /// The loss (−P&L) in currency against the scenario's loss limit.
        case loss
    }

    public enum Change: String, Sendable, Hashable {
        case breach, clear
    }

    public var step: Int
    public var time: Double
    public var limit: Limit
    public var change: Change
    /// Net delta in shares (signed), or the loss in currency (−P&L).
    public var value: Double
    /// The limit: |value| above it is a breach.
    public var maximum: Double

    public init(step: Int, time: Double, limit: Limit, change: Change, value: Double, maximum: Double) {
        self.step = step
        self.time = time
        self.limit = limit
        self.change = change
        self.value = value
        self.maximum = maximum
    }
}

public enum ControlEvent: Sendable, Hashable {
    case pause, resume
    /// Steps per real second, after a change.
    case speed(Double)

    public var name: String {
        switch self {
        case .pause: "pause"
        case .resume: "resume"
        case .speed: "speed"
        }
    }
}

/// Why a session ended.
public enum EndReason: String, Sendable, Hashable {
    /// The user pressed q (or Ctrl-C).
    case quit
    /// The last step was reached.
    case expired
    /// SIGTERM or SIGHUP.
    case terminated
}

/// Where journal events go. Write errors are shown on the screen, and the session goes on.
public protocol JournalSink: AnyObject {
    func write(_ event: JournalEvent) throws
    /// Forces what was written to stable storage.
    func sync() throws
    /// Where the journal is, for the summary screen.
    var location: String { get }
}

extension SessionAction {
    /// The journal's name for the action.
    public var journalName: String {
        switch self {
        case .tick: "tick"
        case .trade: "trade"
        case .buyLot: "buy_lot"
        case .sellLot: "sell_lot"
        case .hedgeNow: "hedge_now"
        case .setAutoHedge: "set_auto_hedge"
        case .toggleAutoHedge: "toggle_auto_hedge"
        case .setHedgeRule: "set_hedge_rule"
        case .setLotSize: "set_lot_size"
        case .tradeOption: "trade_option"
        case .finish: "finish"
        }
    }
}
