import ScalpEngine
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Follows one journal file as it is written, reading only what was appended since the last
/// look: it keeps the byte offset just past the last complete line it handed out, so a line
/// being written (or cut off mid-way) is never read until its newline is there.
///
/// A file that shrank, was replaced (another inode), or whose byte before the offset is no
/// longer the newline that ended the last line read (rewritten in place), is read again from
/// byte 0 and the update says `restarted`.
public struct JournalTail: Sendable {
    public let path: String
    /// Bytes handed out as complete lines so far.
    public private(set) var offset: Int = 0
    /// Bytes after the last newline at the last look (a line still being written).
    public private(set) var pendingBytes = 0
    private var identity: FileIdentity?
    /// The file's size at the last look, and how far its last read reached: a file the
    /// last read saw to its end and whose size has not changed is not read again.
    private var seenSize = 0
    private var readTo = 0
    /// Most bytes one look reads: a huge file is taken in slices, one per poll.
    public var sliceBytes = 4 << 20

    public init(path: String) { self.path = path }

    /// What one look found.
    public struct Update: Sendable {
        /// The complete lines appended since the last look, without their newlines.
        public var lines: [Substring] = []
        /// The file was replaced, shrank or was rewritten: `lines` start again at its line 1.
        public var restarted = false
        /// The file is gone (deleted or renamed away).
        public var missing = false
    }

    private struct FileIdentity: Sendable, Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// Looks at the file once: a `stat`, and when it grew, one `open` and `pread` of the new bytes.
    public mutating func poll() -> Update {
        var update = Update()
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            update.missing = true
            return update
        }
        let current = FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        let size = Int(info.st_size)
        if let identity, identity != current || size < offset {
            restart(&update)
        }
        let unchanged = identity == current && size == seenSize && readTo >= size && !update.restarted
        identity = current
        seenSize = size
        guard size > offset else {
            pendingBytes = 0
            return update
        }
        // Nothing new since the last look, only the line still being written.
        if unchanged { return update }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            update.missing = true
            return update
        }
        defer { close(descriptor) }
        // The byte before the offset must still be the newline that ended the last line read.
        if offset > 0 {
            var byte: UInt8 = 0
            if pread(descriptor, &byte, 1, off_t(offset - 1)) != 1 || byte != 0x0A { restart(&update) }
        }
        let wanted = min(size - offset, sliceBytes)
        var bytes = [UInt8](repeating: 0, count: wanted)
        let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
        guard got > 0 else { return update }
        readTo = offset + got
        guard let lastNewline = bytes[..<got].lastIndex(of: 0x0A) else {
            pendingBytes = got
            return update
        }
        let text = String(decoding: bytes[...lastNewline], as: UTF8.self)
        update.lines = TextLines.split(text).dropLast()
        offset += lastNewline + 1
        pendingBytes = size - offset
        return update
    }

    private mutating func restart(_ update: inout Update) {
        offset = 0
        seenSize = 0
        readTo = 0
        pendingBytes = 0
        update.restarted = true
        update.lines = []
    }

    /// Whether a live `play` still holds the journal's write lock (it takes an exclusive
    /// `flock` for its whole session, released by the kernel when the process ends, even on
    /// SIGKILL). Nil when the file cannot be opened.
    public func writerHoldsLock() -> Bool? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 {
            flock(descriptor, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK ? true : nil
    }
}
