import ScalpFormat
import ScalpEngine

/// What `simulate --shard` prints instead of the statistics (a shard's own statistics are
/// not the run's): which paths the shard ran, how fast, and where its state went.
struct ShardRunNote {
    var result: MonteCarloShardResult
    var statePath: String
    var threads: Int
    var elapsedSeconds: Double
    /// The command that ran the shard, and how many runs of the same paths it made (one per
    /// rule for `frontier`).
    var command = "simulate"
    var rules = 1

    var shardPathSteps: Int { result.shardPaths.count * result.config.steps * rules }
    var pathStepsPerSecond: Double { elapsedSeconds > 0 ? Double(shardPathSteps) / elapsedSeconds : 0 }

    var json: JSONText {
        .object([
            ("shard", .integer(result.shard.number)), ("shards", .integer(result.shard.count)),
            ("paths", .integer(result.paths)), ("steps", .integer(result.config.steps)), ("seed", .integer(Int(result.seed))),
            ("first_path", .integer(result.shardPaths.lowerBound)), ("shard_paths", .integer(result.shardPaths.count)),
            ("first_block", .integer(result.blocks.lowerBound)), ("blocks", .integer(result.blocks.count)),
            ("state", .string(statePath)), ("threads", .integer(threads)),
            ("elapsed_s", .number(elapsedSeconds)), ("path_steps_per_s", .number(pathStepsPerSecond)),
        ])
    }

    var text: String {
        let paths = result.shardPaths
        let range = paths.isEmpty ? "no paths (fewer blocks than shards)" : "paths \(paths.lowerBound)–\(paths.upperBound - 1)"
        let runs = rules > 1 ? " × \(rules) rules" : ""
        return "\(command) shard \(result.shard) of \(result.paths) paths × \(result.config.steps) steps\(runs)  seed \(result.seed): "
            + "\(range) in \(Table.fixed(elapsedSeconds, 3)) s on \(threads) thread\(threads == 1 ? "" : "s")"
            + (paths.isEmpty ? "" : " (\(Table.fixed(pathStepsPerSecond / 1e6, 1)) M path-steps/s)")
            + "; state in \(statePath)"
    }
}
