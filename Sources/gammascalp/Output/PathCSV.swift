import ScalpFormat
import Foundation
import ScalpJournal
import ScalpEngine

/// `simulate --csv`: one row per path, `path,pnl,trades,costs,final_spot`, written block by
/// block as the Monte Carlo hands them over, so no more than a block is held in memory.
/// Numbers are written in their shortest round-trip form.
struct PathCSV {
    let path: String
    private let handle: FileHandle
    /// The first write error, reported when the file is closed (the run goes on meanwhile).
    private var failure: (any Error)?

    static let header = "path,pnl,trades,costs,final_spot\n"

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CommandFailure("--csv: cannot create '\(path)'")
        }
        self.path = path
        self.handle = handle
        write(text: Self.header)
    }

    mutating func write(_ outcomes: [PathOutcome]) {
        var text = ""
        text.reserveCapacity(outcomes.count * 64)
        for outcome in outcomes {
            text += "\(outcome.path),\(JSONText.format(outcome.pnl)),\(outcome.trades),"
            text += "\(JSONText.format(outcome.costs)),\(JSONText.format(outcome.finalSpot))\n"
        }
        write(text: text)
    }

    private mutating func write(text: String) {
        guard failure == nil else { return }
        do { try handle.write(contentsOf: Data(text.utf8)) } catch { failure = error }
    }

    func close() throws {
        try? handle.close()
        if let failure { throw CommandFailure("--csv: cannot write '\(path)': \(failure.localizedDescription)") }
    }
}
