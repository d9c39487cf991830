import Foundation
import Testing

/// `gammascalp simulate` and `gammascalp bench` as a user runs them: the built binary, its
/// output, its files and its exit codes.
@Suite("simulate and bench commands")
struct SimulateCommandTests {
    // MARK: - Errors

    /// Bad flags are one `error:` line on stderr, nothing on stdout, and a non-zero exit.
    @Test(arguments: [
        (["--paths", "0"], "error: --paths must be at least 1, got 0"),
        (["--paths", "-3"], "error: --paths must be at least 1, got -3"),
        (["--paths", "10", "--steps", "0"], "error: --steps must be at least 1, got 0"),
        (["--paths", "10", "--threads", "0"], "error: --threads must be at least 1, got 0"),
        (["--paths", "10", "--hedge", "every:0"], "error: --hedge: invalid hedge rule 'every:0'"),
        (["--paths", "10", "--hedge", "foo"], "error: --hedge: invalid hedge rule 'foo'"),
        (["--paths", "10", "--realized-vol", "-0.2"], "error: --realized-vol must be in [0, 10] (a fraction per year), got -0.2"),
        (["--paths", "10", "--implied-vol", "-0.1"], "error: --implied-vol must be in [0, 10] (a fraction per year), got -0.1"),
        (["--paths", "10", "--spot", "0"], "error: --spot must be in (0, 10000000] (currency), got 0"),
        (["--paths", "10", "--cost-bps", "-1"], "error: --cost-bps must be ≥ 0, got -1"),
        (["--paths", "10", "--kind", "strangle"], "error: The value 'strangle' is invalid for '--kind <kind>'"),
        (["--paths", "10", "--scenario", "nope"], "error: --scenario: unknown scenario 'nope' (known: "),
        (["--steps", "10"], "error: Missing expected argument '--paths <paths>'"),
        (["--paths", "10", "--hedge-vol", "realized"], "error: The value 'realized' is invalid for '--hedge-vol <vol>'"),
    ])
    func badFlagsAreOneErrorLine(arguments: [String], message: String) throws {
        let result = try CLI.run(["simulate"] + arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
    }

    @Test func benchRejectsBadFlags() throws {
        let result = try CLI.run(["bench", "--seconds", "0"])
        #expect(result.status != 0 && result.stderr == "error: --seconds must be positive, got 0\n")
    }

    // MARK: - JSON

    /// The documented keys, in order, with sane values.
    @Test func jsonHasTheDocumentedKeys() throws {
        let result = try CLI.run(["simulate", "--paths", "600", "--steps", "30", "--seed", "3", "--json"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let pnl = try #require(object["pnl"] as? [String: Double])
        #expect(object["paths"] as? Int == 600 && object["steps"] as? Int == 30 && object["seed"] as? Int == 3)
        #expect(abs((object["premium"] as? Double ?? 0) - 10.450583572185565) < 1e-12, "the default call's Black-Scholes value")
        #expect(Set(pnl.keys) == ["mean", "stdev", "stderr", "min", "p01", "p05", "p50", "p95", "p99", "max", "skew", "excess_kurtosis"])
        let ordered = ["min", "p01", "p05", "p50", "p95", "p99", "max"].compactMap { pnl[$0] }
        #expect(ordered == ordered.sorted() && ordered.count == 7)
        #expect(abs((pnl["stderr"] ?? 0) - (pnl["stdev"] ?? 0) / 600.0.squareRoot()) < 1e-12)
        #expect((object["trades"] as? [String: Double])?["mean"] ?? 0 > 20)
        #expect((object["costs"] as? [String: Double])?["mean"] == 0)
        #expect((object["elapsed_s"] as? Double ?? 0) > 0 && (object["path_steps_per_s"] as? Double ?? 0) > 0)
        let keys = ["\"paths\"", "\"steps\"", "\"seed\"", "\"premium\"", "\"pnl\"", "\"trades\"", "\"costs\"", "\"elapsed_s\"", "\"path_steps_per_s\""]
        let positions = keys.compactMap { result.stdout.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted(), "keys in the documented order")
    }

    /// The same seed gives the same statistics, digit for digit, on 1, 2 and 8 threads.
    @Test func threadsDoNotChangeTheStatistics() throws {
        let arguments = ["simulate", "--paths", "2500", "--steps", "20", "--seed", "42", "--hedge", "ww:2",
                         "--cost-bps", "5", "--kind", "straddle", "--json"]
        let outputs = try [1, 2, 8].map { threads in
            let result = try CLI.run(arguments + ["--threads", String(threads)])
            #expect(result.status == 0)
            return Self.statistics(result.stdout)
        }
        #expect(outputs[0].contains("\"pnl\":{\"mean\":"))
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    /// The JSON up to the timing keys, which are the only ones that may vary between runs.
    static func statistics(_ json: String) -> String {
        String(json.prefix { $0 != "\n" }.split(separator: ",\"threads\"").first ?? "")
    }

    // MARK: - CSV and summary

    /// One row per path, in path order, whose P&L column has the mean the JSON reports.
    @Test func csvHasOneRowPerPath() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("simulate-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["simulate", "--paths", "1500", "--steps", "12", "--cost-bps", "2", "--json", "--csv", file.path])
        #expect(result.status == 0)
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "path,pnl,trades,costs,final_spot")
        #expect(rows.count == 1501)
        let fields = rows.dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(fields.map { Int($0[0]) } == Array(0..<1500))
        let pnls = fields.compactMap { Double($0[1]) }
        let costs = fields.compactMap { Double($0[3]) }
        #expect(pnls.count == 1500 && costs.allSatisfy { $0 > 0 } && fields.allSatisfy { Double($0[4]) ?? 0 > 0 })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let mean = try #require((object["pnl"] as? [String: Double])?["mean"])
        #expect(abs(pnls.reduce(0, +) / 1500 - mean) < 1e-12)
        #expect(abs(costs.reduce(0, +) / 1500 - ((object["costs"] as? [String: Double])?["mean"] ?? 0)) < 1e-12)
    }

    @Test func csvThatCannotBeWrittenIsAnError() throws {
        let result = try CLI.run(["simulate", "--paths", "10", "--csv", "/nonexistent-dir/paths.csv"])
        #expect(result.status != 0 && result.stderr == "error: --csv: /nonexistent-dir/paths.csv: No such file or directory\n")
    }

    /// Without --json: the setup, the statistics, a histogram and the throughput; no progress
    /// bar when stderr is not a terminal.
    @Test func summaryIsReadable() throws {
        let result = try CLI.run(["simulate", "--paths", "800", "--steps", "20", "--realized-vol", "0.3", "--kind", "put",
                                  "--position", "-2"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        for text in ["800 paths × 20 steps", "short 2 put strike 100", "premium", "P&L at expiry", "mean", "p99",
                     "excess kurtosis", "│█", "M path-steps/s"] {
            #expect(result.stdout.contains(text), "missing \(text)")
        }
    }

    /// A built-in scenario runs with its own book; flags override its market.
    @Test func scenarioIsTheBase() throws {
        let result = try CLI.run(["simulate", "--scenario", "classic-scalp", "--paths", "4", "--steps", "100", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        // Ten 100-share straddles, 30 days at 20%: the book is worth about 2 × 1000 × 2.3.
        let premium = try #require(object["premium"] as? Double)
        #expect(premium > 4_000 && premium < 5_000)
        let text = try CLI.run(["simulate", "--scenario", "classic-scalp", "--paths", "4", "--steps", "100", "--spot", "120"])
        #expect(text.stdout.contains("spot 120") && text.stdout.contains("book value at t=0"))
    }

    @Test func helpStatesTheQuantileAccuracy() throws {
        let result = try CLI.run(["simulate", "--help"])
        #expect(result.status == 0)
        let help = result.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(help.contains("within 0.1% (relative) of the sample quantiles"))
        for flag in ["--paths", "--steps", "--seed", "--threads", "--scenario", "--json", "--csv", "--spot", "--drift",
                     "--realized-vol", "--rate", "--dividend", "--kind", "--strike", "--expiry", "--implied-vol",
                     "--position", "--hedge", "--hedge-vol", "--cost-bps", "--fee"] {
            #expect(help.contains(flag), "missing \(flag)")
        }
    }

    // MARK: - bench

    @Test func benchReportsThisMachinesFigures() throws {
        let result = try CLI.run(["bench", "--seconds", "0.05", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["price_greeks_per_s", "implied_vol_per_s", "simulate_path_steps_per_s_1_thread",
                    "simulate_path_steps_per_s_all_threads", "scaling", "session_steps_per_s", "graded_session_steps_per_s"] {
            #expect((object[key] as? Double ?? 0) > 0, "\(key)")
        }
        let table = try CLI.run(["bench", "--seconds", "0.02", "--threads", "2"])
        #expect(table.stdout.contains("prices+Greeks") && table.stdout.contains("simulate, 2 threads"))
    }
}

/// Runs the `gammascalp` binary that `swift build` put next to this test bundle.
enum CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary in the products directory (the same for any `--scratch-path`).
    static let binary: URL? = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [Bundle.main.bundleURL, executable.deletingLastPathComponent()]
            + Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        return candidates.map { $0.appendingPathComponent("gammascalp") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Runs the binary with `arguments`; `environment` entries are added to this process's.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = try #require(binary, "gammascalp not found next to the test bundle")
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stderr on another thread so neither pipe can fill up and stall the child.
        nonisolated(unsafe) var errorData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errorData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outputData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData, as: UTF8.self))
    }
}
