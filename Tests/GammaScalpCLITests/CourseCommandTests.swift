import Foundation
import Testing

/// `course status` and `course play`'s refusals through the real binary, in a fresh state
/// folder (the live screen itself is driven under tmux in `CourseEndToEndTests`).
@Suite("course status and course files")
struct CourseCommandTests {
    func stateFolder() throws -> String {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-course-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        return state
    }

    @Test func aFreshStateFolderHasLevelOneOpenAndNoAttempts() throws {
        let state = try stateFolder()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let result = try CLI.run(["course", "status", "--json"], environment: ["XDG_STATE_HOME": state])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["course"] as? String == "first-desk" && object["rating"] is NSNull)
        let levels = try #require(object["levels"] as? [[String: Any]])
        #expect(levels.count >= 8)
        #expect(levels.first?["unlocked"] as? Bool == true && levels.first?["scenario"] as? String == "theta-bleed")
        #expect(levels.contains { $0["unlocked"] as? Bool == false })
        #expect(levels.allSatisfy { $0["attempts"] as? Int == 0 && $0["best_points"] is NSNull && $0["passed"] as? Bool == false })
        #expect(Set(levels.first?.keys.map { $0 } ?? []) == ["level", "scenario", "title", "unlocked", "passed", "attempts", "best_points"])

        let table = try CLI.run(["course", "status"], environment: ["XDG_STATE_HOME": state])
        #expect(table.stdout.hasPrefix("course first-desk: First desk, 0 of 11 levels passed, rating none yet"), "\(table.stdout)")
    }

    @Test func aLockedLevelIsRefusedWithOneErrorLine() throws {
        let state = try stateFolder()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let locked = try CLI.run(["course", "play", "2"], environment: ["XDG_STATE_HOME": state])
        #expect(locked.status != 0)
        #expect(locked.stderr == "error: course play: level 2 (The classic scalp) is locked: pass level 1 (Overpaid vol) first\n")
        let unknown = try CLI.run(["course", "play", "calm-day"], environment: ["XDG_STATE_HOME": state])
        #expect(unknown.status != 0 && unknown.stderr.hasPrefix("error: course play: no level 'calm-day' in first-desk"))
        let beyond = try CLI.run(["course", "play", "12"], environment: ["XDG_STATE_HOME": state])
        #expect(beyond.stderr == "error: course play: level 12: the course first-desk has levels 1 to 11\n")
    }

    @Test func anInstructorsCourseFileIsReadAndItsErrorsNameFileLineAndKey() throws {
        let state = try stateFolder()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let folder = state + "/desk"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let scenario = try CLI.run(["scenarios", "--show", "trend-day"]).stdout
        try scenario.replacingOccurrences(of: "name = \"trend-day\"", with: "name = \"my-trend\"")
            .write(toFile: folder + "/my-trend.toml", atomically: true, encoding: .utf8)
        let course = """
            name = "desk"
            title = "Our desk"

            [[levels]]
            scenario = "my-trend.toml"
            briefing = "Let it run."
            points = 40

            [[levels]]
            scenario = "jumps"
            briefing = "Gaps."
            """
        try course.write(toFile: folder + "/desk.toml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["course", "status", "--json", "--course", folder + "/desk.toml"],
                                 environment: ["XDG_STATE_HOME": state])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let levels = try #require(object["levels"] as? [[String: Any]])
        #expect(object["course"] as? String == "desk")
        #expect(levels.map { $0["scenario"] as? String } == ["my-trend", "jumps"])

        try course.replacingOccurrences(of: "points = 40", with: "points = \"many\"")
            .write(toFile: folder + "/bad.toml", atomically: true, encoding: .utf8)
        let bad = try CLI.run(["course", "status", "--course", folder + "/bad.toml"], environment: ["XDG_STATE_HOME": state])
        #expect(bad.status != 0)
        #expect(bad.stderr == "error: \(folder)/bad.toml:7: levels[1].points: must be a number, got string \"many\"\n")
        let missing = try CLI.run(["course", "status", "--course", folder + "/none.toml"], environment: ["XDG_STATE_HOME": state])
        #expect(missing.stderr == "error: --course: no such course file '\(folder)/none.toml'\n")
    }
}
