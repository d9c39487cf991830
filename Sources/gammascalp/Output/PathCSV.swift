import ScalpFormat
import Foundation
import ScalpJournal
import ScalpEngine

/// `simulate --csv`: one row per path, `path,pnl,trades,costs,final_spot`, written block by
/// block as the Monte Carlo hands them over, so no more than a block is held in memory.
/// Numbers are written in their shortest round-trip form.
struct PathCSV {
    private let file: OutputFile
    /// The first write error, reported when the file is closed (the run goes on meanwhile).
    private var failure: (any Error)?

    static let header = "path,pnl,trades,costs,final_spot\n"

    init(path: String) throws {
        file = try OutputFile(path: path, flag: "--csv")
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
        do { try file.write(text) } catch { failure = error }
    }

    /// Finishes the file (renamed into place), or throws the first write error.
    func close() throws {
        if let failure { throw failure }
        try file.commit()
    }
}
