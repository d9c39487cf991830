import Foundation
import Testing
import ScalpEngine
import ScalpFormat
import ScalpJournal
@testable import ScalpTUI
@testable import gammascalp

/// The training lines of the journal (`limit`, the `end` line's `score`), and `play`'s
/// training flags, without a terminal.
@Suite("training in the journal and play's flags")
struct TrainingJournalTests {
    /// A session with a tight net-delta limit and an option ticket trade, as journal lines.
    static func journal() -> (text: String, state: AppState) {
        var scenario = Scenario.classicScalp
        scenario.riskLimits = RiskLimits(netDelta: 50, loss: 2_000)
        var state = AppState(PlaySettings(scenario: scenario, seed: 8, startPaused: true))
        var lines: [String] = []
        func flush() { lines += state.takeEvents().map(\.text) }
        state.advance(steps: 30)
        state.perform(.hedgeNow)
        state.handle(.character("o"))
        for key: Key in [.down, .right, .enter] { state.handle(key) }  // buy a put
        state.advance(steps: 200)
        flush()
        state.perform(.quit)
        flush()
        return (lines.joined(separator: "\n") + "\n", state)
    }

    @Test func limitLinesAndTheScoreAreWritten() throws {
        let (text, state) = Self.journal()
        let lines = JournalFixture.lines(text)
        let limits = lines.filter { JournalFixture.type($0) == "limit" }
        #expect(limits.count >= 2)
        let first = JournalFixture.object(try #require(limits.first))
        #expect(first["limit"] as? String == "net_delta")
        #expect(first["event"] as? String == "breach")
        #expect(first["step"] as? Int == 0)
        #expect(first["max"] as? Double == 50)
        #expect(first["value"] is Double && first["t"] is NSNumber)
        #expect(try #require(limits.first).hasPrefix(#"{"type":"limit","t":0,"step":0,"limit":"net_delta","event":"breach","value":"#))
        let events = limits.map { JournalFixture.object($0)["event"] as? String ?? "" }
        #expect(zip(events, events.dropFirst()).allSatisfy { $0 != $1 }, "breach and clear alternate: \(events)")

        let end = JournalFixture.object(try #require(lines.last))
        let score = try #require(end["score"] as? [String: Any])
        let expected = state.training.grade
        // The session was quit early: its points are provisional, never a grade.
        #expect(score["points"] is NSNull && score["provisional_points"] as? Double == expected.points)
        #expect(end["finished"] as? Bool == false)
        #expect(score["verdict"] as? String == expected.verdict)
        #expect(score["benchmark_rule"] as? String == "every:1")
        #expect(score["benchmark_trades"] as? Int == expected.benchmarkTrades)
        #expect(score["delta_limit_breaches"] as? Int == expected.deltaLimitBreaches)
        #expect(score["loss_limit_breached"] as? Bool == expected.lossLimitBreached)
        for key in ["benchmark_pnl", "pnl_gap", "hedging_error", "benchmark_hedging_error", "costs", "benchmark_costs",
                    "time_over_limit"] {
            #expect(score[key] is NSNumber, "no \(key)")
        }
        #expect(lines.contains { JournalFixture.object($0)["action"] as? String == "trade_option" })
    }

    /// Replay reads a journal with limit lines and option trades, and reproduces it exactly.
    @Test func aTrainingJournalReplaysExactly() throws {
        let path = try JournalFixture.write(Self.journal().text)
        let result = try CLI.run(["replay", "--verify", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("verified: ") && result.stdout.hasSuffix(" match\n"), "\(result.stdout)")
    }

    @Test(arguments: [
        (["play", "--strike", "100", "--no-journal"], "error: --strike is only for --prices"),
        (["play", "--kind", "put", "--no-journal"], "error: --kind is only for --prices"),
        (["play", "--prices", "x.csv", "--scenario", "jumps", "--no-journal"], "error: --prices and --scenario cannot be used together"),
        (["play", "--prices", "x.csv", "--quantity", "0", "--no-journal"], "error: --quantity must not be 0"),
        (["play", "--prices", "x.csv", "--strike", "-1", "--no-journal"], "error: --strike must be in (0, 10000000] (currency), got -1"),
        (["play", "--prices", "/nonexistent/x.csv", "--no-journal"], "error: --prices: /nonexistent/x.csv: no such price file"),
    ])
    func badPlayFlagsAreOneErrorLine(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    }
}
