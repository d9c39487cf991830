import ArgumentParser
import Foundation
import ScalpEngine

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the state files of a sharded simulate or frontier into the whole run's output.",
        discussion: """
        Give the N files that `simulate ... --shard K/N --state FILE` (or `frontier ...`) \
        wrote for K = 1 to N, in any order. merge prints what the command with the same flags \
        and no --shard prints, and the P&L statistics, trades, costs and premium (for \
        frontier: every rule's) are the same to the last bit: each shard keeps every block's \
        moments, and merge combines them in block order, as the unsharded run does.

        For a merge, elapsed_s is the sum of the shards' wall-clock times (the time the shards \
        would take one after another), path_steps_per_s is the run's path steps over that sum, \
        and threads is the most threads any shard ran on.

        merge refuses, with one error line naming the files, shards of different runs \
        (configuration, seed, paths, shard count), of different gammascalp versions, and a \
        shard that is missing or given twice.

        Examples:
          gammascalp merge shard-*.json
          gammascalp merge --json shard-1.json shard-2.json shard-3.json shard-4.json
        """
    )

    @Argument(help: ArgumentHelp("State files written by simulate --shard K/N --state FILE.", valueName: "file"))
    var files: [String] = []

    @Flag(help: "Print one JSON object instead of the summary (the keys of simulate --json).")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("merge needs the state files of a run's shards") }
    }

    func run() throws {
        if try ShardStateFile<SimulationShardContents>.command(of: files[0]) == "frontier" { return try mergeFrontier() }
        let states = try files.map { try ShardStateFile<SimulationShardContents>.read($0, command: "simulate") }
        try ShardStateMerge.check(states, files: files)
        let runs = states.map(\.contents.run)
        let statistics = try ShardStateMerge.merge(runs, files: files)
        // The engine checked the runs; what the report adds must agree too.
        let first = states[0].contents
        for (index, state) in states.enumerated() {
            let contents = state.contents
            if contents.scenario != first.scenario || contents.premiumIsPerUnit != first.premiumIsPerUnit
                || contents.premium.bitPattern != first.premium.bitPattern {
                throw CommandFailure("\(files[0]) and \(files[index]) are shards of different runs: "
                    + "scenarios or premiums differ")
            }
        }
        let report = SimulationReport(setup: first.setup, simulation: first.run.simulation, statistics: statistics,
                                      threads: states.map(\.threads).max() ?? 1,
                                      elapsedSeconds: states.map(\.elapsedSeconds).reduce(0, +))
        print(json ? report.json.rendered : report.text)
    }

    /// The frontier's shards: each rule's Monte Carlo merged as `simulate`'s is.
    private func mergeFrontier() throws {
        let states = try files.map { try ShardStateFile<FrontierShardContents>.read($0, command: "frontier") }
        try ShardStateMerge.check(states, files: files)
        let first = states[0].contents
        for (index, state) in states.enumerated() {
            let contents = state.contents
            if contents.scenario != first.scenario || contents.rules != first.rules
                || contents.riskAversion.bitPattern != first.riskAversion.bitPattern || contents.runs.count != first.rules.count {
                throw CommandFailure("\(files[0]) and \(files[index]) are shards of different runs: "
                    + "scenarios, rules or risk aversions differ")
            }
        }
        let rules = try first.rules.map { try HedgeRule.parse($0) }
        let statistics = try rules.indices.map { rule in
            try ShardStateMerge.merge(states.map { $0.contents.runs[rule] }, files: files)
        }
        let frontier = HedgeFrontier(rules: rules, statistics: statistics, riskAversion: first.riskAversion)
        let run = first.runs[0]
        let pathSteps = first.runs.map(\.simulation.pathSteps).reduce(0, +)
        let elapsed = states.map(\.elapsedSeconds).reduce(0, +)
        let seed = Int(clamping: run.seed)
        print(json
              ? FrontierCommand.json(frontier, scenario: first.scenario, paths: run.paths, seed: seed, pathSteps: pathSteps,
                                     elapsed: elapsed).rendered
              : FrontierCommand.text(frontier, scenario: first.scenario, paths: run.paths, seed: seed, pathSteps: pathSteps,
                                     elapsed: elapsed))
    }
}
