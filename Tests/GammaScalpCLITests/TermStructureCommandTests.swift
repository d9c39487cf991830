import Foundation
import Testing
import ScalpEngine

/// The implied surface through the command line: term tables refused on calendar arbitrage,
/// the vol-crush residual, and `simulate --hedge-delta`.
@Suite("Term structure on the command line")
struct TermStructureCommandTests {
    /// A term table with a falling total variance: one `error:` line naming the file, its
    /// line, the table entry and both pillars' values.
    @Test func calendarArbitrageInAFileIsOneErrorLine() throws {
        let shown = try CLI.run(["scenarios", "--show", "vol-crush"])
        var lines = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.lastIndex { $0.hasPrefix("atm_vol = 0.3 ") })
        lines[index] = "atm_vol = 0.1"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("calendar-\(UUID().uuidString).toml").path
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try CLI.run(["simulate", "--scenario", file, "--paths", "5"])
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: \(file):\(index + 1): implied.term[2].atm_vol: calendar arbitrage: "
                                        + "total variance σ²τ falls from "), "\(result.stderr)")
        #expect(result.stderr.contains("at 7 days (atm_vol 0.32)") && result.stderr.contains("at 30 days (atm_vol 0.1)"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// Must show: in vol-crush, whose crush is now the event's variance leaving the calendar,
    /// `session --json`'s residual is at most 5% of the other buckets' absolute sum, seeds 1–5.
    @Test func volCrushResidualIsSmall() throws {
        for seed in 1...5 {
            let result = try CLI.run(["session", "--scenario", "vol-crush", "--seed", "\(seed)", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let end = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let parts = try #require(end["attribution"] as? [String: Double])
            let residual = try #require(parts["residual"])
            let others = parts.filter { $0.key != "residual" }.values.reduce(0) { $0 + abs($1) }
            #expect(abs(residual) <= 0.05 * others, "seed \(seed): residual \(residual) vs \(others)")
        }
    }

    @Test func simulateHedgesTheSmileDeltaWhenAsked() throws {
        let smile = try CLI.run(["simulate", "--scenario", "jumps", "--paths", "20", "--hedge-delta", "smile"])
        #expect(smile.status == 0, "\(smile.stderr)")
        #expect(smile.stdout.contains("with the smile's delta"))
        let bs = try CLI.run(["simulate", "--scenario", "jumps", "--paths", "20", "--hedge-delta", "bs"])
        #expect(bs.status == 0 && !bs.stdout.contains("smile"))
        let bad = try CLI.run(["simulate", "--paths", "5", "--hedge-delta", "sabr"])
        #expect(bad.status != 0 && bad.stderr.hasPrefix("error: The value 'sabr' is invalid for '--hedge-delta <delta>'"))
        let help = try CLI.run(["simulate", "--help"])
        #expect(help.stdout.contains("--hedge-delta"))
    }
}
