/// Re-runs a recorded training session: a `TrainingSession` on the script's scenario and
/// seed, with each recorded action applied when the session reaches its step and ticks in
/// between, until the recording's end. The actions go through `TrainingSession.apply` and so
/// `Session.apply`, the very path live play takes, so the replayed prices, trades and P&L are
/// the recorded ones bit for bit.
///
/// It moves one event at a time (`next()`), so a caller can compare against a journal line
/// by line, draw a screen between steps, or run it through (`runToEnd()`).
public struct SessionReplay: Sendable {
    /// What is replayed; it grows while a journal is followed as it is written (`extend`).
    public private(set) var script: ReplayScript
    public private(set) var training: TrainingSession
    /// Recorded actions applied so far (the index of the next one in `script.actions`).
    public private(set) var actionsApplied = 0
    /// Every trade the trainee made so far, oldest first, including any hedge at time 0.
    public private(set) var trades: [Trade] = []
    /// Every limit breach and clear so far, oldest first, including one open at the start.
    public private(set) var limitEvents: [LimitEvent] = []
    /// The trainee's order events so far (placed, filled, cancelled), oldest first.
    public private(set) var orderEvents: [OrderEvent] = []
    /// The option orders the trainee filled so far, oldest first.
    public private(set) var optionFills: [OptionFill] = []

    public init(_ script: ReplayScript) {
        self.script = script
        training = TrainingSession(scenario: script.scenario, seed: script.seed, autoHedge: script.autoHedge)
        collectNewEvents()
    }

    /// The trainee's step now.
    public var step: Int { training.trainee.step }

    /// What `next()` would do, or nil once the replay has reached the end of the recording.
    public var upcoming: ReplayEvent.Kind? {
        guard !training.isFinished else { return nil }
        if actionsApplied < script.actions.count, script.actions[actionsApplied].step <= step {
            return .action(script.actions[actionsApplied])
        }
        if step < script.ending.step { return .tick }
        return script.ending.finishes ? .finish : nil
    }

    /// True once everything recorded has happened (or the session finished on its own).
    public var isComplete: Bool { upcoming == nil }

    /// Does the next thing: applies the next recorded action if it is due at this step,
    /// otherwise ticks; at the recording's end, finishes the session if it ended there.
    /// Returns what happened and the trades it made, or nil when complete.
    @discardableResult
    public mutating func next() -> ReplayEvent? {
        guard let kind = upcoming else { return nil }
        let before = trades.count
        switch kind {
        case .action(let recorded):
            training.apply(recorded.action)
            actionsApplied += 1
        case .tick:
            training.apply(.tick)
        case .finish:
            training.apply(.finish)
        }
        collectNewEvents()
        return ReplayEvent(kind: kind, step: step, trades: before..<trades.count)
    }

    /// One step as single-stepping shows it: the actions still due at this step, then one
    /// tick (or the finish at the end). Returns the events, empty when complete.
    @discardableResult
    public mutating func advanceStep() -> [ReplayEvent] {
        var events: [ReplayEvent] = []
        while let event = next() {
            events.append(event)
            if event.kind == .tick || event.kind == .finish { break }
        }
        return events
    }

    /// The viewer stops watching before the recording's end: the session finishes here (the
    /// stock is closed out), as a trainee's quit would have finished it.
    public mutating func stop() {
        guard !training.isFinished else { return }
        training.apply(.finish)
        collectNewEvents()
    }

    /// More of the recording arrived (a journal followed as it is written): `actions` recorded
    /// after the script's, and the recording now ending at `ending`. The replay goes on from
    /// where it is; `next()` and `runToEnd()` then play the new part.
    public mutating func extend(by actions: [RecordedAction], ending: ReplayEnding) throws(ReplayScriptError) {
        script = try ReplayScript(scenario: script.scenario, seed: script.seed, autoHedge: script.autoHedge,
                                  actions: script.actions + actions, ending: ending)
    }

    /// Runs to the end of the recording.
    public mutating func runToEnd() {
        while next() != nil {}
    }

    /// Appends the trainee's trades, option fills, limit and order events made since the last call.
    private mutating func collectNewEvents() {
        limitEvents.append(contentsOf: training.limitEvents)
        orderEvents.append(contentsOf: training.orderEvents)
        trades.append(contentsOf: training.trainee.trades(since: trades.count))
        optionFills.append(contentsOf: training.trainee.optionFills(since: optionFills.count))
    }
}

/// One thing a replay did.
public struct ReplayEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A recorded action was applied.
        case action(RecordedAction)
        /// The session advanced one step.
        case tick
        /// The recording ended here and the session was finished (stock closed out).
        case finish
    }

    public var kind: Kind
    /// The trainee's step after the event.
    public var step: Int
    /// The trades it made, as indices into `SessionReplay.trades`.
    public var trades: Range<Int>
}
