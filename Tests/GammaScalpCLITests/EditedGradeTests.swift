import Foundation
import Testing

/// A grade written by hand into a journal's end line is never believed: `replay --verify`
/// re-derives the points and fails, and the leaderboard lists the session without ranking it.
@Suite("An edited grade")
struct EditedGradeTests {
    @Test func anEditedScoreFailsVerifyAndIsNotRanked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("edited-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let honest = folder.appendingPathComponent("honest.jsonl").path
        let edited = folder.appendingPathComponent("edited.jsonl").path
        for (path, rule) in [(honest, "band:100"), (edited, "every:4")] {
            let result = try CLI.run(["session", "--scenario", "theta-bleed", "--seed", "3", "--rule", rule, "--journal", path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        var lines = try String(contentsOfFile: edited, encoding: .utf8).split(separator: "\n").map(String.init)
        var end = try #require(try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any])
        var score = try #require(end["score"] as? [String: Any])
        let points = try #require(score["points"] as? Double)
        #expect(points < 100)
        score["points"] = 100
        end["score"] = score
        lines[lines.count - 1] = String(decoding: try JSONSerialization.data(withJSONObject: end), as: UTF8.self)
        try (lines.joined(separator: "\n") + "\n").write(toFile: edited, atomically: true, encoding: .utf8)

        let verify = try CLI.run(["replay", "--verify", edited])
        #expect(verify.status != 0 && verify.stderr.hasPrefix("error: \(edited):\(lines.count): end: recorded score.points 100, replayed"),
                "\(verify.stderr)")
        #expect(try CLI.run(["replay", "--verify", honest]).status == 0)

        let board = try CLI.run(["leaderboard", "--json", edited, honest])
        #expect(board.status == 0 && board.stderr.contains("edited.jsonl:\(lines.count): end: recorded score.points 100"), "\(board.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(board.stdout.utf8)) as? [String: Any])
        let ranking = try #require(object["ranking"] as? [[String: Any]])
        #expect(ranking.map { $0["trainee"] as? String } == ["honest", "edited"])
        #expect(ranking[0]["rank"] as? Int == 1 && ranking[0]["verified"] as? Bool == true)
        #expect(ranking[1]["rank"] is NSNull && ranking[1]["verified"] as? Bool == false)
        #expect(ranking[1]["points"] as? Double == points, "the replayed points, not the written 100")
    }

    /// A journal cut short is listed apart, never ranked, and since its market part is of
    /// fewer steps the table gives each session's own rather than one "for everyone".
    @Test func aCutJournalIsListedApartWithItsOwnMarketPart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let whole = folder.appendingPathComponent("whole.jsonl").path, cut = folder.appendingPathComponent("cut.jsonl").path
        for path in [whole, cut] {
            #expect(try CLI.run(["session", "--scenario", "theta-bleed", "--seed", "3", "--journal", path]).status == 0)
        }
        let lines = try String(contentsOfFile: cut, encoding: .utf8).split(separator: "\n")
        try (lines.prefix(lines.count / 2).joined(separator: "\n") + "\n").write(toFile: cut, atomically: true, encoding: .utf8)
        let table = try CLI.run(["leaderboard", cut, whole])
        #expect(table.status == 0 && table.stdout.contains("the market's part by session"), "\(table.stdout)")
        let rows = table.stdout.split(separator: "\n").filter { $0.contains("whole") || $0.contains(" cut ") }
        #expect(rows.count == 2 && rows[0].contains("whole") && rows[1].hasPrefix("   –  cut") && rows[1].contains("did not finish"),
                "\(table.stdout)")
    }
}
