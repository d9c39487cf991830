import Foundation
import Testing
import ScalpEngine

/// `simulate --shard K/N --state FILE` and `merge`, as a batch job runs them: separate
/// processes of the built binary, files on disk, exit codes.
@Suite("sharded simulate and merge")
struct MergeCommandTests {
    static let run = ["simulate", "--paths", "8192", "--seed", "5"]

    /// The issue's check: the merge of shards 1/4 … 4/4, each its own process, prints the
    /// single run's JSON byte for byte up to the timing keys, and the same summary.
    @Test func fourShardsMergeToTheSingleRun() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let single = try CLI.run(Self.run + ["--json"])
        #expect(single.status == 0, "\(single.stderr)")
        var files: [String] = []
        for k in 1...4 {
            let file = directory.appendingPathComponent("shard-\(k).json").path
            // Shards on other thread counts than the single run: the blocks, not the threads, fix the bits.
            let shard = try CLI.run(Self.run + ["--shard", "\(k)/4", "--state", file, "--threads", "1", "--json"])
            #expect(shard.status == 0 && shard.stderr.isEmpty, "\(shard.stderr)")
            let note = try #require(try JSONSerialization.jsonObject(with: Data(shard.stdout.utf8)) as? [String: Any])
            #expect(note["shard"] as? Int == k && note["shard_paths"] as? Int == 2_048 && note["first_path"] as? Int == (k - 1) * 2_048)
            files.append(file)
        }
        let merged = try CLI.run(["merge", "--json"] + files.reversed())
        #expect(merged.status == 0 && merged.stderr.isEmpty, "\(merged.stderr)")
        let statistics = SimulateCommandTests.statistics(single.stdout)
        #expect(statistics.contains("\"pnl\":{\"mean\":") && statistics.contains("\"costs\":"))
        #expect(SimulateCommandTests.statistics(merged.stdout) == statistics)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(merged.stdout.utf8)) as? [String: Any])
        #expect(object["threads"] as? Int == 1 && (object["elapsed_s"] as? Double ?? 0) > 0)

