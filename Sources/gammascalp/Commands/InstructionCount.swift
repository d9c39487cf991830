import Foundation
import ScalpEngine

/// Instructions a path-step of `simulate`, counted by valgrind's callgrind on this very binary:
/// `simulate --steps 252 --threads 1` at 4,000 paths minus the same at 2,000, divided by
/// 2,000 × 252, so the set-up and the report cancel and only the path loop is left. Unlike a
/// rate, the count does not move when other work shares the machine. Meaningful on a release
/// build (stripped or not: callgrind counts the same instructions).
struct InstructionCount {
    /// The hedge rules counted by default: the default rule, Whalley-Wilmott at 5 bp and the ladder.
    static let standardRules: [(label: String, arguments: [String])] = [
        ("every:1", ["--hedge", "every:1"]),
        ("ww:1, 5 bp", ["--hedge", "ww:1", "--cost-bps", "5"]),
        ("ladder:0.01", ["--hedge", "ladder:0.01"]),
    ]

    /// A year of daily steps, as the README's figures are counted.
    static let steps = Int(DayCount.tradingDaysPerYear)
    static let fewerPaths = 2_000
    static let morePaths = 4_000

    /// valgrind's path on the PATH, or nil when it is not installed.
    static func valgrind() -> String? { onPath("valgrind") }

    /// `tool`'s path on the PATH, or nil.
    static func onPath(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/" + tool
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// A stripped copy of `executable` in `folder`: valgrind 3.19 cannot read the DWARF of an
    /// unstripped Swift release binary and stops. Without `strip`, the binary itself.
    static func strippedCopy(of executable: String, in folder: URL) throws -> String {
        guard let strip = onPath("strip") else { return executable }
        let copy = folder.appendingPathComponent("gammascalp-stripped").path
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: executable, toPath: copy)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strip)
        process.arguments = [copy]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailure("strip exited with status \(process.terminationStatus) on \(copy)") }
        return copy
    }

    /// This process's own executable (Linux's /proc/self/exe, else argv[0]).
    static func ownExecutable() -> String {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        return CommandLine.arguments[0]
    }

    let valgrind: String
    let executable: String

    /// Instructions a path-step of `simulate` with `arguments` added (the hedge rule and costs).
    func perPathStep(_ arguments: [String]) throws -> Double {
        let more = try total(paths: Self.morePaths, arguments)
        let fewer = try total(paths: Self.fewerPaths, arguments)
        return Double(more - fewer) / Double((Self.morePaths - Self.fewerPaths) * Self.steps)
    }

    /// Instructions callgrind counted over one whole `simulate` run.
    func total(paths: Int, _ arguments: [String]) throws -> Int {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gammascalp-callgrind-\(ProcessInfo.processInfo.processIdentifier)-\(paths)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("callgrind.out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: valgrind)
        process.arguments = ["--tool=callgrind", "--callgrind-out-file=\(output.path)", executable,
                             "simulate", "--steps", "\(Self.steps)", "--threads", "1", "--paths", "\(paths)"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("valgrind exited with status \(process.terminationStatus) on simulate \(arguments.joined(separator: " "))")
        }
        let text = try String(contentsOf: output, encoding: .utf8)
        guard let count = Self.totalInstructions(inCallgrindOutput: text) else {
            throw CommandFailure("no instruction total in callgrind's output \(output.path)")
        }
        return count
    }

    /// The run's total instructions (event Ir): the `totals:` line, or `summary:` in older outputs.
    static func totalInstructions(inCallgrindOutput text: String) -> Int? {
        var summary: Int?
        for line in text.split(separator: "\n") {
            for key in ["totals:", "summary:"] where line.hasPrefix(key) {
                let first = line.dropFirst(key.count).split(separator: " ").first
                if let first, let value = Int(first) {
                    if key == "totals:" { return value }
                    summary = value
                }
            }
        }
        return summary
    }
}
