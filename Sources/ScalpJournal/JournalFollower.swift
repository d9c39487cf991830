import Foundation

/// One trainee's journal followed as it grows: the file's new complete lines (`JournalTail`)
/// decoded and fed to the session's replay (`FollowedSession`). A journal that cannot be
/// followed is never fatal: a bad line freezes the replay at the last good line and is noted
/// in `problem`; a file that is deleted is noted in `missing`; one that is replaced or cut
/// back is read again from its first line and noted in `restarts`.
public struct JournalFollower: Sendable {
    public private(set) var tail: JournalTail
    /// The file's latest session, once its start line has been read.
    public private(set) var session: FollowedSession?
    /// Lines read from the file so far (the number of the last complete line).
    public private(set) var lines = 0
    /// The first line that could not be followed: "line 12: not valid JSON".
    public private(set) var problem: String?
    /// The file is gone (deleted or renamed away); the row keeps what was read.
    public private(set) var missing = false
    /// Times the file was replaced, cut back or rewritten and read again from the start.
    public private(set) var restarts = 0
    /// Sessions the file held before its latest (a journal appended to twice).
    public private(set) var earlierSessions = 0
    /// When the last complete line arrived (the caller's clock, seconds).
    public private(set) var lastGrowth: Double
    /// Whether a live `play` held the journal's lock at the last look (nil: unknown).
    public private(set) var writerPresent: Bool?

    public init(path: String, now: Double) {
        tail = JournalTail(path: path)
        lastGrowth = now
    }

    /// The trainee's name: the file name without `.jsonl`.
    public var trainee: String {
        let name = (tail.path as NSString).lastPathComponent
        return name.hasSuffix(".jsonl") ? String(name.dropLast(6)) : name
    }

    /// Reads what was appended since the last look; true when anything changed.
    @discardableResult
    public mutating func poll(now: Double) -> Bool {
        let update = tail.poll()
        var changed = update.missing != missing
        missing = update.missing
        if update.restarted {
            restarts += 1
            session = nil
            lines = 0
            problem = nil
            earlierSessions = 0
            lastGrowth = now
            changed = true
        }
        if !update.lines.isEmpty {
            lastGrowth = now
            changed = true
            for text in update.lines {
                lines += 1
                if problem == nil { take(text) }
            }
        }
        // A finished session needs no writer; otherwise ask whether its process is still there.
        let writer = session?.isEnded == true || missing ? writerPresent : tail.writerHoldsLock()
        if writer != writerPresent { changed = true }
        writerPresent = writer
        return changed
    }

    private mutating func take(_ text: Substring) {
        guard !text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) else { return }
        do {
            guard let entry = try JournalLine.decode(Data(text.utf8)) else { return }
            if case .start(let start) = entry {
                if session != nil { earlierSessions += 1 }
                session = try FollowedSession(start, line: lines)
                return
            }
            guard session != nil else {
                problem = "line \(lines): not a gammascalp journal (no start line)"
                return
            }
            try session!.take(entry, line: lines)
        } catch let error as JournalLineError {
            problem = "line \(lines): \(error.message)"
        } catch {
            problem = "\(error)"
        }
    }
}
