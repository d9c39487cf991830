import Foundation
import XCTest
import ScalpEngine
import ScalpJournal

/// A class trainee whose process dies (a dropped connection, a killed terminal) runs the same
/// command again and carries on the same session in the same journal.
final class ClassRejoinEndToEndTests: TmuxTestCase {
    func testAKilledTraineeRejoinsTheSameSessionInTheSameJournal() throws {
        session = try TmuxSession(width: 120, height: 40)
        let folder = session.home.appendingPathComponent("class").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let command = "\(binary) play --class \(folder) --name rejoiner --seed 5 --scenario classic-scalp --no-intro --speed 8"
        let journal = ClassJournalName.path(directory: folder, trainee: "rejoiner")
        try session.type(command)
        XCTAssertNotNil(session.wait { $0.contains("▶ running") && $0.contains("class class") }, "the session never ran")
        try session.keys("h")
        func document() throws -> JournalDocument {
            try JournalReader.parse(try String(contentsOfFile: journal, encoding: .utf8), path: journal)
        }
        let deadline = Date().addingTimeInterval(20)
        while (try? document().sessions.first?.lastStep ?? 0) ?? 0 < 48, Date() < deadline { usleep(50_000) }
        let player = try XCTUnwrap(session.foregroundChild(), "no play process")
        XCTAssertEqual(kill(player, SIGKILL), 0)
        // A killed process cannot restore the terminal: wait for it to be gone, not for a clean screen.
        let gone = Date().addingTimeInterval(5)
        while kill(player, 0) == 0, Date() < gone { usleep(20_000) }
        XCTAssertNotEqual(kill(player, 0), 0, "the play process outlived SIGKILL")
        let before = try XCTUnwrap(try document().sessions.first)
        XCTAssertNil(before.end)
        let reached = before.lastStep
        XCTAssertGreaterThanOrEqual(reached, 48)

        try session.type("reset; clear; " + command)
        let resumed = session.wait(timeout: 10) { $0.contains("❚❚ paused") }
        XCTAssertNotNil(resumed, "the rejoined session did not come up paused")
        try session.keys("Space")
        let deadlineTwo = Date().addingTimeInterval(20)
        while (try? document().sessions.first?.lastStep ?? 0) ?? 0 < reached + 24, Date() < deadlineTwo { usleep(50_000) }
        try session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("Session summary") })
        try session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("$ ") && !$0.contains("Session summary") })

        // One session in the journal, from the first start line through the rejoin to the end.
        let after = try document()
        XCTAssertEqual(after.sessions.count, 1)
        let whole = try XCTUnwrap(after.sessions.first)
        XCTAssertGreaterThan(try XCTUnwrap(whole.end).end.step, reached)
        let outcome = try JournalVerifier.verify(whole)
        XCTAssertGreaterThanOrEqual(outcome.trades, 1, "the hedge before the kill is kept")
        let verify = try runProcess(binary, ["replay", "--verify", journal])
        XCTAssertEqual(verify.status, 0, verify.stderr)

        // The session has ended: the name cannot start it again.
        try session.type("clear; " + command + "; echo EXIT=$?")
        let refused = session.wait { $0.contains("EXIT=") }
        XCTAssertTrue(refused?.contains("error: --class: 'rejoiner' has finished this class's session") ?? false, refused ?? "")
    }
}
