import Foundation

/// Writes a whole output file a flag names, or standard output for `-`.
enum OutputFile {
    static func write(_ text: String, to path: String, flag: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("\(flag): cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
