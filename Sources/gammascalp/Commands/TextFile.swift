import Foundation
import ScalpEngine

/// Reads a UTF-8 text file a flag names; errors are one `CommandFailure` line naming the path.
enum TextFile {
    static func read(_ path: String, what: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure("\(path): no such \(what)")
        }
        if isDirectory.boolValue { throw CommandFailure("\(path): is a directory, not a \(what)") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandFailure("\(path): cannot read: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw CommandFailure("\(path): not UTF-8 text") }
        return text
    }
}

/// Reads a `--prices FILE.csv` price history.
enum PriceHistoryReader {
    static func load(_ path: String, flag: String = "--prices") throws -> PriceHistory {
        do {
            return try PriceHistory.parse(csv: TextFile.read(path, what: "price file"), file: path)
        } catch let error as PriceHistoryError {
            throw CommandFailure("\(flag): \(error.description)")
        } catch let failure as CommandFailure {
            throw CommandFailure("\(flag): \(failure.message)")
        }
    }
}
