import ArgumentParser
import Foundation
import ScalpEngine
import ScalpFormat
import ScalpTUI

/// `gammascalp watch`: several hedge rules raced live on one path.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Race several hedge rules live on one price path.",
        discussion: """
        Each rule hedges its own copy of the scenario's book on the same path (same scenario \
        and seed), stepped together: one P&L line per rule on one chart, in its own color and \
        ending in its number, and a table (rule, P&L, costs, trades, net delta now, risk = \
        hedging error so far, points so far) re-ranked as the path unfolds, best first by points \
        then P&L. Each rule's numbers are those of `gammascalp session --rule R` on the same \
        scenario and seed: at the last step, the same P&L, costs, trades and score.

        Without --rules it races the scenario's policy, its benchmark and the family's best \
        on average: the reference rule with the highest mean utility (the grade's U) over \
        seeds 1 to 8, so the pick depends on the scenario alone.

        Keys: space pause/resume · . one step while paused · + - speed · q or Ctrl-C leave. \
        On leaving (or at once when standard input or output is not a terminal, the race run to \
        its last step) it prints the table: one line per rule, its name first, then P&L, \
        costs, trades, net delta, risk and points.
        """
    )

    @Option(help: ArgumentHelp("The scenario: a built-in name or a scenario file.", valueName: "name|file"))
    var scenario: String

    @Option(parsing: .unconditional, help: "Random seed, 0 to 2^63−1.")
    var seed: Int = 1

    @Option(help: ArgumentHelp("Comma-separated hedge rules to race, at most \(Self.maximumRules) (default: the "
                               + "scenario's policy, its benchmark, the family's best on average).", valueName: "r1,r2,…"))
    var rules: String?

    @OptionGroup(title: "Screen") var screen: ScreenOptions

    /// One color each in every theme (`LaneColors`), and a table that fits 24 rows.
    static let maximumRules = 8

    func validate() throws {
        if seed < 0 { throw ValidationError("--seed must be ≥ 0, got \(seed)") }
        try screen.validate()
        _ = try parsedRules()
    }

    func parsedRules() throws -> [HedgeRule]? {
        guard let rules else { return nil }
        let parts = rules.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let parsed = try parts.map { part in
            guard !part.isEmpty else { throw ValidationError("--rules: empty rule in '\(rules)'") }
            do { return try HedgeRule.parse(part) } catch { throw ValidationError("--rules: \(error)") }
        }
        guard parsed.count <= Self.maximumRules else {
            throw ValidationError("--rules: at most \(Self.maximumRules) rules, got \(parsed.count) in '\(rules)'")
        }
        return parsed
    }

    func run() throws {
        let scenario = try ScenarioLookup.resolve(self.scenario)
        let rules = try parsedRules() ?? {
            if isatty(STDERR_FILENO) != 0 {
                FileHandle.standardError.write(Data("watch: finding the family's best rule on average over \(HedgeRuleFamily.averagingSeeds.count) seeds…\n".utf8))
            }
            return HedgeRace.defaultRules(for: scenario)
        }()
        let race = HedgeRace(scenario: scenario, seed: UInt64(seed), rules: rules)
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            var race = race
            race.runToEnd()
            print(Self.table(race))
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let theme = try screen.loadTheme(environment: environment)
        let terminal = try ScreenOptions.openTerminal(theme: theme, environment: environment) { "\($0)" }
        let stopwatch = Stopwatch()
        let loop = RaceLoop(state: WatchState(race: race, speed: screen.speed, startPaused: screen.paused),
                            backend: terminal) { stopwatch.elapsedSeconds }
        let signal = loop.run()
        terminal.stop()
        print(Self.table(loop.state.race))
        if let signal { Foundation.exit(128 + signal.rawValue) }
    }

    /// The race as it stands: where it got to, then one line per rule, best first, its name
    /// then its P&L, costs, trades, net delta, risk and points (numbers as `session` prints them).
    static func table(_ race: HedgeRace) -> String {
        var rows = [["rule", "P&L", "costs", "trades", "net delta", "risk", "points"]]
        for standing in race.standings {
            rows.append([standing.rule.description, Format.money(standing.pnl), Format.money(standing.costs),
                         String(standing.trades), Format.shares(standing.netDelta, sign: true), Format.number(standing.risk),
                         String(Int(standing.points))])
        }
        return "watch \(race.scenario.name)  seed \(race.seed)  step \(race.step) of \(race.steps)"
            + (race.isFinished ? "" : " (left before the end: points so far)") + "\n"
            + Table(rows, rightAligned: [1, 2, 3, 4, 5, 6]).rendered
    }
}
