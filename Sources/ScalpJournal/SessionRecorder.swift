import Foundation
import ScalpEngine

/// Decides which journal lines a training session writes, and when. A front end (the live
/// screen, the headless `session` command, a replay shown again) tells it what the session
/// did — an action applied, a step ticked, a screen control, the end — right after it did it,
/// and the recorder turns that into lines:
/// - `start` once, then any hedge at time 0, a first `tick`, and the limit and order events
///   the start caused;
/// - per action: the `action` line, then the trades, limit and order events it made;
/// - per step: the trades, limit and order events, and a `tick` line once a simulated hour;
/// - per use of the coach: a `coach` line;
/// - at the end: a last `tick` (unless the step just wrote one) and the `end` line.
///
/// Lines wait in the recorder until `write(to:)` hands them to a sink, so a front end writes
/// at its own pace (the screen once a frame, the headless command once a batch of steps).
public struct SessionRecorder: Sendable {
    /// A `tick` line every this many steps (one simulated hour).
    public let tickInterval: Int
    /// The end line, once the session has ended.
    public private(set) var end: JournalEnd?
    private var pending: [JournalLine] = []
    /// The trainee's trade count already journaled.
    private var journaledTrades = 0
    /// Times the coach was asked in this session (`coach` lines, those of the journal before a rejoin too).
    public private(set) var coachUses = 0

    /// Starts the journal of `training` as it stands before its first step. `startedAt` is the
    /// wall-clock time for the start line (nil: not recorded); `course`, the course level it
    /// is played for.
    public init(_ training: TrainingSession, startedAt: Date?, course: CourseMark? = nil) {
        let config = training.trainee.config
        tickInterval = Self.tickInterval(config)
        pending.append(.start(JournalStart(scenario: training.scenario, seed: training.seed, config: config,
                                           startedAt: startedAt, course: course)))
        recordNewTrades(training.trainee)
        pending.append(.tick(TickSample(training.trainee)))
        recordEngineEvents(training)
    }

    /// Carries on the journal of `training`, replayed from that journal to its last line (a
    /// class trainee who rejoins): no start line, and the trades already journaled are not
    /// written again. The lines that follow extend the same session.
    public init(resuming training: TrainingSession, coachUses: Int = 0) {
        tickInterval = Self.tickInterval(training.trainee.config)
        journaledTrades = training.trainee.tradeCount
        self.coachUses = coachUses
    }

    /// Steps in one simulated hour of `config`'s clock, at least one.
    private static func tickInterval(_ config: SessionConfig) -> Int {
        let hour = config.dayCount.day / config.dayCount.hoursPerDay
        return max(1, Int((hour / config.timeStep).rounded()))
    }

    /// `action` was just applied to `training`: the action, then what it did.
    public mutating func recordAction(_ action: SessionAction, _ training: TrainingSession) {
        let session = training.trainee
        pending.append(.action(RecordedAction(step: session.step, action: action), time: session.time))
        recordNewTrades(session)
        recordEngineEvents(training)
    }

    /// `training` just advanced one step.
    public mutating func recordStep(_ training: TrainingSession) {
        recordNewTrades(training.trainee)
        recordEngineEvents(training)
        if training.trainee.step % tickInterval == 0 { pending.append(.tick(TickSample(training.trainee))) }
    }

    /// A screen-only action (pause, resume, speed) at the session's current step.
    public mutating func recordControl(_ event: ControlEvent, _ session: Session) {
        pending.append(.control(step: session.step, time: session.time, event: event))
    }

    /// The trainee asked the coach and was shown `advice` (`coach` line).
    public mutating func recordCoach(_ advice: CoachAdvice) {
        pending.append(.coach(CoachNote(advice)))
        coachUses += 1
    }

    /// The summary of `training` so far, with the coach's uses.
    public func summary(_ training: TrainingSession) -> SessionSummary {
        var summary = SessionSummary(training)
        summary.coachUses = coachUses
        return summary
    }

    /// The session ended for `reason` (finished already when it was a quit or a signal).
    /// Only the first end is recorded.
    public mutating func recordEnd(_ reason: EndReason, _ training: TrainingSession) {
        guard end == nil else { return }
        let session = training.trainee
        if session.step % tickInterval != 0 { pending.append(.tick(TickSample(session))) }
        let ending = JournalEnd(reason: reason, summary: summary(training))
        end = ending
        pending.append(.end(ending))
    }

    /// True when lines wait to be written.
    public var hasPendingLines: Bool { !pending.isEmpty }

    /// Hands the waiting lines to `sink` in order, then syncs once if any was a trade, an
    /// order event or the end. Without a sink the lines are dropped. The lines leave the
    /// recorder even when writing fails: the caller decides whether the journal goes on.
    public mutating func write(to sink: (any JournalSink)?) throws {
        let lines = takeLines()
        guard let sink, !lines.isEmpty else { return }
        for line in lines { try sink.write(line) }
        if lines.contains(where: \.needsSync) { try sink.sync() }
    }

    /// The waiting lines, oldest first; they leave the recorder.
    public mutating func takeLines() -> [JournalLine] {
        defer { pending.removeAll(keepingCapacity: true) }
        return pending
    }

    /// Journals the trades made since the last call.
    private mutating func recordNewTrades(_ session: Session) {
        pending += session.trades(since: journaledTrades).map { .trade($0) }
        journaledTrades = session.tradeCount
    }

    /// The limit breaches and clears, and the limit orders placed, filled and cancelled, that
    /// the engine noted in its latest change.
    private mutating func recordEngineEvents(_ training: TrainingSession) {
        pending += training.limitEvents.map { .limit($0) }
        pending += training.orderEvents.map { .order($0) }
    }
}
