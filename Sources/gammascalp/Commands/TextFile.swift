import Foundation
import ScalpEngine
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reads a UTF-8 text file a flag names, as `sort` does: a symlink is followed, and a FIFO or a
/// character device is read as a stream to its end. Errors are one `CommandFailure` line naming
/// the path; a stream longer than `limit` bytes (`/dev/zero`) is refused rather than read forever.
enum TextFile {
    /// The largest file of each kind read, bytes: a scenario of 10,000 events is under 1 MiB; a
    /// price file of ten million rows or a journal of a year's ticks under 1 GiB.
    static func limit(for what: String) -> Int {
        what == "scenario file" || what == "course file" || what == "state file" ? 16 << 20 : 1 << 30
    }

    /// Streams already read, by path, with what they are: a FIFO gives its bytes once, and a
    /// command may check its flags (reading the file) before it runs (reading it again).
    private static let streamsRead = Mutex<[String: (bytes: [UInt8], kind: String)]>([:])

    /// The file's text, refused when it is not UTF-8.
    static func read(_ path: String, what: String) throws -> String {
        let (bytes, kind) = try readBytesAndKind(path, what: what)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CommandFailure("\(path): \(kind.isEmpty ? "" : "is \(kind)giving ")not UTF-8 text") }
        return text
    }

    /// The file's bytes as they are, for a reader that parses them in place (a price file).
    static func readBytes(_ path: String, what: String) throws -> [UInt8] {
        try readBytesAndKind(path, what: what).bytes
    }

    /// The file's bytes and, for a stream, what it is ("a FIFO ", with the space; "" for a file).
    private static func readBytesAndKind(_ path: String, what: String) throws -> (bytes: [UInt8], kind: String) {
        if let read = streamsRead.withLock({ $0[path] }) { return read }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw CommandFailure("\(path): no such \(what)") }
            throw CommandFailure("\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw CommandFailure("\(path): cannot read: \(String(cString: strerror(errno)))")
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw CommandFailure("\(path): is a directory, not a \(what)") }
        // A stream is read as one, but its errors say what it is.
        let kind: String = switch info.st_mode & S_IFMT {
        case S_IFIFO: "a FIFO "
        case S_IFCHR: "a character device "
        case S_IFBLK: "a block device "
        case S_IFSOCK: "a socket "
        default: ""
        }
        let limit = limit(for: what)
        var bytes: [UInt8] = []
        // A regular file's size is known: one allocation, no copies as the array grows.
        if info.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(min(Int(info.st_size), limit) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CommandFailure("\(path): cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit {
                throw CommandFailure("\(path): \(kind)longer than \(limit >> 20) MiB, more than any \(what) can be")
            }
        }
        if info.st_mode & S_IFMT != S_IFREG { streamsRead.withLock { $0[path] = (bytes, kind) } }
        return (bytes, kind)
    }
}

/// Reads a `--prices FILE.csv` price history.
enum PriceHistoryReader {
    static func load(_ path: String, flag: String = "--prices", labels: PriceLabels.Kept = .everyRow) throws -> PriceHistory {
        do {
            return try PriceHistory.parse(bytes: TextFile.readBytes(path, what: "price file"), file: path, labels: labels)
        } catch let error as PriceHistoryError {
            throw CommandFailure("\(flag): \(error.description)")
        } catch let failure as CommandFailure {
            throw CommandFailure("\(flag): \(failure.message)")
        }
    }
}
