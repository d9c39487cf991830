import ArgumentParser
import Foundation
import ScalpEngine

/// `--shard K/N` and `--state FILE`: run part of a Monte Carlo and keep a result that
/// `gammascalp merge` combines with the other parts, exactly.
struct ShardOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: ArgumentHelp("""
        Run only shard K of N (1 ≤ K ≤ N, numbered from 1): the K-th of N contiguous ranges of \
        the 1,024-path blocks. Needs --state; merge the N state files with `gammascalp merge`.
        """, valueName: "k/n"))
    var shard: String?

    @Option(help: ArgumentHelp("""
        Write the mergeable result to FILE (JSON): each block's moments, the quantile sketch, \
        the configuration, seed, paths and version. Without --shard, the whole run as shard 1/1.
        """, valueName: "file"))
    var state: String?

    func validate() throws {
        _ = try parsedShard()
        if shard != nil && state == nil {
            throw ValidationError("--shard needs --state FILE: a shard's result is only of use merged")
        }
        if let state, state.isEmpty || state == "-" {
            throw ValidationError("--state needs a file name, got '\(state)'")
        }
        // Refused before the paths run, not after: a job array should fail in its first second.
        if let state {
            let directory = URL(fileURLWithPath: state).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--state: cannot write '\(state)': no directory '\(directory)'")
            }
        }
    }

    /// The shard `--shard` names, if any.
    func parsedShard() throws -> MonteCarloShard? {
        guard let shard else { return nil }
        do {
            return try MonteCarloShard(parsing: shard)
        } catch {
            throw ValidationError("--shard: \(error.message)")
        }
    }

    /// The shard to run and keep, or nil for a plain run that keeps nothing.
    func shardToRun() throws -> MonteCarloShard? {
        guard state != nil else { return nil }
        return try parsedShard() ?? .whole
    }
}

/// What a `simulate` shard keeps beside its Monte Carlo result: what the report prints.
struct SimulationShardContents: Codable {
    var scenario: String?
    /// Per unit of the option, or the book's value at t=0 (see `premiumIsPerUnit`), currency.
    var premium: Double
    var premiumIsPerUnit: Bool
    var run: MonteCarloShardResult

    init(setup: SimulationSetup, run: MonteCarloShardResult) {
        scenario = setup.scenarioName
        premium = setup.premium
        premiumIsPerUnit = setup.premiumIsPerUnit
        self.run = run
    }

    /// The setup the report describes: the run's configuration with the premium kept.
    var setup: SimulationSetup {
        SimulationSetup(config: run.config, scenarioName: scenario, premium: premium, premiumIsPerUnit: premiumIsPerUnit)
    }
}
