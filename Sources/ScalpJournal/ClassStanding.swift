import ScalpEngine

/// Where a trainee's session is, as the board can tell from the journal and its lock.
public enum TraineeState: String, Sendable, Hashable, CaseIterable {
    /// Started, still at step 0 (the intro is up, or the clock has not run yet).
    case starting
    /// Lines keep coming.
    case playing
    /// The trainee paused the screen (the last control line was a pause).
    case paused
    /// The process is still there (it holds the journal's lock) but no line came for a while.
    case stalled
    /// The end line is there.
    case ended
    /// No end line, and the process that wrote it is gone (nobody holds the journal's lock)
    /// and nothing came for a few seconds: killed, crashed or disconnected.
    case truncated
    /// A file with no readable start line: not a journal, or garbage from the first line.
    case unreadable
}

/// One trainee on the board: how far the session got and its score so far.
public struct ClassRow: Sendable {
    /// The journal's file name without `.jsonl`.
    public var trainee: String
    public var state: TraineeState
    public var step = 0
    /// The session's length in steps.
    public var steps = 0
    /// Session time reached, years.
    public var time = 0.0
    /// The score so far, from the replay (nil for an unreadable file).
    public var score: SessionGrade?
    public var summary: SessionSummary?
    public var endReason: EndReason?
    public var start: JournalStart?
    /// The rank among the trainees of the class's market; nil for a row shown apart.
    public var rank: Int?
    /// Why the row is shown apart: its market differs from the class's ("seed 6 vs 5").
    public var apart: String?
    /// What went wrong with the file: deleted, rewritten, a bad line, a P&L the replay did
    /// not reproduce.
    public var notes: [String] = []

    /// Trainee P&L minus the benchmark's on the same path, currency.
    public var gap: Double? { score.map { $0.traineePnL - $0.benchmarkPnL } }
}

/// The class at one moment: the rows of the class's market ranked, then the rows of other
/// markets and unreadable files, apart and unranked. The class's market is the one most
/// sessions play (the first seen on a tie).
public struct ClassStanding: Sendable {
    /// Seconds without a new line before a session whose process is still there is stalled,
    /// and before one whose process is gone is truncated.
    public struct Timing: Sendable {
        public var stalledAfter = 10.0
        public var truncatedAfter = 3.0
        public init(stalledAfter: Double = 10, truncatedAfter: Double = 3) {
            self.stalledAfter = stalledAfter
            self.truncatedAfter = truncatedAfter
        }
    }

    /// Ranked rows, best first.
    public var ranked: [ClassRow] = []
    /// Rows not ranked with the others: other markets, then unreadable files.
    public var apart: [ClassRow] = []
    /// The class's market (its start line), nil before any session started.
    public var market: JournalStart?

    public init() {}

    public init(_ followers: [JournalFollower], now: Double, timing: Timing = Timing()) {
        var rows = followers.compactMap { Self.row($0, now: now, timing: timing) }
        // Group by market; the largest group (the first on a tie) is the class's.
        var groups: [(start: JournalStart, members: [Int])] = []
        for (index, row) in rows.enumerated() {
            guard let start = row.start else { continue }
            if let group = groups.firstIndex(where: { $0.start.marketDifference(from: start) == nil }) {
                groups[group].members.append(index)
            } else {
                groups.append((start, [index]))
            }
        }
        let main = groups.enumerated().max { a, b in
            a.element.members.count != b.element.members.count ? a.element.members.count < b.element.members.count : a.offset > b.offset
        }?.element
        market = main?.start
        for index in rows.indices {
            if let start = rows[index].start, let market, let difference = start.marketDifference(from: market) {
                rows[index].apart = difference
            }
        }
        let inMarket = rows.filter { $0.start != nil && $0.apart == nil }
        ranked = ClassRanking.rank(inMarket) { $0.score! }.map { entry in
            var row = entry.item
            row.rank = entry.rank
            return row
        }
        apart = rows.filter { $0.apart != nil } + rows.filter { $0.start == nil }
    }

    /// All rows, ranked first.
    public var rows: [ClassRow] { ranked + apart }

    /// The row for one follower; nil for a file with nothing to show yet (no line, or only a
    /// start line still being written).
    static func row(_ follower: JournalFollower, now: Double, timing: Timing) -> ClassRow? {
        var notes: [String] = []
        if follower.missing { notes.append("file deleted") }
        if follower.restarts > 0 { notes.append("file rewritten" + (follower.restarts > 1 ? " ×\(follower.restarts)" : "")) }
        if let problem = follower.problem { notes.append(problem) }
        guard let session = follower.session else {
            guard follower.problem != nil else { return nil }
            return ClassRow(trainee: follower.trainee, state: .unreadable, notes: notes)
        }
        if let mismatch = session.mismatch { notes.append("line \(mismatch.line): \(mismatch.message)") }
        if follower.earlierSessions > 0 { notes.append("latest of \(follower.earlierSessions + 1) sessions") }
        let trainee = session.training.trainee
        let quiet = now - follower.lastGrowth
        let state: TraineeState
        if session.isEnded {
            state = .ended
        } else if follower.writerPresent != true && quiet >= (follower.writerPresent == false ? timing.truncatedAfter : timing.stalledAfter) {
            state = .truncated
        } else if session.paused {
            state = .paused
        } else if trainee.step == 0 {
            state = .starting
        } else {
            state = quiet >= timing.stalledAfter ? .stalled : .playing
        }
        return ClassRow(trainee: follower.trainee, state: state, step: trainee.step, steps: trainee.config.steps,
                        time: trainee.time, score: session.score, summary: session.summary,
                        endReason: session.end?.reason, start: session.start, notes: notes)
    }
}
