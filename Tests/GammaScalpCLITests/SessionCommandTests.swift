import Foundation
import Testing
import ScalpEngine
import ScalpJournal

/// `gammascalp session`: one whole session headless, graded as the live screen grades it.
@Suite("session command")
struct SessionCommandTests {
    func endLine(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(["session"] + arguments + ["--json"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    /// The JSON is the journal's end line, with the grade and the luck/skill parts, and its
    /// points are the engine's `HeadlessSession` grade: the lesson tests pin that one.
    @Test(arguments: [("expensive-hedging", "band:300", UInt64(3)), ("trend-day", "every:1", UInt64(8))])
    func jsonIsTheEndLineAndTheEnginesGrade(scenario name: String, rule: String, seed: UInt64) throws {
        let end = try endLine(["--scenario", name, "--rule", rule, "--seed", "\(seed)"])
        // trend-day's one day ends before its options expire: at its horizon.
        #expect(end["type"] as? String == "end" && end["reason"] as? String == (name == "trend-day" ? "horizon" : "expired"))
        for key in ["pnl", "attribution", "trades", "costs", "score"] { #expect(end[key] != nil, "no \(key)") }
        let score = try #require(end["score"] as? [String: Any])
        for key in ["points", "verdict", "nearest_rule", "best_rule", "utility", "decomposition"] {
            #expect(score[key] != nil, "no score.\(key)")
        }
        let scenario = try #require(Scenario.named(name))
        let grade = HeadlessSession(scenario: scenario, seed: seed, rule: try HedgeRule.parse(rule)).run()
        // Exact numbers through JSONDecoder (JSONSerialization on Linux may not read a double
        // back to the same bits).
        struct Exact: Decodable {
            struct Score: Decodable { var points: Double; var best_rule: String }
            var pnl: Double
            var score: Score
        }
        let result = try CLI.run(["session", "--scenario", name, "--rule", rule, "--seed", "\(seed)", "--json"])
        let exact = try JSONDecoder().decode(Exact.self, from: Data(result.stdout.utf8))
        #expect(exact.score.points == grade.points && exact.pnl == grade.traineePnL)
        #expect(exact.score.best_rule == grade.bestRule)
        let parts = try #require(score["decomposition"] as? [String: Double])
        let sum = ["market", "hedging", "costs", "rest"].compactMap { parts[$0] }.reduce(0, +)
        #expect(abs(sum - grade.traineePnL) <= 1e-9 * max(1, abs(grade.traineePnL)), "the parts add up to the P&L")
    }

    /// The summary is the live screen's shell summary; the journal verifies and ranks beside a
    /// session played on the screen (a different starting policy is the trainee's choice).
    @Test func journalVerifiesAndRanksBesideALiveSession() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let headless = folder.appendingPathComponent("band300.jsonl").path
        let result = try CLI.run(["session", "--scenario", "classic-scalp", "--seed", "5", "--rule", "band:300",
                                  "--journal", headless])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("score ") && result.stdout.contains("parts: market ")
                && result.stdout.contains("journal \(headless)"))
        let verify = try CLI.run(["replay", "--verify", headless])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("verified: "), "\(verify.stderr)")
        let live = try JournalFixture.write(JournalFixture.play(commands: JournalFixture.busyTrainee, quitAt: 900))
        let board = try CLI.run(["leaderboard", headless, live, "--json"])
        #expect(board.status == 0, "\(board.stderr)")
        let ranking = try #require((try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as? [String: Any])?["ranking"]
                                   as? [[String: Any]])
        #expect(ranking.count == 2)
    }

