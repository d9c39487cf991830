import Foundation
import ScalpEngine

/// A journal file read back: its sessions (a file written with `--journal FILE` more than
/// once holds one per run), and how it was cut short, if it was.
public struct JournalDocument: Sendable {
    public var path: String
    public var sessions: [RecordedSession]
    /// A final line without its newline that is not valid JSON (the process died while
    /// writing it): dropped. Its line number.
    public var droppedPartialLine: Int?
}

/// Reads session journals (`play --journal`): JSON lines, one event each.
///
/// - A final line that is incomplete (no newline and not valid JSON) is dropped: the process
///   was killed while writing it; the session then reads as truncated.
/// - Any other line that is not a valid journal line is an error naming `FILE:LINE`.
/// - Lines of an unknown `type` are skipped (later versions may add some); a format newer
///   than this program's is refused.
public enum JournalReader {
    public static func parse(_ text: String, path: String) throws -> JournalDocument {
        var lines = TextLines.split(text)
        // After the last newline: "" for a complete file, else a line without its newline.
        let tail = lines.removeLast()
        var droppedPartialLine: Int?
        if !tail.trimmingCharacters(in: .whitespaces).isEmpty {
            // Complete JSON without its newline is a line (checked like any other); anything
            // else is a line the process died writing.
            if (try? JSONSerialization.jsonObject(with: Data(tail.utf8))) != nil {
                lines.append(tail)
            } else {
                droppedPartialLine = lines.count + 1
            }
        }

        var sessions: [RecordedSession] = []
        for (index, text) in lines.enumerated() {
            let number = index + 1
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let entry: JournalLine?
            do { entry = try JournalLine.decode(Data(text.utf8)) } catch {
                throw JournalError("\(path):\(number): \(error.message)")
            }
            guard let entry else { continue }
            let record = JournalRecord(line: number, entry: entry)
            if case .start(let start) = entry {
                sessions.append(RecordedSession(path: path, index: sessions.count, start: start, startLine: number))
                continue
            }
            guard !sessions.isEmpty else {
                throw JournalError("\(path):\(number): not a gammascalp session journal (the first line is not a \"start\" line)")
            }
            try sessions[sessions.count - 1].append(record)
        }
        guard !sessions.isEmpty else {
            throw JournalError(lines.isEmpty && droppedPartialLine == nil
                                 ? "\(path): the journal is empty"
                                 : "\(path): not a gammascalp session journal (no \"start\" line)")
        }
        for index in sessions.indices {
            sessions[index].lastCompleteLine = index + 1 < sessions.count
                ? sessions[index + 1].startLine - 1
                : (droppedPartialLine.map { $0 - 1 } ?? lines.count)
            sessions[index].count = sessions.count
        }
        return JournalDocument(path: path, sessions: sessions, droppedPartialLine: droppedPartialLine)
    }
}
