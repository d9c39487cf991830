import Foundation
import ScalpEngine

/// One session of a journal: its start line and everything after it, up to its end line or
/// to where the recording breaks off.
public struct RecordedSession: Sendable {
    public var path: String
    /// Its place in the file, 0-based, and how many sessions the file holds.
    public var index: Int
    public internal(set) var count = 1
    public var start: JournalStart
    public var startLine: Int
    /// The lines after the start line, in file order.
    public private(set) var records: [JournalRecord] = []
    public internal(set) var end: (line: Int, end: JournalEnd)?
    /// The last complete line of the file that belongs to this session.
    public internal(set) var lastCompleteLine = 0

    init(path: String, index: Int, start: JournalStart, startLine: Int) {
        self.path = path
        self.index = index
        self.start = start
        self.startLine = startLine
    }

    /// Adds the next line; steps must not go backwards and nothing may follow the end.
    mutating func append(_ record: JournalRecord) throws {
        if let end {
            throw JournalError("\(path):\(record.line): a line after the session's end (line \(end.line))")
        }
        let previous = records.last?.step ?? 0
        guard record.step >= previous else {
            throw JournalError("\(path):\(record.line): step \(record.step) comes after step \(previous); "
                                 + "journal lines must be in step order")
        }
        records.append(record)
        if case .end(let end) = record.entry { self.end = (record.line, end) }
    }

    /// The trainee's name for it, as the live board shows it: the file name without `.jsonl`,
    /// with `#N` when the file holds several sessions.
    public var label: String {
        let file = (path as NSString).lastPathComponent
        let name = file.hasSuffix(".jsonl") && file.count > 6 ? String(file.dropLast(6)) : file
        return count > 1 ? "\(name)#\(index + 1)" : name
    }

    /// Where this session is, for messages: `FILE` or `FILE (session N of M)`.
    public var location: String { count > 1 ? "\(path) (session \(index + 1) of \(count))" : path }

    public var isTruncated: Bool { end == nil }

    /// The last step the journal saw.
    public var lastStep: Int { records.last?.step ?? 0 }

    /// What the commands print when the session has no end line.
    public var truncationNote: String? {
        guard isTruncated else { return nil }
        return "\(location): journal truncated after line \(lastCompleteLine) (no end line); "
            + "replaying up to step \(lastStep), the last recorded"
    }

    public var actions: [(line: Int, action: RecordedAction)] {
        records.compactMap { record in
            if case .action(let action, _) = record.entry { return (record.line, action) }
            return nil
        }
    }

    /// Times the trainee asked the coach: the `coach` lines.
    public var coachUses: Int {
        records.count { if case .coach = $0.entry { true } else { false } }
    }

    public var trades: [(line: Int, trade: Trade)] {
        records.compactMap { record in
            if case .trade(let trade) = record.entry { return (record.line, trade) }
            return nil
        }
    }

    public var ticks: [(line: Int, tick: TickSample)] {
        records.compactMap { record in
            if case .tick(let tick) = record.entry { return (record.line, tick) }
            return nil
        }
    }

    /// The scenario, seed, starting auto-hedge state and recorded actions, ready to replay.
    /// The start line's `config` must be the scenario's (as the live screen runs it: full
    /// detail, the trainee's auto-hedge), or the journal contradicts itself.
    public func script() throws -> ReplayScript {
        guard TrainingSession.traineeConfig(for: start.scenario, autoHedge: start.config.autoHedge) == start.config else {
            throw JournalError("\(path):\(startLine): the start line's \"config\" is not its \"scenario_spec\"'s; "
                                 + "the journal contradicts itself and cannot be replayed")
        }
        let actions = self.actions
        let ending: ReplayEnding = end.map { .finished(step: $0.end.step) } ?? .truncated(step: lastStep)
        do {
            return try ReplayScript(scenario: start.scenario, seed: start.seed, autoHedge: start.config.autoHedge,
                                    actions: actions.map(\.action), ending: ending)
        } catch {
            let line = error.actionIndex.map { actions[$0].line } ?? end?.line ?? lastCompleteLine
            throw JournalError("\(path):\(line): \(error.message)")
        }
    }
}
