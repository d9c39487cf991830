import Foundation
import ScalpEngine
#if canImport(Glibc)
import Glibc
#endif

/// The session journal: an append-only file of JSON lines, one event per line, each with
/// `type` and `t` (session time in years). Every line goes to the kernel with one write(2)
/// as soon as it is produced (a killed process loses nothing written); trades and the end
/// are also fsync'd (the caller syncs once per batch of lines that holds any: `JournalLine.needsSync`).
///
/// The writer holds an exclusive `flock` on the file for as long as it is open, so a reader
/// (the class board) can tell a session whose process is gone from one that is only quiet.
public final class JournalAppender: JournalSink {
    public let location: String
    private var descriptor: Int32

    /// Opens (creating folders and the file as needed) `path` for appending. `exclusive`
    /// creates the file and refuses one that exists (`O_EXCL`, atomic even between
    /// processes): a class's trainees each get their own file, never a shared one.
    public init(path: String, exclusive: Bool = false) throws {
        location = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !exclusive {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (exclusive ? O_EXCL : 0), 0o644)
        guard descriptor >= 0 else {
            throw JournalError(exclusive && errno == EEXIST ? Self.existsMessage : String(cString: strerror(errno)))
        }
        // Best effort: two sessions appending to one --journal file both go on.
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
    }

    /// The error an `exclusive` open gives for a file that exists.
    public static let existsMessage = "the file exists already"
    /// The error `init(resuming:)` gives while another process holds the journal's lock.
    public static let inUseMessage = "another process is writing it"

    /// Opens the existing journal at `path` to carry on its session (a class trainee who
    /// rejoins after a dropped connection). Refused with `inUseMessage` while another process
    /// holds its lock (the session is still being played); a last line the dead process left
    /// half written is cut off, so the next line starts on a line of its own.
    public init(resuming path: String) throws {
        location = path
        descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw JournalError(String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw JournalError(Self.inUseMessage) }
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return }
        // Back from the end in blocks to the last newline; the lines up to it are complete.
        var end = Int(size)
        var block = [UInt8](repeating: 0, count: 4096)
        while end > 0 {
            let start = max(0, end - block.count)
            let count = block.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, end - start, off_t(start)) }
            guard count == end - start else { throw JournalError("read: " + String(cString: strerror(errno))) }
            if let newline = block[..<count].lastIndex(of: 0x0A) {
                end = start + newline + 1
                break
            }
            end = start
        }
        if end < Int(size), ftruncate(descriptor, off_t(end)) != 0 {
            throw JournalError("cutting the half-written last line: " + String(cString: strerror(errno)))
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public func write(_ line: JournalLine) throws {
        try writeLine(line.text)
    }

    public func sync() throws {
        guard fsync(descriptor) == 0 else { throw JournalError("fsync: " + String(cString: strerror(errno))) }
    }

    private func writeLine(_ line: String) throws {
        var bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw JournalError(String(cString: strerror(errno)))
            }
            offset += written
        }
        bytes.removeAll()
    }

    /// A new journal's path in the sessions folder (`SessionsFolder`), named by the session's
    /// UTC start time, scenario and seed.
    public static func defaultPath(scenario: String, seed: UInt64, date: Date = Date(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        try SessionsFolder(environment: environment).newJournalPath(scenario: scenario, seed: seed, date: date)
    }
}