    @Test(arguments: [
        (["session", "--scenario", "classic-scalp", "--rule", "band:-3"], "error: --rule: "),
        (["session", "--scenario", "nope"], "error: --scenario: unknown scenario 'nope'"),
        (["session", "--scenario", "classic-scalp", "--seed", "-1"], "error: --seed must be ≥ 0, got -1"),
        (["session"], "error: Missing expected argument '--scenario"),
    ])
    func badInputIsOneErrorLine(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(message) && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    /// The shell summary's "P&L = ..." line adds up: every bucket is on it, a perpetual's
    /// funding among them (it was left off, so a btc-perp line missed its funding).
    @Test(arguments: ["btc-perp", "classic-scalp", "vol-crush"])
    func summaryLineAddsUpToThePnL(scenario: String) throws {
        let result = try CLI.run(["session", "--scenario", scenario, "--seed", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("P&L ") })
        let numbers = line.split(separator: " ").compactMap { Double($0.replacingOccurrences(of: ",", with: "")) }
        let total = try #require(numbers.first), parts = numbers.dropFirst()
        #expect(parts.count >= 10)
        // Each figure is rounded to the cent.
        #expect(abs(parts.reduce(0, +) - total) <= 0.005 * Double(parts.count + 1), "\(line)")
        if scenario == "btc-perp" { #expect(line.contains("funding")) }
    }
}

/// `session --prices`: a real price series run headless, with play's flags for the book.
@Suite("session on real prices")
struct SessionPricesTests {
    static let goog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ScalpEngineTests/Fixtures/goog-daily-ohlc.csv").path

    /// The session runs every row of the file, names its end by the file's last date, and its
    /// journal verifies; the same flags on `play`'s path give the same book.
    @Test func runsThePriceFileAndItsJournalVerifies() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-session-prices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = folder.appendingPathComponent("goog.jsonl").path
        let result = try CLI.run(["session", "--prices", Self.goog, "--strike", "400", "--kind", "call", "--quantity", "5",
                                  "--journal", journal])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("session ended at 2008-10-14 (step 1046 of 1046)"), "\(result.stdout)")
        let verify = try CLI.run(["replay", journal, "--verify"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("verified:"), "\(verify.stdout)\(verify.stderr)")
        let start = try #require(String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").first)
        #expect(start.contains("\"strike\":400") && start.contains("\"kind\":\"call\""))
    }

    @Test(arguments: [
        (["session", "--prices", "GOOG", "--scenario", "classic-scalp"], "error: --prices and --scenario cannot be used together"),
        (["session", "--scenario", "classic-scalp", "--strike", "3"], "error: --strike is only for --prices"),
        (["session", "--prices", "GOOG", "--quantity", "0"], "error: --quantity must not be 0"),
        (["session"], "error: Missing expected argument '--scenario <name|file>' (or --prices FILE.csv)"),
    ])
    func badInputIsOneErrorLine(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments.map { $0 == "GOOG" ? Self.goog : $0 })
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(message) && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}

/// A session shorter than its book ends with reason `horizon`, not `expired`, wherever a
/// reason is shown: the end line, the shell summary, `sessions` and the report.
@Suite("the session's horizon")
struct SessionHorizonTests {
    @Test func thetaBleedEndsAtItsHorizonWithTheOptionsLeft() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-horizon-\(UUID().uuidString)")
        let sessions = folder.appendingPathComponent("gammascalp/sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = sessions.appendingPathComponent("20261205T010000Z-theta-bleed-seed2.jsonl").path
        let summary = try CLI.run(["session", "--scenario", "theta-bleed", "--seed", "2", "--journal", journal])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(summary.stdout.hasPrefix("session ended at day 11 00:00 (step 2880 of 2880); the options have 20d 00h00m left, "
                                         + "marked at implied"), "\(summary.stdout)")
        let end = try #require(String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").last)
        #expect(end.contains("\"reason\":\"horizon\""), "\(end)")
        #expect(try CLI.run(["replay", journal, "--verify"]).status == 0)
        let listed = try CLI.run(["sessions"], environment: ["XDG_STATE_HOME": folder.path])
        #expect(listed.stdout.contains("finished") && !listed.stdout.contains("expired"), "\(listed.stdout)")
        let report = folder.appendingPathComponent("r.html").path
        #expect(try CLI.run(["report", journal, "--out", report]).status == 0)
        let page = try String(contentsOfFile: report, encoding: .utf8)
        #expect(page.contains("the session&#39;s 10 days are over; the options have 20d 00h00m left, marked at implied")
                || page.contains("the session's 10 days are over; the options have 20d 00h00m left, marked at implied"))
        #expect(!page.contains("the options expired"))
        // A session that runs to the expiry still says so.
        let expired = try CLI.run(["session", "--scenario", "classic-scalp", "--seed", "2", "--json"])
        #expect(expired.stdout.contains("\"reason\":\"expired\""))
    }
}
