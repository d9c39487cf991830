import ArgumentParser
import Foundation
import ScalpEngine
import ScalpFormat

struct FrontierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontier",
        abstract: "The cost/risk trade-off of hedge rules: each rule over the same Monte Carlo paths.",
        discussion: """
        Runs each rule of the scenario's reference family (the rules the training score \
        grades against), or of --rules, over the same --paths paths: path i is stream i of \
        --seed for every rule, so the rules differ only in their hedging. Each rule's numbers \
        are exactly those of `simulate --scenario NAME --hedge RULE --paths N --seed S`.

        The table has each rule's mean P&L, its standard deviation, mean costs, mean trades \
        and its utility E[P&L] − (λ/2)·Var[P&L], λ the scenario's [training] risk_aversion \
        (per currency). A rule is on the efficient frontier (*) when no other rule has both \
        a higher mean and a lower standard deviation.

        --json keys: scenario, paths, seed, risk_aversion, path_steps, elapsed_s, rules \
        (each {rule, pnl_mean, pnl_stdev, cost_mean, trades_mean, utility, on_frontier}).

        --shard K/N --state FILE runs shard K of every rule (the blocks `simulate --shard` \
        runs) and keeps it; `gammascalp merge` combines the N files into this command's \
        output, each rule's numbers to the last bit.

        Examples:
          gammascalp frontier --scenario classic-scalp
          gammascalp frontier --scenario expensive-hedging --rules every:1,band:100,band:300 --json
          gammascalp frontier --scenario trend-day --out frontier.svg
          gammascalp frontier --scenario trend-day --paths 100000 --shard 3/8 --state f-3.json
        """
    )

    static let defaultPaths = 200

    @Option(help: ArgumentHelp("A built-in scenario (\(Scenario.builtIn.map(\.name).joined(separator: ", "))) or a scenario file.",
                               valueName: "name|file"))
    var scenario: String

    @Option(parsing: .unconditional, help: "Paths per rule (≥ 1; default \(FrontierCommand.defaultPaths)).")
    var paths = FrontierCommand.defaultPaths

    @Option(parsing: .unconditional, help: "Random seed, 0 to 2^63−1; path i uses stream i of it.")
    var seed = 1

    @Option(help: ArgumentHelp("Comma-separated hedge rules (default: the scenario's reference family).", valueName: "r1,r2,..."))
    var rules: String?

    @Option(parsing: .unconditional, help: "Worker threads (≥ 1); the results do not depend on it.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @Option(help: ArgumentHelp("Draw the frontier to FILE.svg or FILE.html.", valueName: "file"))
    var out: String?

    @OptionGroup(title: "Sharding") var sharding: ShardOptions

    mutating func validate() throws {
        guard paths >= 1 else { throw ValidationError("--paths must be at least 1, got \(paths)") }
        guard seed >= 0 else { throw ValidationError("--seed must be ≥ 0, got \(seed)") }
        guard threads >= 1, threads <= 1_024 else { throw ValidationError("--threads must be between 1 and 1024, got \(threads)") }
        if let out, !(out.hasSuffix(".svg") || out.hasSuffix(".html")) {
            throw ValidationError("--out: '\(out)' must end in .svg or .html")
        }
        _ = try parsedRules()
    }

    func parsedRules() throws -> [HedgeRule]? {
        guard let rules else { return nil }
        let parts = rules.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try parts.map { part in
            do {
                return try HedgeRule.parse(part)
            } catch {
                throw ValidationError("--rules: \(error)")
            }
        }
    }

    func run() throws {
        let scenario = try ScenarioLookup.resolve(self.scenario)
        let rules = try parsedRules() ?? HedgeRuleFamily.standard(for: scenario).rules
        let setups = rules.map { SimulationSetup(scenario: scenario, hedgeRule: $0) }
        for setup in setups {
            do { try setup.check(paths: paths) } catch { throw ValidationError(error.description) }
        }
        var progress = ProgressBar(total: paths * rules.count, label: "frontier")
        let stopwatch = Stopwatch()
        var statistics: [MonteCarloStatistics] = []
        var kept: [MonteCarloShardResult] = []
        var pathSteps = 0
        let shard = try sharding.shardToRun()
        for (index, setup) in setups.enumerated() {
            let simulation = MonteCarlo(config: setup.config, seed: UInt64(seed), paths: paths)
            let onBlock = { (block: MonteCarloBlock) in progress.update(index * paths + block.completedPaths) }
            if let shard {
                let result = MonteCarloShardResult(running: simulation, shard: shard, threads: threads, onBlock: onBlock)
                kept.append(result)
                statistics.append(result.statistics)
            } else {
                statistics.append(simulation.run(threads: threads, onBlock: onBlock))
            }
            pathSteps += simulation.pathSteps
        }
        let elapsed = stopwatch.elapsedSeconds
        progress.clear()
        if let statePath = sharding.state {
            let contents = FrontierShardContents(scenario: scenario.name, riskAversion: scenario.riskAversion,
                                                 rules: rules.map(\.description), runs: kept)
            try ShardStateFile(command: "frontier", threads: threads, elapsedSeconds: elapsed, contents: contents)
                .write(to: statePath)
            if sharding.shard != nil, let first = kept.first {
                let note = ShardRunNote(result: first, statePath: statePath, threads: threads, elapsedSeconds: elapsed,
                                        command: "frontier", rules: rules.count)
                print(json ? note.json.rendered : note.text)
                return
            }
        }
        let frontier = HedgeFrontier(rules: rules, statistics: statistics, riskAversion: scenario.riskAversion)
        if let out {
            let chart = FrontierChart(title: "\(scenario.name): mean P&L against risk, \(paths) paths, seed \(seed)",
                                      frontier: frontier)
            try OutputFile.write(out.hasSuffix(".html") ? chart.html : chart.svg, to: out, flag: "--out")
        }
        if json {
            print(Self.json(frontier, scenario: scenario.name, paths: paths, seed: seed, pathSteps: pathSteps,
                            elapsed: elapsed).rendered)
        } else {
            print(Self.text(frontier, scenario: scenario.name, paths: paths, seed: seed, pathSteps: pathSteps, elapsed: elapsed))
        }
    }

    static func json(_ frontier: HedgeFrontier, scenario: String, paths: Int, seed: Int, pathSteps: Int,
                     elapsed: Double) -> JSONText {
        .object([
            ("scenario", .string(scenario)), ("paths", .integer(paths)), ("seed", .integer(seed)),
            ("risk_aversion", .number(frontier.riskAversion)), ("path_steps", .integer(pathSteps)),
            ("elapsed_s", .number(elapsed)),
            ("rules", .array(frontier.points.map { point in
                .object([
                    ("rule", .string(point.rule.description)), ("pnl_mean", .number(point.pnlMean)),
                    ("pnl_stdev", .number(point.pnlStdev)), ("cost_mean", .number(point.costMean)),
                    ("trades_mean", .number(point.tradesMean)), ("utility", .number(point.utility)),
                    ("on_frontier", .bool(point.onFrontier)),
                ])
            })),
        ])
    }

    static func text(_ frontier: HedgeFrontier, scenario: String, paths: Int, seed: Int, pathSteps: Int,
                     elapsed: Double) -> String {
        var rows = [["rule", "mean P&L", "stdev", "mean costs", "mean trades", "utility", "frontier"]]
        let best = frontier.best?.rule
        for point in frontier.points {
            rows.append([point.rule.description, Table.fixed(point.pnlMean, 0), Table.fixed(point.pnlStdev, 0),
                         Table.fixed(point.costMean, 0), Table.fixed(point.tradesMean, 1), Table.fixed(point.utility, 0),
                         (point.onFrontier ? "*" : "") + (point.rule == best ? " best utility" : "")])
        }
        let rate = elapsed > 0 ? Double(pathSteps) / elapsed / 1e6 : 0
        return "frontier  \(scenario)  \(paths) paths × \(frontier.points.count) rules  seed \(seed)  "
            + "λ = \(Table.plain(frontier.riskAversion)) per currency\n\n"
            + Table(rows, rightAligned: [1, 2, 3, 4, 5]).rendered
            + "\n\nutility = mean − (λ/2)·stdev²; * = on the efficient frontier (no rule has a higher mean and a lower stdev)\n"
            + String(format: "%d path-steps in %.2f s (%.1f M path-steps/s)", pathSteps, elapsed, rate)
    }
}

/// What a `frontier` shard keeps: one Monte Carlo shard per rule, in the rules' order.
struct FrontierShardContents: Codable {
    var scenario: String
    /// λ, per unit of currency.
    var riskAversion: Double
    /// The rules, in their command-line form.
    var rules: [String]
    var runs: [MonteCarloShardResult]
}
