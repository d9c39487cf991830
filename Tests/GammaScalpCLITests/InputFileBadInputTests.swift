import Foundation
import Testing

/// Hostile input files and numbers: one `error:` line that names the file or flag and the value,
/// and a non-zero exit. Files are read as `sort` reads them: a symlink followed, a FIFO streamed.
@Suite("Input files and magnitudes")
struct InputFileBadInputTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("input-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A scenario written into a FIFO by another process is read to its end and used; a
    /// directory is refused by name.
    @Test func aFIFOIsStreamedAndADirectoryRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/scenario.toml"
        #expect(mkfifo(fifo, 0o600) == 0)
        // The writer opens the FIFO in its own process, as a shell pipeline would.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "\"$0\" scenarios --show classic-scalp > \"$1\"", try #require(CLI.binary).path, fifo]
        try writer.run()
        let result = try CLI.run(["simulate", "--paths", "20", "--steps", "10", "--scenario", fifo])
        writer.waitUntilExit()
        #expect(result.status == 0 && result.stdout.contains("classic-scalp"), "\(result.stderr)")
        try ExecutionBadInputTests.expectOneErrorLine(["simulate", "--paths", "10", "--scenario", folder],
                                                      "\(folder): is a directory, not a scenario file")
    }

    @Test(arguments: [
        (["--spot", "1e308"], "--spot must be in (0, 10000000] (currency), got 1e+308"),
        (["--lot-size", "1e308"], "--lot-size must be in [0, 1000000] (units; 0 for fractional), got 1e+308"),
        (["--latency-ms", "1e12"], "--latency-ms must be in [0, 60000] (milliseconds), got 1000000000000"),
        (["--position", "1e308"], "--position must be in [-1000000, 1000000] (units), got 1e+308"),
        (["--realized-vol", "1e308"], "--realized-vol must be in [0, 10] (a fraction per year), got 1e+308"),
    ])
    func absurdFlagsAreRefusedNamingTheFlag(flags: [String], message: String) throws {
        try ExecutionBadInputTests.expectOneErrorLine(["simulate", "--paths", "10"] + flags, "error: " + message)
    }

    @Test func aPriceRowWithAnExtraFieldIsRefusedWithItsLine() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/p.csv"
        try "date,close\n2024-01-02,100\n2024-01-03,1,101.54\n2024-01-04,102\n".write(toFile: file, atomically: true, encoding: .utf8)
        try ExecutionBadInputTests.expectOneErrorLine(["vol", "--prices", file], "p.csv:3: 3 fields where the header has 2")
    }
}
