import Foundation
import Testing

/// A scenario named with escape sequences and bells (as a hostile file might be) never gets
/// them to a terminal or a page: simulate, frontier, session, leaderboard and the report.
@Suite("control characters in names")
struct ControlCharacterTests {
    static let hostileName = #"evil\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202ename"#

    func scenarioFile(in folder: String) throws -> String {
        let text = try #require(try CLI.run(["scenarios", "--show", "theta-bleed"]).stdout.nilIfEmpty)
        let renamed = text.replacingOccurrences(of: #"name = "theta-bleed""#, with: "name = \"\(Self.hostileName)\"")
        #expect(renamed != text)
        let path = folder + "/hostile.toml"
        try renamed.write(toFile: path, atomically: false, encoding: .utf8)
        return path
    }

    static func controls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && ($0.properties.generalCategory == .control || $0.properties.generalCategory == .format) }
    }

    @Test func noneReachesAnyOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-ctl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let scenario = try scenarioFile(in: folder)
        let journal = folder + "/j.jsonl", report = folder + "/r.html"
        let runs = [
            ["simulate", "--scenario", scenario, "--paths", "20"], ["simulate", "--scenario", scenario, "--paths", "20", "--json"],
            ["frontier", "--scenario", scenario, "--paths", "8", "--rules", "every:1,band:100"],
            ["session", "--scenario", scenario, "--seed", "3", "--journal", journal],
            ["leaderboard", journal], ["leaderboard", journal, "--json"], ["report", journal, "--out", report],
            ["replay", journal, "--verify"],
        ]
        for arguments in runs {
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(Self.controls(in: result.stdout).isEmpty && Self.controls(in: result.stderr).isEmpty,
                    "\(arguments[0]) let \(Self.controls(in: result.stdout + result.stderr)) through:\n\(result.stdout)")
        }
        let leaderboard = try CLI.run(["leaderboard", journal]).stdout
        #expect(leaderboard.contains("evil]0;pwned[2J31mname"), "the name's printable part is kept: \(leaderboard)")
        let page = try String(contentsOfFile: report, encoding: .utf8)
        #expect(Self.controls(in: page).isEmpty && page.contains("evil"), "the report escapes them")
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
