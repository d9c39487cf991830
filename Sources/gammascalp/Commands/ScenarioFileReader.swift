import Foundation
import ScalpEngine

/// Reads scenario files (TOML) from disk for `ScenarioLookup`: the engine parses the text,
/// this reads it. Errors are one line, `<file>:<line>: <key>: <problem>`.
enum ScenarioFileReader {
    /// The scenario in the file at `path`; nil when no such file exists and `path` does not
    /// look like a file name (so the lookup reports an unknown scenario name).
    @Sendable
    static func load(_ path: String) throws -> Scenario? {
        guard FileManager.default.fileExists(atPath: path) else {
            if path.hasSuffix(".toml") || path.contains("/") { throw CommandFailure("\(path): no such scenario file") }
            return nil
        }
        let text = try TextFile.read(path, what: "scenario file")
        do {
            return try ScenarioFile.parse(text, file: path)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
