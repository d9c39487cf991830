import Foundation
import XCTest
import ScalpEngine
import ScalpJournal

/// `m` in the real binary under tmux: the coach's line on the screen, the same line in the
/// journal, which still verifies; in a class the coach is off unless the scenario allows it.
final class CoachEndToEndTests: TmuxTestCase {
    /// The session in `journal`, read as `replay` reads it.
    func recorded(_ journal: String) throws -> RecordedSession {
        try XCTUnwrap(try JournalReader.parse(try String(contentsOfFile: journal, encoding: .utf8), path: journal).sessions.first)
    }

    /// `screen`'s words in reading order, without box lines: text that wraps reads as one run.
    func words(_ screen: String) -> String {
        String(String.UnicodeScalarView(screen.unicodeScalars.map { (0x2500...0x257F).contains($0.value) ? " " : $0 }))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The two bottom rows of `screen` as words (the coach's line wraps at 80 columns).
    func bottom(_ screen: String) -> String {
        words(screen.split(separator: "\n", omittingEmptySubsequences: false).suffix(3).joined(separator: "\n"))
    }

    func testMShowsTheCoachOnScreenAndInTheJournal() throws {
        session = try TmuxSession(width: 80, height: 24)
        let journal = session.home.appendingPathComponent("coached.jsonl").path
        try session.type("\(binary) play --scenario expensive-hedging --seed 5 --speed 8 --no-intro --journal \(journal); echo EXIT=$?")
        XCTAssertNotNil(session.wait { $0.contains("▶") }, "the session never ran")
        usleep(1_500_000)
        try session.keys("Space")
        XCTAssertNotNil(session.wait { $0.contains("❚❚") })
        try session.keys("m")
        let screen = try XCTUnwrap(session.wait { $0.contains(" coach  ") }, "no coach line on the screen")
        try session.keys("q")
        XCTAssertNotNil(session.wait { self.words($0).contains("You asked the coach once.") }, "the summary does not count the coach")
        try session.keys("q")
        let shell = try XCTUnwrap(session.wait { $0.contains("EXIT=0") }, "the program did not exit")
        XCTAssertTrue(shell.contains("you asked the coach once"), shell)

        let played = try recorded(journal)
        let notes = played.records.compactMap { if case .coach(let note) = $0.entry { note } else { nil } }
        XCTAssertEqual(notes.count, 1)
        let note = try XCTUnwrap(notes.first)
        XCTAssertTrue(bottom(screen).contains("coach " + note.text), "screen:\n\(screen)\njournal: \(note.text)")
        XCTAssertTrue(note.text.hasPrefix(note.rule + " would "))
        XCTAssertEqual(played.end?.end.summary.coachUses, 1)
        let verify = try runProcess(binary, ["replay", "--verify", journal])
        XCTAssertEqual(verify.status, 0, verify.stderr)
        XCTAssertTrue(verify.stdout.contains("1 coach line"), verify.stdout)
    }

    func testInAClassTheCoachIsOffUnlessTheScenarioAllowsIt() throws {
        session = try TmuxSession(width: 140, height: 40)
        let folder = session.home.appendingPathComponent("class").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var allowed = Scenario.builtIn.first { $0.name == "classic-scalp" }!
        allowed.coachInClass = true
        let file = session.home.appendingPathComponent("coached.toml").path
        try ScenarioFile.write(allowed).write(toFile: file, atomically: true, encoding: .utf8)
        for (name, scenario, answers) in [("plain", "classic-scalp", false), ("coached", file, true)] {
            try session.type("clear; \(binary) play --class \(folder) --name \(name) --seed 5 --scenario \(scenario) --no-intro --paused; echo EXIT=$?")
            XCTAssertNotNil(session.wait { $0.contains("❚❚ paused") }, "the \(name) session never came up")
            try session.keys("m")
            let screen = try XCTUnwrap(session.wait { $0.contains(" coach  ") }, "no coach line for \(name)")
            XCTAssertEqual(screen.contains("off in this class"), !answers, screen)
            try session.keys("q")
            XCTAssertNotNil(session.wait { $0.contains("Press Enter, Esc or q to close") })
            try session.keys("q")
            XCTAssertNotNil(session.wait { $0.contains("EXIT=0") })
            let played = try recorded(ClassJournalName.path(directory: folder, trainee: name))
            XCTAssertEqual(played.coachUses, answers ? 1 : 0)
        }
    }
}
