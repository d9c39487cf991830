import Foundation
import XCTest

/// `gammascalp watch` in the real binary under tmux: three rules raced on trend-day, named on
/// screen while it runs at 80×24 and 140×40, and a final table that is `session --rule R`'s.
final class WatchEndToEndTests: TmuxTestCase {
    static let rules = ["band:600", "every:1", "ww:0.001"]

    /// `session --rule R`'s P&L, costs, trades and points, as its summary prints them.
    func sessionNumbers(rule: String, seed: Int) throws -> [String] {
        let output = try runProcess(binary, ["session", "--scenario", "trend-day", "--seed", "\(seed)", "--rule", rule]).stdout
        func word(after prefix: String, in linePrefix: String) -> String? {
            let line = output.split(separator: "\n").first { $0.hasPrefix(linePrefix) }
            let words = line?.split(separator: " ").map(String.init) ?? []
            return words.firstIndex(of: prefix).map { words[$0 + 1] }
        }
        let points = word(after: "score", in: "score").map { String($0.prefix { $0 != "/" }) }
        return try [word(after: "P&L", in: "P&L"), word(after: "costs", in: "trades"), word(after: "trades", in: "trades"), points]
            .map { try XCTUnwrap($0, "no number in:\n\(output)") }
    }

    func testThreeRulesOnTrendDayAreNamedWhileRunningAndEndAsTheirSessions() throws {
        session = try TmuxSession(width: 80, height: 24)
        try session.type("\(binary) watch --scenario trend-day --seed 4 --rules \(Self.rules.joined(separator: ",")) --speed 32; echo EXIT=$?")
        func allNamed(_ screen: String) -> Bool { Self.rules.allSatisfy { screen.contains($0) } }
        let running = session.wait(timeout: 20) { $0.contains("▶ running") && allNamed($0) }
        XCTAssertNotNil(running, "the three rules were not named while it ran")
        try session.resize(width: 140, height: 40)
        XCTAssertNotNil(session.wait(timeout: 10) { $0.contains("P&L by rule") && $0.split(separator: "\n").first!.count > 100 && allNamed($0) },
                        "not all named at 140×40")
        XCTAssertNotNil(session.wait(timeout: 120) { $0.contains("■ ended") && $0.contains("step 1440/1440") }, "the race did not end")
        try session.keys("q")
        let shell = try XCTUnwrap(session.wait(timeout: 10) { $0.contains("EXIT=0") }, "watch did not exit cleanly")
        let lines = shell.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertTrue(lines.contains(["watch", "trend-day", "seed", "4", "step", "1440", "of", "1440"]), shell)
        for rule in Self.rules {
            let row = try XCTUnwrap(lines.first { $0.first == rule }, "no line for \(rule):\n\(shell)")
            // rule, P&L, costs, trades, net delta, risk, points
            XCTAssertEqual([row[1], row[2], row[3], row[6]], try sessionNumbers(rule: rule, seed: 4), rule)
        }
        try assertCleanShell()
    }
}
