import Foundation
import Testing
import ScalpEngine

/// `gammascalp watch` away from a terminal, and its bad input.
@Suite("watch command")
struct WatchCommandTests {
    @Test("a bad --rules value is one error line naming the flag and the value", arguments: [
        ("band:600,evry:2", "evry:2"), ("band:600,,none", "band:600,,none"), ("every:0", "every:0"),
        ("none,every:1,every:2,every:4,every:8,every:16,every:32,every:64,every:128", "every:128"),
    ])
    func badRules(rules: String, named value: String) throws {
        let result = try CLI.run(["watch", "--scenario", "trend-day", "--rules", rules])
        #expect(result.status != 0 && result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("error: --rules") && lines[0].contains(value), "\(result.stderr)")
    }

    @Test("without a terminal it runs the race to its end and prints the table: each rule's name, then its P&L")
    func headlessTable() throws {
        let result = try CLI.run(["watch", "--scenario", "trend-day", "--seed", "6", "--rules", "every:1,band:600"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.first == ["watch", "trend-day", "seed", "6", "step", "1440", "of", "1440"])
        var race = HedgeRace(scenario: Scenario.named("trend-day")!, seed: 6, rules: [HedgeRule("every:1")!, HedgeRule("band:600")!])
        race.runToEnd()
        #expect(lines.count == 2 + race.lanes.count)
        for (line, standing) in zip(lines.dropFirst(2), race.standings) {
            #expect(line[0] == standing.rule.description)
            #expect(abs(Double(line[1].replacingOccurrences(of: ",", with: ""))! - standing.pnl) < 0.005)
            #expect(line.last == String(Int(standing.points)))
        }
    }
}