        let summary = try CLI.run(Self.run + ["--steps", "252"])
        let mergedSummary = try CLI.run(["merge"] + files)
        #expect(Self.withoutTiming(mergedSummary.stdout) == Self.withoutTiming(summary.stdout))
        #expect(mergedSummary.stdout.contains("P&L at expiry"))
    }

    /// A state file of the whole run (no --shard) merges alone to the run's own output.
    /// `frontier` shards merge to the single run rule by rule: every rule's mean, stdev, costs,
    /// trades, utility and frontier mark to the last digit. Three shards of a two-block run, so
    /// one shard has no block and the merge still needs it.
    @Test func frontierShardsMergeRuleByRule() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = ["frontier", "--scenario", "trend-day", "--paths", "1100", "--seed", "5", "--rules", "every:1,band:600"]
        let single = try CLI.run(run + ["--json"])
        #expect(single.status == 0, "\(single.stderr)")
        let files = try (1...3).map { k in
            let file = directory.appendingPathComponent("frontier-\(k).json").path
            let shard = try CLI.run(run + ["--shard", "\(k)/3", "--state", file, "--threads", "1"])
            #expect(shard.status == 0 && shard.stdout.hasPrefix("frontier shard \(k)/3 "), "\(shard.stderr)")
            return file
        }
        let merged = try CLI.run(["merge", "--json"] + files.reversed())
        #expect(merged.status == 0 && merged.stderr.isEmpty, "\(merged.stderr)")
        func rules(_ text: String) -> String? {
            text.range(of: "\"rules\":").map { String(text[$0.lowerBound...]) }
        }
        #expect(rules(single.stdout) != nil && rules(merged.stdout) == rules(single.stdout))
        let missing = try CLI.run(["merge", files[0], files[2]])
        #expect(missing.status != 0 && missing.stderr.hasPrefix("error: shard 2/3 is missing"), "\(missing.stderr)")
    }

    @Test func stateWithoutShardIsTheWholeRun() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("whole.json").path
        let arguments = ["simulate", "--paths", "1500", "--steps", "12", "--seed", "9", "--scenario", "classic-scalp", "--json"]
        let whole = try CLI.run(arguments + ["--state", file])
        #expect(whole.status == 0, "\(whole.stderr)")
        let merged = try CLI.run(["merge", "--json", file])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(SimulateCommandTests.statistics(merged.stdout) == SimulateCommandTests.statistics(whole.stdout))
    }

    /// Different seeds, a missing shard, a duplicated shard and a file that is not a state
    /// file: one `error:` line naming the files, non-zero exit, nothing on stdout.
    @Test func badMergesAreOneErrorLine() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func shard(_ k: Int, seed: Int, name: String) throws -> String {
            let file = directory.appendingPathComponent(name).path
            let result = try CLI.run(["simulate", "--paths", "3000", "--steps", "5", "--seed", String(seed),
                                      "--shard", "\(k)/3", "--state", file, "--threads", "1"])
            #expect(result.status == 0, "\(result.stderr)")
            return file
        }
        let a = try shard(1, seed: 5, name: "a.json"), b = try shard(2, seed: 5, name: "b.json")
        let c = try shard(3, seed: 5, name: "c.json"), other = try shard(3, seed: 6, name: "other.json")
        let bogus = directory.appendingPathComponent("bogus.json").path
        try Data("{\"paths\": 3}".utf8).write(to: URL(fileURLWithPath: bogus))
        let cases: [([String], String)] = [
            ([a, b, other], "error: \(a) and \(other) are shards of different runs: seeds 5 and 6"),
            ([a, c], "error: shard 2/3 is missing; given: \(a) is 1/3, \(c) is 3/3"),
            ([a, b, b, c], "error: shard 2/3 is given twice: \(b) and \(b)"),
            ([a, b, bogus], "error: \(bogus): not a gammascalp state file"),
            ([a, directory.appendingPathComponent("none.json").path], "error: \(directory.path)/none.json: no such state file"),
        ]
        for (files, message) in cases {
            let result = try CLI.run(["merge"] + files)
            #expect(result.status != 0 && result.stdout.isEmpty)
            #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix(message), "\(result.stderr)")
        }
        let complete = try CLI.run(["merge", c, a, b])
        #expect(complete.status == 0, "\(complete.stderr)")
    }

    /// One number edited in a shard's state file (a block's mean, by 1) is refused by name: the
    /// content no longer matches the file's SHA-256 digest. The untouched shards still merge.
    @Test func anEditedStateFileIsRefused() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try (1...2).map { k in
            let file = directory.appendingPathComponent("s\(k).json").path
            let result = try CLI.run(["simulate", "--paths", "2000", "--steps", "5", "--shard", "\(k)/2", "--state", file])
            #expect(result.status == 0, "\(result.stderr)")
            return file
        }
        #expect(try CLI.run(["merge"] + files).status == 0)
        let text = try String(contentsOfFile: files[1], encoding: .utf8)
        let mean = try #require(text.firstRange(of: try Regex(#""mean":(-?[0-9.e+-]+)"#)))
        let value = try #require(Double(text[mean].dropFirst(7)))
        let edited = text.replacingCharacters(in: mean, with: "\"mean\":\(value + 1)")
        try edited.write(toFile: files[1], atomically: true, encoding: .utf8)
        let result = try CLI.run(["merge"] + files)
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr == "error: \(files[1]): edited or corrupted since it was written (its content does not match "
            + "its SHA-256 digest); run its shard again\n", "\(result.stderr)")
        let truncated = String(text.prefix(text.count / 2))
        try truncated.write(toFile: files[1], atomically: true, encoding: .utf8)
        let cut = try CLI.run(["merge"] + files)
        #expect(cut.status != 0 && cut.stderr.hasPrefix("error: \(files[1]): not a gammascalp state file"), "\(cut.stderr)")
    }

    /// Random byte mutations of a state file: `merge` refuses each with one error line (or,
    /// for a mutation the JSON reads past, merges), never traps.
    @Test func mutatedStateFilesNeverTrap() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try (1...2).map { k in
            let file = directory.appendingPathComponent("m\(k).json").path
            _ = try CLI.run(["simulate", "--paths", "600", "--steps", "3", "--shard", "\(k)/2", "--state", file])
            return file
        }
        let valid = Array(try String(contentsOfFile: files[1], encoding: .utf8).utf8)
        var rng = Xoshiro256StarStar(seed: 19)
        for _ in 0..<12 {
            var bytes = valid
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1: bytes.removeSubrange(at...)
            default: bytes.insert(contentsOf: Array("1e308".utf8), at: at)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: files[1]))
            let result = try CLI.run(["merge"] + files)
            #expect(result.status == 0 || (result.status == 1 && result.stderr.split(separator: "\n").count == 1
                                                && result.stderr.hasPrefix("error: ")), "\(result.status) \(result.stderr)")
        }
    }

    /// A state file from another gammascalp version is refused by name.
    @Test func shardsOfDifferentVersionsAreRefused() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = try (1...2).map { k in
            let file = directory.appendingPathComponent("v\(k).json").path
            _ = try CLI.run(["simulate", "--paths", "2000", "--steps", "5", "--shard", "\(k)/2", "--state", file])
            return file
        }
        let text = try String(contentsOfFile: files[1], encoding: .utf8)
        let older = text.replacingOccurrences(of: "\"version\":\"", with: "\"version\":\"0.0.1-")
        #expect(older != text)
        try older.write(toFile: files[1], atomically: true, encoding: .utf8)
        let result = try CLI.run(["merge"] + files)
        #expect(result.status != 0 && result.stderr.hasPrefix("error: \(files[0]) and \(files[1]) are shards of different gammascalp versions"),
                "\(result.stderr)")
    }

    @Test(arguments: [
        ("0/4", "error: --shard: shards of 4 are numbered 1 to 4, got 0"),
        ("5/4", "error: --shard: shards of 4 are numbered 1 to 4, got 5"),
        ("1/0", "error: --shard: the shard count must be 1 to 1000000, got 0"),
        ("-1/4", "error: --shard: shards of 4 are numbered 1 to 4, got -1"),
        ("junk", "error: --shard: a shard is K/N"),
        ("", "error: --shard: a shard is K/N"),
    ])
    func badShardsAreOneErrorLine(shard: String, message: String) throws {
        let result = try CLI.run(["simulate", "--paths", "10", "--shard", shard, "--state", "/tmp/never-written.json"])
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix(message), "\(result.stderr)")
    }

    /// A state file that cannot be written is refused before any path runs.
    @Test func stateInAMissingDirectoryIsRefused() throws {
        let result = try CLI.run(["simulate", "--paths", "10", "--shard", "1/2", "--state", "/nonexistent-dir/s.json"])
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr == "error: --state: cannot write '/nonexistent-dir/s.json': no directory '/nonexistent-dir'\n", "\(result.stderr)")
    }

    @Test func shardWithoutStateIsRefused() throws {
        let result = try CLI.run(["simulate", "--paths", "10", "--shard", "1/2"])
        #expect(result.status != 0 && result.stderr == "error: --shard needs --state FILE: a shard's result is only of use merged\n")
    }

    /// The summary without its last line (the timing, which may differ).
    static func withoutTiming(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n")
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
