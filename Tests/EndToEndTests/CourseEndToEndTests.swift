import Foundation
import XCTest

/// `gammascalp course` in the real binary under tmux: a level played to its end counts as an
/// attempt with its points, read back from the journal by `course status`, and the course
/// screen shows it.
final class CourseEndToEndTests: TmuxTestCase {
    /// `course status --json` in the session's state folder.
    func status() throws -> [String: Any] {
        let state = session.home.appendingPathComponent("state").path
        let result = try runProcess(binary, ["course", "status", "--json"], environment: ["XDG_STATE_HOME": state])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func level(_ status: [String: Any], _ number: Int) throws -> [String: Any] {
        let levels = try XCTUnwrap(status["levels"] as? [[String: Any]])
        return try XCTUnwrap(levels.first { $0["level"] as? Int == number })
    }

    /// The shell's `echo EXIT=$?` has printed (the typed command line has `EXIT=$?`).
    static func exited(_ screen: String) -> Bool { screen.contains("EXIT=0") || screen.contains("EXIT=1") }

    func testLevelOnePlayedToItsEndIsOneAttemptWithItsPoints() throws {
        session = try TmuxSession(width: 140, height: 40)
        let fresh = try status()
        let levels = try XCTUnwrap(fresh["levels"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(levels.count, 8)
        XCTAssertEqual(try level(fresh, 1)["unlocked"] as? Bool, true)
        XCTAssertTrue(levels.contains { $0["unlocked"] as? Bool == false })
        XCTAssertTrue(levels.allSatisfy { $0["attempts"] as? Int == 0 && $0["best_points"] is NSNull })
        XCTAssertTrue(fresh["rating"] is NSNull)

        // Level 1 (theta-bleed, 2,880 steps) at ×1024 runs to its end in a few seconds.
        try session.type("\(binary) course play 1 --speed 1024 --no-intro; echo EXIT=$?")
        XCTAssertNotNil(session.wait(timeout: 60) { $0.contains("Enter, Esc or q to close") }, "the session did not end")
        try session.keys("Enter")
        let shell = session.wait(timeout: 30) { Self.exited($0) }
        XCTAssertTrue(shell?.contains("EXIT=0") ?? false, shell ?? "")
        XCTAssertTrue(shell?.contains("level 1 (Overpaid vol): ") ?? false, shell ?? "")

        let sessions = session.home.appendingPathComponent("state/gammascalp/sessions")
        let journals = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasSuffix(".jsonl") }
        XCTAssertEqual(journals.count, 1)
        let lines = try String(contentsOf: sessions.appendingPathComponent(journals[0]), encoding: .utf8)
            .split(separator: "\n").map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let start = try XCTUnwrap(lines.first)
        XCTAssertEqual(start["course"] as? String, "first-desk")
        XCTAssertEqual(start["level"] as? Int, 1)
        let end = try XCTUnwrap(lines.last)
        XCTAssertEqual(end["finished"] as? Bool, true)
        let points = try XCTUnwrap((end["score"] as? [String: Any])?["points"] as? Double)

        let after = try status()
        XCTAssertEqual(try level(after, 1)["attempts"] as? Int, 1)
        XCTAssertEqual(try level(after, 1)["best_points"] as? Double, points)
        XCTAssertEqual(try level(after, 1)["passed"] as? Bool, points >= 50)
        XCTAssertEqual(try level(after, 2)["attempts"] as? Int, 0)
        XCTAssertNotNil(after["rating"] as? Double)

        // The course screen shows the attempt; Enter opens the next level's briefing.
        try session.type("clear; \(binary) course; echo EXIT=$?")
        let screen = session.wait { $0.contains("Overpaid vol") && $0.contains("Enter briefing") }
        XCTAssertNotNil(screen, "no course screen")
        let row = screen?.split(separator: "\n").first { $0.contains("Overpaid vol") && $0.contains("theta-bleed") }
        XCTAssertNotNil(row?.firstMatch(of: #/theta-bleed +(open|passed) +1 +\d+ /#), "level 1 shows no attempt:\n\(screen ?? "")")
        try session.keys("Enter")
        XCTAssertNotNil(session.wait { $0.contains("Enter plays it on a fresh seed") }, "no briefing")
        try session.keys("Escape")
        try session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("EXIT=0") }, "the course screen did not exit")
        try assertCleanShell()
    }

    func testALockedLevelIsRefused() throws {
        session = try TmuxSession(width: 140, height: 40)
        try session.type("\(binary) course play 4; echo EXIT=$?")
        let shell = session.wait { Self.exited($0) }
        XCTAssertTrue(shell?.contains("error: course play: level 4 (Trend day) is locked: pass level 1 (Overpaid vol) first") ?? false,
                      shell ?? "")
        XCTAssertTrue(shell?.contains("EXIT=1") ?? false, shell ?? "")
    }
}
