import Foundation
import Testing

/// Journals found by name: `sessions` lists the sessions folder newest first, and `--last`
/// reads its newest journal in `replay`, `export` and `report`.
@Suite("sessions and --last")
struct SessionsFolderTests {
    /// A fresh state folder with three headless sessions in its sessions folder: two named by
    /// `play`'s scheme (start times 1 and 2 December) and one named otherwise, dated earlier.
    func stateFolder() throws -> (state: String, sessions: String) {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-state-\(UUID().uuidString)").path
        let sessions = state + "/gammascalp/sessions"
        try FileManager.default.createDirectory(atPath: sessions, withIntermediateDirectories: true)
        for (name, scenario, seed) in [("20261201T100000Z-classic-scalp-seed3", "classic-scalp", "3"),
                                       ("20261202T100000Z-theta-bleed-seed4", "theta-bleed", "4"),
                                       ("mine", "trend-day", "5")] {
            let result = try CLI.run(["session", "--scenario", scenario, "--seed", seed,
                                      "--journal", sessions + "/" + name + ".jsonl"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)],
                                              ofItemAtPath: sessions + "/mine.jsonl")
        return (state, sessions)
    }

    @Test func listsTheSessionsFolderNewestFirst() throws {
        let (state, _) = try stateFolder()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let table = try CLI.run(["sessions"], environment: ["XDG_STATE_HOME": state])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.contains(".jsonl") }
        #expect(rows.count == 3, "\(table.stdout)")
        #expect(rows.first?.contains("theta-bleed") == true && rows.last?.contains("mine.jsonl") == true)
        #expect(rows.allSatisfy { $0.contains("finished") })

        let json = try CLI.run(["sessions", "--json", "--limit", "2"], environment: ["XDG_STATE_HOME": state])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["scenario"] as? String } == ["theta-bleed", "classic-scalp"])
        #expect(sessions.first?["seed"] as? Int == 4 && sessions.first?["step"] as? Int == sessions.first?["steps"] as? Int)
        #expect(sessions.map { $0["ended"] as? String } == ["horizon", "expired"], "theta-bleed's 10 days end before its options")
        #expect(sessions.allSatisfy { $0["points"] is Double })
    }

    /// A session played for a course level says so: in the table beside its scenario, and as
    /// `course` and `level` in the JSON (null for the others).
    @Test func listsTheCourseAndLevelASessionWasPlayedFor() throws {
        let (state, sessions) = try stateFolder()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let path = sessions + "/20261202T100000Z-theta-bleed-seed4.jsonl"
        let journal = try String(contentsOfFile: path, encoding: .utf8)
        let marked = journal.replacingOccurrences(of: "\"scenario\":\"theta-bleed\",",
                                                  with: "\"scenario\":\"theta-bleed\",\"course\":\"first-desk\",\"level\":3,")
        #expect(marked != journal)
        try marked.write(toFile: path, atomically: true, encoding: .utf8)

        let table = try CLI.run(["sessions"], environment: ["XDG_STATE_HOME": state])
        #expect(table.status == 0, "\(table.stderr)")
        let rows = table.stdout.split(separator: "\n").filter { $0.contains(".jsonl") }
        #expect(rows.first?.contains("theta-bleed (first-desk 3)") == true, "\(table.stdout)")
        #expect(rows.dropFirst().allSatisfy { !$0.contains("first-desk") })

        let json = try CLI.run(["sessions", "--json"], environment: ["XDG_STATE_HOME": state])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let listed = try #require(object["sessions"] as? [[String: Any]])
        #expect(listed.first?["course"] as? String == "first-desk" && listed.first?["level"] as? Int == 3)
        #expect(listed.dropFirst().allSatisfy { $0["course"] is NSNull && $0["level"] is NSNull })
    }

    @Test func lastReadsTheNewestJournal() throws {
        let (state, sessions) = try stateFolder()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let newest = sessions + "/20261202T100000Z-theta-bleed-seed4.jsonl"
        let environment = ["XDG_STATE_HOME": state]
        let verified = try CLI.run(["replay", "--last", "--verify"], environment: environment)
        let byPath = try CLI.run(["replay", newest, "--verify"], environment: environment)
        #expect(verified.status == 0 && verified.stdout.hasPrefix("verified:") && verified.stdout == byPath.stdout,
                "\(verified.stdout)\(verified.stderr)")
        let csv = sessions + "/../last.csv"
        let exported = try CLI.run(["export", "--last", "--csv", csv], environment: environment)
        #expect(exported.status == 0, "\(exported.stderr)")
        let expected = try CLI.run(["export", newest, "--csv", "-"], environment: environment)
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == expected.stdout && !expected.stdout.isEmpty)
    }

    @Test(arguments: [
        (["replay", "--verify"], "error: Missing expected argument '<journal>' (or --last for the newest)"),
        (["replay", "x.jsonl", "--last", "--verify"], "error: give a journal or --last, not both (got x.jsonl and --last)"),
        (["export", "--last", "--csv", "-"], "error: --last: no journal in "),
        (["sessions", "--limit", "0"], "error: --limit must be at least 1, got 0"),
    ])
    func badInputIsOneErrorLine(arguments: [String], message: String) throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-empty-\(UUID().uuidString)").path
        let result = try CLI.run(arguments, environment: ["XDG_STATE_HOME": empty])
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix(message) && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}
