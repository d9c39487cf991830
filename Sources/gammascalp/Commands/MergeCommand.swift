import ArgumentParser
import Foundation
import ScalpEngine

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the state files of a sharded simulate into the statistics of the whole run.",
        discussion: """
        Give the N files that `simulate ... --shard K/N --state FILE` wrote for K = 1 to N, \
        in any order. merge prints what `simulate` with the same flags and no --shard prints, \
        and the P&L statistics, trades, costs and premium are the same to the last bit: each \
        shard keeps every block's moments, and merge combines them in block order, as the \
        unsharded run does.

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
        let states = try files.map { try ShardStateFile<SimulationShardContents>.read($0, command: "simulate") }
        try ShardStateMerge.checkVersions(states, files: files)
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
}
