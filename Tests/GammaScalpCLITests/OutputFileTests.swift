import Foundation
import Testing

/// Outputs as `cp` and `sort -o` treat them: through a symlink to its target, streamed to a
/// FIFO, never replacing what is not a regular file, and every write error on a file or on
/// standard output one `error:` line and a non-zero exit. (No test touches a device under
/// /dev: FIFOs, symlinks, closed pipes and temporary folders stand in.)
@Suite("output files")
struct OutputFileTests {
    static let journal: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-out-\(UUID().uuidString).jsonl").path
        _ = try? CLI.run(["session", "--scenario", "classic-scalp", "--seed", "4", "--journal", path])
        return path
    }()

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-outdir-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aSymlinkIsFollowedAndKept() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old\n".write(toFile: dir + "/target.csv", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: "target.csv")
        let result = try CLI.run(["export", Self.journal, "--csv", dir + "/link.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try CLI.run(["export", Self.journal, "--csv", "-"]).stdout
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.csv") == "target.csv", "the link stays")
        #expect(try String(contentsOfFile: dir + "/target.csv", encoding: .utf8) == expected && expected.hasPrefix("step,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["link.csv", "target.csv"], "no temporary left")
    }

    @Test func aFIFOsReaderGetsTheWholeFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/pipe.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            if let handle = FileHandle(forReadingAtPath: fifo) { received = handle.readDataToEndOfFile() }
            done.signal()
        }
        let result = try CLI.run(["export", Self.journal, "--csv", fifo])
        done.wait()
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try CLI.run(["export", Self.journal, "--csv", "-"]).stdout
        #expect(String(decoding: received, as: UTF8.self) == expected && expected.count > 10_000)
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func aDirectoryIsRefusedAndNothingIsLeftBehind() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let result = try CLI.run(["export", Self.journal, "--csv", dir])
        #expect(result.status != 0 && result.stderr == "error: --csv: \(dir): is a directory\n", "\(result.stderr)")
        let missing = try CLI.run(["export", Self.journal, "--csv", dir + "/no/such/x.csv"])
        #expect(missing.status != 0 && missing.stderr == "error: --csv: \(dir)/no/such/x.csv: No such file or directory\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
    }

    /// Runs the binary with standard output on a pipe nobody reads (its read end closed before
    /// the start): every write fails with EPIPE.
    func runWithClosedStdout(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = try #require(CLI.binary)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        try out.fileHandleForReading.close()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A closed standard output: every command that prints says so in one line and exits
    /// non-zero; none traps, none exits 0.
    @Test(arguments: [
        ["scenarios"], ["simulate", "--paths", "20", "--steps", "50"], ["simulate", "--paths", "20", "--steps", "50", "--json"],
        ["price", "--kind", "call", "--spot", "100", "--strike", "100", "--vol", "0.2", "--expiry", "0.25"], ["export", "JOURNAL", "--csv", "-"],
        ["replay", "JOURNAL", "--verify"], ["leaderboard", "JOURNAL"], ["report", "JOURNAL", "--out", "-"],
        ["session", "--scenario", "theta-bleed", "--seed", "2"], ["frontier", "--scenario", "classic-scalp", "--paths", "8", "--rules", "every:1,band:100"],
    ])
    func aClosedStandardOutputIsOneErrorLine(arguments: [String]) throws {
        let result = try runWithClosedStdout(arguments.map { $0 == "JOURNAL" ? Self.journal : $0 })
        #expect(result.status == 1, "\(arguments): status \(result.status), \(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("error: ") && lines[0].hasSuffix("Broken pipe"), "\(arguments): \(result.stderr)")
    }
}
