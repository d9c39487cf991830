import Foundation
import ScalpEngine

/// Reads scenario files (TOML) from disk for `ScenarioLookup`: the engine parses the text,
/// this reads it. Errors are one line, `<file>:<line>: <key>: <problem>`.
enum ScenarioFileReader {
    /// The scenario in the file at `path`; nil when no such file exists and `path` does not
    /// look like a file name (so the lookup reports an unknown scenario name).
    @Sendable
    static func load(_ path: String) throws -> Scenario? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if path.hasSuffix(".toml") || path.contains("/") { throw CommandFailure("\(path): no such scenario file") }
            return nil
        }
        if isDirectory.boolValue { throw CommandFailure("\(path): is a directory, not a scenario file") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("\(path): cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("\(path): not UTF-8 text") }
        do {
            return try ScenarioFile.parse(text, file: path)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
