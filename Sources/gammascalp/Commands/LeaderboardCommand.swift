import ArgumentParser
import Foundation
import ScalpJournal
import ScalpEngine
import ScalpFormat

/// `gammascalp leaderboard JOURNAL...`: trainees of one scenario and seed, ranked.
struct LeaderboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leaderboard",
        abstract: "Rank several trainees' journals of the same scenario and seed.",
        discussion: """
        Class mode: hand out a scenario and a seed (`gammascalp play --scenario NAME
        --seed N`); every trainee then trades the same market. Collect their journals
        and rank them here.

        Each session is replayed from its recorded actions, so the ranking does not
        trust the numbers written in the journal, and graded on its decisions: its
        utility U = P&L − luck − (λ/2)·Σ Δ²·Var (the luck of the delta it left open
        taken out, the risk it took charged) placed among the reference hedge rules'
        utilities on the same path, 0 to 100, less the limit penalties. Ranked by
        points, then P&L. Only finished sessions are ranked: one quit early or cut
        short is listed with the step it reached, never ranked. Journals of different
        scenarios or seeds are refused. A journal holding several sessions contributes
        each (FILE#2 is its second).

        --watch DIR: a live full-screen board of a class folder (`play --class DIR`
        writes DIR/NAME.jsonl), looked at once a second: each trainee's step and time
        reached, P&L, gap to the benchmark, score so far and state (starting, playing,
        paused, stalled, ended, truncated), re-ranked as the journals grow. Journals of
        another market are shown apart and not ranked. Keys: q quit · s sort column ·
        ↑↓ select · Enter the trainee's summary · Esc close it.
        """
    )

    @Argument(help: ArgumentHelp("Session journals written by `gammascalp play`.", valueName: "journal"))
    var journals: [String] = []

    @Flag(help: "Print the ranking as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Watch a class folder live (`play --class DIR` writes into it) on a full-screen board.",
                               valueName: "dir"))
    var watch: String?

    @Option(help: ArgumentHelp("With --watch: color theme, a name from `gammascalp themes` or a theme file.",
                               valueName: "name|file"))
    var theme: String?

    @Option(parsing: .unconditional,
            help: "With --watch: seconds without a new journal line before a running session counts as stalled (default 10).")
    var stall: Double = 10

    func validate() throws {
        if let watch {
            if !journals.isEmpty { throw ValidationError("--watch \(watch) watches a folder; give no journal files with it") }
            if json { throw ValidationError("--watch and --json cannot be used together") }
            if watch.isEmpty { throw ValidationError("--watch needs a folder") }
            try FlagCheck.positive(stall, "--stall")
        } else {
            if journals.isEmpty { throw ValidationError("give at least one journal, or --watch DIR") }
            if theme != nil { throw ValidationError("--theme is only for --watch") }
        }
    }

    struct Entry {
        var session: RecordedSession
        var score: SessionGrade
        var step: Int
        /// Whether the replay reached the session's last step: only finished sessions rank,
        /// so quitting early or cutting a journal never beats playing the session out.
        var finished: Bool
        /// Where `replay --verify` found the journal disagreeing with its own replay (an edited
        /// score, tick or trade); such a session is listed, never ranked.
        var mismatch: JournalVerifier.Mismatch?
        var rank = 0

        var ranks: Bool { finished && mismatch == nil }
        /// How the journal ended: its end line's reason, or "truncated".
        var reason: String { session.end?.end.reason.rawValue ?? "truncated" }
        /// The table's "ended" column: the reason, or why the session is not ranked.
        var ended: String {
            if mismatch != nil { return "not verified" }
            return finished ? reason : "did not finish: step \(step)"
        }
    }

    func run() throws {
        if let watch { return try ClassBoard(directory: watch, theme: theme, stall: stall).run() }
        var sessions: [RecordedSession] = []
        for path in journals {
            let document = try JournalReader.parse(TextFile.read(path, what: "journal"), path: path)
            for session in document.sessions {
                JournalNote.truncation(session, document: document)
                sessions.append(session)
            }
        }
        if let first = sessions.first {
            for other in sessions.dropFirst() {
                if let difference = first.start.marketDifference(from: other.start) {
                    throw CommandFailure("\(first.location) and \(other.location) are not the same market: \(difference); "
                                         + "a leaderboard compares one scenario and seed")
                }
            }
        }
        var entries = try sessions.map { session in
            var mismatch: JournalVerifier.Mismatch?
            var replay: SessionReplay
            do {
                replay = try JournalVerifier.verify(session).replay
            } catch let found as JournalVerifier.Mismatch {
                JournalNote.print("\(found.description): not ranked")
                (mismatch, replay) = (found, SessionReplay(try session.script()))
                replay.runToEnd()
            }
            return Entry(session: session, score: replay.training.grade, step: replay.step,
                         finished: replay.step >= replay.training.trainee.config.steps, mismatch: mismatch)
        }
        entries = ClassRanking.rank(entries.filter(\.ranks)) { $0.score }.map { ranked in
            var entry = ranked.item
            entry.rank = ranked.rank
            return entry
        } + entries.filter { !$0.ranks }
        print(json ? renderJSON(entries) : renderTable(entries))
    }

    private func renderTable(_ entries: [Entry]) -> String {
        guard let first = entries.first else { return "" }
        // The market's part is the path's, the same for every session that reached the same step;
        // where sessions stopped at different steps it differs, and each row gives its own.
        let markets = Set(entries.compactMap { $0.score.decomposition.map { Format.money($0.market) } })
        let marketColumn = markets.count > 1
        var rows = [["rank", "trainee", "P&L"] + (marketColumn ? ["market"] : []) + ["vs benchmark", "hedging part",
                     "hedge err/step", "costs", "trades", "over limit", "points", "like", "ended"]]
        for entry in entries {
            let s = entry.score
            let market = marketColumn ? [s.decomposition.map { Format.money($0.market) } ?? ""] : []
            rows.append([entry.ranks ? String(entry.rank) : "–", entry.session.label, Format.money(s.traineePnL)] + market + [
                         Format.money(s.traineePnL - s.benchmarkPnL), s.decomposition.map { Format.money($0.hedging) } ?? "",
                         Format.number(s.traineeHedgingError), Format.number(s.traineeCosts), String(s.traineeTrades),
                         Format.percent(s.timeOverLimit), String(Int(s.points)), s.nearestRule ?? "",
                         entry.ended])
        }
        let start = first.session.start
        let market = marketColumn ? ", the market's part by session (they stopped at different steps)"
            : first.score.decomposition.map { ", market's part \(Format.money($0.market)) for everyone" } ?? ""
        let heading = "\(start.scenario.name), seed \(start.seed): \(entries.count) session\(entries.count == 1 ? "" : "s"), "
            + "scored among the reference hedge rules on the same path\(market); benchmark hedger "
            + "\(start.scenario.benchmarkRule.label)"
        return heading + "\n\n" + Table(rows, rightAligned: Set(0...(marketColumn ? 10 : 9)).subtracting([1])).rendered
    }

    private func renderJSON(_ entries: [Entry]) -> String {
        let start = entries.first?.session.start
        return JSONText.object([
            ("scenario", start.map { .string($0.scenario.name) } ?? .null),
            ("seed", start.map { JournalStart.seedValue($0.seed) } ?? .null),
            ("benchmark_pnl", entries.first.map { .number($0.score.benchmarkPnL) } ?? .null),
            ("ranking", .array(entries.map { entry in
                let s = entry.score
                return .object([
                    ("rank", entry.ranks ? .integer(entry.rank) : .null), ("finished", .bool(entry.finished)),
                    ("verified", .bool(entry.mismatch == nil)), ("trainee", .string(entry.session.label)),
                    ("journal", .string(entry.session.path)), ("session", .integer(entry.session.index + 1)),
                    ("pnl", .number(s.traineePnL)), ("vs_benchmark", .number(s.traineePnL - s.benchmarkPnL)),
                    ("hedging_error", .number(s.traineeHedgingError)), ("costs", .number(s.traineeCosts)),
                    ("trades", .integer(s.traineeTrades)), ("time_over_limit", .number(s.timeOverLimit)),
                    ("points", .number(s.points)), ("ended", .string(entry.reason)), ("step", .integer(entry.step)),
                    ("verdict", .string(s.verdict)),
                    ("nearest_rule", s.nearestRule.map { .string($0) } ?? .null),
                    ("best_rule", s.bestRule.map { .string($0) } ?? .null),
                    ("market", s.decomposition.map { .number($0.market) } ?? .null),
                    ("hedging", s.decomposition.map { .number($0.hedging) } ?? .null),
                ])
            })),
        ]).rendered
    }
}
