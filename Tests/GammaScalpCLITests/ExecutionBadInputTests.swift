import Foundation
import Testing
import ScalpTUI

/// The execution layer's bad input, wherever it comes in (flags, scenario files, journals):
/// one `error:` line naming the flag, file or line and the bad value, a non-zero exit, no output.
@Suite("execution bad input")
struct ExecutionBadInputTests {
    static func expectOneErrorLine(_ arguments: [String], _ message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0 && result.stdout.isEmpty, "\(arguments)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("error:") && lines[0].contains(message), "\(result.stderr)")
    }

    static func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString).toml").path
    }

    @Test(arguments: [
        (["--hedge", "ladder:-0.01"], "ladder step X must be > 0"),
        (["--touch-size", "-5"], "--touch-size must be ≥ 0, got -5"),
        (["--venue", "crypto"], "--venue must be equity or crypto-perp, got 'crypto'"),
    ])
    func simulateFlags(flags: [String], message: String) throws {
        try Self.expectOneErrorLine(["simulate", "--paths", "10"] + flags, message)
    }

    @Test func sessionRefusesALadderWithoutAStep() throws {
        try Self.expectOneErrorLine(["session", "--scenario", "classic-scalp", "--rule", "ladder:0"], "ladder step X must be > 0")
    }

    /// A scenario file with one bad `[execution]` key (or a ladder policy with X ≤ 0).
    @Test(arguments: [
        ("[execution]\nvenue = \"nyse\"", "execution.venue"),
        ("[execution]\ndaily_volume = -1", "execution.daily_volume: must be ≥ 0 (units a day), got -1"),
        ("[execution]\nlatency_ms = -2", "execution.latency_ms: must be ≥ 0 (milliseconds), got -2"),
        ("[execution]\ntouch_size = -3", "execution.touch_size: must be ≥ 0"),
    ])
    func scenarioFiles(table: String, message: String) throws {
        let base = try CLI.run(["scenarios", "--show", "classic-scalp"])
        #expect(base.status == 0)
        let path = Self.temporaryFile("execution")
        try (base.stdout + "\n" + table + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try Self.expectOneErrorLine(["simulate", "--paths", "10", "--scenario", path], message)
    }

    @Test func scenarioFileLadderPolicyWithoutAStep() throws {
        let base = try CLI.run(["scenarios", "--show", "classic-scalp"]).stdout
        let text = base.replacingOccurrences(of: #"policy = "band:100""#, with: #"policy = "ladder:0""#)
        #expect(text != base)
        let path = Self.temporaryFile("ladder")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try Self.expectOneErrorLine(["simulate", "--paths", "10", "--scenario", path], "ladder")
    }

    /// A journal whose limit order has a price ≤ 0 is refused by replay, naming the file and line.
    @Test(arguments: ["0", "-1"])
    func journalLimitPriceNotPositive(price: String) throws {
        let text = JournalFixture.play(commands: [10: [.limitBuy]], quitAt: 20)
        let lines = JournalFixture.lines(text)
        let index = try #require(lines.firstIndex { $0.contains(#""action":"place_limit""#) })
        let old = try #require(JournalFixture.raw(lines[index], "price"))
        var edited = lines
        edited[index] = lines[index].replacingOccurrences(of: #""price":"# + old, with: #""price":"# + price)
        let path = try JournalFixture.write(edited.joined(separator: "\n") + "\n", name: "bad-limit")
        try Self.expectOneErrorLine(["replay", "--verify", path], "limit price must be > 0, got \(price)")
        let result = try CLI.run(["replay", "--verify", path])
        #expect(result.stderr.contains("bad-limit.jsonl:\(index + 1)"), "\(result.stderr)")
    }
}
