import ScalpEngine

/// A session replayed as its journal is written, line by line: the engine's `SessionReplay`
/// on a script that grows with each line read (its actions so far, ending at the latest
/// line's step), so the P&L, the benchmark and the score so far are the engine's own (a
/// journal's numbers are not trusted). Each `tick` line's P&L is checked against the replay;
/// a difference is kept as `mismatch`.
///
/// Lines come in step order and an action at step s is written before any line of a later
/// step, so replaying to the step of the latest line never runs past an action still to come.
public struct FollowedSession: Sendable {
    public let start: JournalStart
    /// The engine's replay of the lines read so far.
    public private(set) var replay: SessionReplay
    /// The trainee's session with the benchmark and the reference family beside it.
    public var training: TrainingSession { replay.training }
    /// The end line, once read.
    public private(set) var end: JournalEnd?
    /// The trainee paused the screen (the last `control` line was a pause).
    public private(set) var paused = false
    /// The first tick line whose P&L the replay did not reproduce: its line and the message.
    public private(set) var mismatch: (line: Int, message: String)?
    /// The `coach` lines read so far.
    public private(set) var coachUses = 0

    /// Starts on a start line; refused when its `config` is not its scenario's (as `script()`).
    public init(_ start: JournalStart, line: Int) throws(JournalError) {
        guard TrainingSession.traineeConfig(for: start.scenario, autoHedge: start.config.autoHedge) == start.config else {
            throw JournalError("line \(line): the start line's \"config\" is not its \"scenario_spec\"'s")
        }
        self.start = start
        do {
            replay = SessionReplay(try ReplayScript(scenario: start.scenario, seed: start.seed, autoHedge: start.config.autoHedge,
                                                    actions: [], ending: .truncated(step: 0)))
        } catch {
            throw JournalError("line \(line): \(error.message)")
        }
    }

    /// The trainee's step reached.
    public var step: Int { training.trainee.step }

    public var isEnded: Bool { end != nil }

    /// The score so far (final once ended).
    public var score: SessionGrade { training.grade }

    /// The summary so far, with the score.
    public var summary: SessionSummary {
        var summary = SessionSummary(training)
        summary.coachUses = coachUses
        return summary
    }

    /// Takes the next line of the session (not a start line). Throws for a line that breaks
    /// the session's order: after the end, a step behind the replay or past the last step.
    public mutating func take(_ entry: JournalLine, line: Int) throws(JournalError) {
        if end != nil { throw JournalError("line \(line): a line after the session's end") }
        let step = entry.step
        guard step >= training.trainee.step else {
            throw JournalError("line \(line): step \(step) comes after step \(training.trainee.step)")
        }
        guard step <= start.scenario.config.steps else {
            throw JournalError("line \(line): step \(step) is past the session's \(start.scenario.config.steps) steps")
        }
        let recorded: [RecordedAction]
        if case .action(let action, _) = entry { recorded = [action] } else { recorded = [] }
        let ending: ReplayEnding = if case .end = entry { .finished(step: step) } else { .truncated(step: step) }
        do { try replay.extend(by: recorded, ending: ending) } catch {
            throw JournalError("line \(line): \(error.message)")
        }
        replay.runToEnd()
        switch entry {
        case .tick(let tick):
            let replayed = training.trainee.pnl
            if mismatch == nil, tick.pnl != replayed, !(tick.pnl.isNaN && replayed.isNaN) {
                mismatch = (line, "recorded P&L \(tick.pnl), replayed \(replayed)")
            }
        case .control(_, _, let event):
            switch event {
            case .pause: paused = true
            case .resume: paused = false
            default: break
            }
        case .end(let ending):
            end = ending
        case .coach:
            coachUses += 1
        case .start, .action, .trade, .limit, .order:
            break
        }
    }
}
