import ScalpEngine
import ScalpFormat

/// Replays a recorded session and checks it against its journal line by line: every trade
/// (step, shares, price, cost, reason), every limit breach and clear, every limit order
/// placed, filled and cancelled (journals older than those lines have none), every tick sample's
/// spot, net delta and P&L, every coach line's rule, net delta, trade and cost (the advice
/// re-derived where it was asked), and the end line's step and P&L, all exactly (the journal's
/// numbers are shortest round-trip doubles, so equal text is equal bits).
public enum JournalVerifier {
    public struct Outcome: Sendable {
        public var replay: SessionReplay
        public var trades: Int
        public var ticks: Int
        public var limitEvents: Int
        public var orderEvents: Int
        /// Coach lines, each checked against the advice re-derived at its place.
        public var coachLines: Int
        /// The end line's P&L, nil for a truncated journal.
        public var finalPnL: Double?
    }

    /// The first difference: the journal line and what was recorded against what replayed.
    public struct Mismatch: Error, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var message: String
        public var description: String { "\(path):\(line): \(message)" }
    }

    public static func verify(_ session: RecordedSession) throws -> Outcome {
        var replay = SessionReplay(try session.script())
        var actionsSeen = 0
        var trades = 0
        var ticks = 0
        var limits = 0
        var orders = 0
        var coaching = 0
        var finalPnL: Double?
        func fail(_ line: Int, _ message: String) -> Mismatch { Mismatch(path: session.path, line: line, message: message) }

        for record in session.records {
            switch record.entry {
            case .start, .control:
                break
            case .action:
                // Applied when the replay next has to move past it.
                actionsSeen += 1
            case .trade(let recorded):
                guard catchUp(&replay, made: \.trades.count, past: trades, by: recorded.step) else {
                    throw fail(record.line, "recorded a \(describe(recorded)), replayed no trade at step \(recorded.step)")
                }
                if let difference = difference(recorded, replay.trades[trades]) { throw fail(record.line, difference) }
                trades += 1
            case .tick(let recorded):
                reach(&replay, step: recorded.step, actionsSeen: actionsSeen)
                guard replay.step == recorded.step else {
                    throw fail(record.line, "recorded a tick at step \(recorded.step), the replay ended at step \(replay.step)")
                }
                let trainee = replay.training.trainee
                let fields: [(String, Double, Double)] = [("spot", recorded.spot, trainee.spot),
                                                           ("net_delta", recorded.netDelta, trainee.netDelta),
                                                           ("pnl", recorded.pnl, trainee.pnl)]
                if let difference = difference(fields) {
                    throw fail(record.line, "tick at step \(recorded.step): \(difference)")
                }
                ticks += 1
            case .coach(let recorded):
                // The advice is re-derived where it was asked, so an edited coach line is caught.
                reach(&replay, step: recorded.step, actionsSeen: actionsSeen)
                guard replay.step == recorded.step else {
                    throw fail(record.line, "recorded the coach at step \(recorded.step), the replay ended at step \(replay.step)")
                }
                let replayed = CoachNote(CoachAdvice(replay.training))
                if replayed.rule != recorded.rule {
                    throw fail(record.line, "coach at step \(recorded.step): recorded rule \(recorded.rule), replayed \(replayed.rule)")
                }
                let fields = [("net_delta", recorded.netDelta, replayed.netDelta), ("trade", recorded.shares, replayed.shares),
                              ("cost", recorded.cost, replayed.cost)]
                if let difference = difference(fields) { throw fail(record.line, "coach at step \(recorded.step): \(difference)") }
                coaching += 1
            case .limit(let recorded):
                if let problem = check(recorded, step: recorded.step, against: \.limitEvents, seen: &limits, in: &replay,
                                       describe: describe) { throw fail(record.line, problem) }
            case .order(let recorded):
                if let problem = check(recorded, step: recorded.step, against: \.orderEvents, seen: &orders, in: &replay,
                                       describe: describe) { throw fail(record.line, problem) }
            case .end(let recorded):
                replay.runToEnd()
                guard replay.step == recorded.step, replay.training.isFinished else {
                    throw fail(record.line, "recorded the end at step \(recorded.step), the replay "
                               + (replay.training.isFinished ? "ended at step \(replay.step)" : "did not end"))
                }
                if let difference = difference([("pnl", recorded.summary.pnl, replay.training.trainee.pnl)]) {
                    throw fail(record.line, "end: \(difference)")
                }
                // The grade is re-derived too, so an edited score is caught. Only a journal of
                // this version: earlier ones graded with earlier formulas (see the README).
                if session.start.version == ProgramVersion.current, let score = recorded.summary.score {
                    let replayed = replay.training.grade
                    var fields = [("score.points", score.points, replayed.points)]
                    if let utility = score.utility, let again = replayed.utility { fields.append(("score.utility", utility, again)) }
                    if let difference = difference(fields) { throw fail(record.line, "end: \(difference)") }
                }
                finalPnL = recorded.summary.pnl
            }
        }
        replay.runToEnd()
        // A truncated journal may have lost the trades of its last step; a complete one may not.
        if session.end != nil, replay.trades.count > trades {
            throw fail(session.end?.line ?? session.lastCompleteLine,
                       "the replay made a \(describe(replay.trades[trades])) that the journal does not record")
        }
        if session.end != nil, replay.limitEvents.count > limits {
            throw fail(session.end?.line ?? session.lastCompleteLine,
                       "the replay made a \(describe(replay.limitEvents[limits])) that the journal does not record")
        }
        // Journals written before order lines existed have none; those that have any must have all.
        if session.end != nil, orders > 0, replay.orderEvents.count > orders {
            throw fail(session.end?.line ?? session.lastCompleteLine,
                       "the replay made a \(describe(replay.orderEvents[orders])) that the journal does not record")
        }
        return Outcome(replay: replay, trades: trades, ticks: ticks, limitEvents: limits, orderEvents: orders,
                       coachLines: coaching, finalPnL: finalPnL)
    }

    /// Moves `replay` to `step` with the first `actionsSeen` recorded actions applied: where the
    /// session stood when a line of that step was written after them.
    static func reach(_ replay: inout SessionReplay, step: Int, actionsSeen: Int) {
        while replay.step < step || (replay.step == step && replay.actionsApplied < actionsSeen), replay.next() != nil {}
    }

    /// Checks a recorded event against the replay's next one of its kind (`made`), moving the
    /// replay on as far as `step`; counts it in `seen`. The difference, or nil when equal.
    static func check<Event: Equatable>(_ recorded: Event, step: Int, against made: KeyPath<SessionReplay, [Event]>,
                                        seen: inout Int, in replay: inout SessionReplay,
                                        describe: (Event) -> String) -> String? {
        guard catchUp(&replay, made: made.appending(path: \.count), past: seen, by: step) else {
            return "recorded a \(describe(recorded)), replayed none at step \(step)"
        }
        let replayed = replay[keyPath: made][seen]
        seen += 1
        return replayed == recorded ? nil : "recorded a \(describe(recorded)), replayed a \(describe(replayed))"
    }

    /// Moves the replay on until it has made more than `count` of what `made` counts, or has
    /// gone past `step`; true when it made one more.
    static func catchUp(_ replay: inout SessionReplay, made: KeyPath<SessionReplay, Int>, past count: Int, by step: Int) -> Bool {
        while replay[keyPath: made] <= count, replay.step <= step, replay.next() != nil {}
        return count < replay[keyPath: made]
    }

    static func describe(_ event: LimitEvent) -> String {
        "\(event.limit.rawValue) \(event.change.rawValue) at step \(event.step) "
            + "(value \(JSONText.format(event.value)), max \(JSONText.format(event.maximum)))"
    }

    static func describe(_ event: OrderEvent) -> String {
        let order = event.order
        let what = switch event.kind {
        case .order: "placement"
        case .fill: "fill"
        case .cancel: "cancellation"
        }
        return "\(what) of order \(order.id) at step \(event.step) (qty \(JSONText.format(order.shares)) "
            + "price \(JSONText.format(order.price))\(order.isLadder ? " ladder" : "") mid \(JSONText.format(order.midWhenPlaced)))"
    }

    static func describe(_ trade: Trade) -> String {
        "trade at step \(trade.step): qty \(JSONText.format(trade.quantity)) price \(JSONText.format(trade.price)) "
            + "cost \(JSONText.format(trade.cost)) reason \(trade.reason.rawValue)"
    }

    /// "trade at step K: recorded price X cost Y, replayed price X' cost Y'", or nil when equal.
    static func difference(_ recorded: Trade, _ replayed: Trade) -> String? {
        if recorded.step != replayed.step {
            return "recorded a \(describe(recorded)), replayed a \(describe(replayed))"
        }
        var left: [String] = []
        var right: [String] = []
        var fields = [("qty", recorded.quantity, replayed.quantity), ("price", recorded.price, replayed.price),
                      ("cost", recorded.cost, replayed.cost)]
        // When and at what mid the order was sent, where the journal says (older journals do not).
        if let sent = recorded.sentStep {
            fields += [("sent_step", Double(sent), Double(replayed.sentStep ?? replayed.step)), ("mid", recorded.midWhenSent, replayed.midWhenSent)]
        }
        for (name, a, b) in fields where !same(a, b) {
            left.append("\(name) \(JSONText.format(a))")
            right.append("\(name) \(JSONText.format(b))")
        }
        if recorded.reason != replayed.reason {
            left.append("reason \(recorded.reason.rawValue)")
            right.append("reason \(replayed.reason.rawValue)")
        }
        guard !left.isEmpty else { return nil }
        return "trade at step \(recorded.step): recorded \(left.joined(separator: " ")), replayed \(right.joined(separator: " "))"
    }

    /// "recorded pnl X, replayed pnl Y" for the fields that differ, or nil.
    static func difference(_ fields: [(String, Double, Double)]) -> String? {
        let differing = fields.filter { !same($0.1, $0.2) }
        guard !differing.isEmpty else { return nil }
        func text(_ value: Double) -> String { value.isFinite ? JSONText.format(value) : "null" }
        return "recorded " + differing.map { "\($0.0) \(text($0.1))" }.joined(separator: " ")
            + ", replayed " + differing.map { "\($0.0) \(text($0.2))" }.joined(separator: " ")
    }

    /// Bit-for-bit equality as the journal can express it: a recorded null (read as NaN) is
    /// any non-finite value.
    static func same(_ recorded: Double, _ replayed: Double) -> Bool {
        recorded.isNaN ? !replayed.isFinite : recorded == replayed
    }
}
