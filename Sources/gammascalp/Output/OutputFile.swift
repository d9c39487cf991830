import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every file the program writes, but the journal (which appends), goes through here, as
/// `cp` and `sort -o` treat their outputs:
/// - `-` is standard output;
/// - a FIFO, a character device or a socket is written in place, as a stream (nothing is
///   replaced, so a reader gets everything and a device node stays a device);
/// - a regular file or a new path is written to a temporary sibling, fsynced and renamed over
///   it, so a reader never sees half a file and a failed write leaves the old file whole;
/// - a symlink is followed: its target is written (as above) and the link stays.
///
/// Every write is checked: ENOSPC, EIO, EPIPE and the rest end the command with one
/// `error: FLAG: PATH: reason` line, and a temporary file is removed.
struct OutputFile {
    /// How the output is written.
    enum Kind: Equatable {
        case standardOutput
        /// Written in place: a FIFO, a character device or a socket.
        case stream
        /// Written to `temporary`, then renamed over `target`.
        case replaced(target: String, temporary: String)
    }

    let path: String
    let flag: String
    let kind: Kind
    private let descriptor: Int32

    /// Opens `path` (the flag's value) for writing; nothing is replaced until `commit()`.
    init(path: String, flag: String) throws {
        self.path = path
        self.flag = flag
        if path == "-" {
            fflush(nil)  // what print has buffered goes first
            (kind, descriptor) = (.standardOutput, STDOUT_FILENO)
            return
        }
        guard !path.isEmpty else { throw CommandFailure("\(flag) needs a file name") }
        // stat follows symlinks: the target decides.
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR: throw CommandFailure("\(flag): \(path): is a directory")
            case S_IFIFO, S_IFCHR, S_IFSOCK:
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw Self.failure(flag, path, errno) }
                (kind, descriptor) = (.stream, fd)
                return
            case S_IFREG: break
            default: throw CommandFailure("\(flag): \(path): not a file that can be written")
            }
        } else if errno != ENOENT {
            throw Self.failure(flag, path, errno)
        }
        let target = Self.resolved(path)
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((directory.isEmpty ? "." : directory) + "/." + name + ".XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Self.failure(flag, path, errno) }
        let temporary = String(cString: template)
        // A new file gets the usual 0666 less the umask; an existing one keeps its mode.
        if stat(target, &info) == 0 {
            fchmod(fd, info.st_mode & 0o7777)
        } else {
            let mask = umask(0)
            umask(mask)
            fchmod(fd, 0o666 & ~mask)
        }
        (kind, descriptor) = (.replaced(target: target, temporary: temporary), fd)
    }

    /// Writes `text`, all of it, retrying short writes; throws on any error (the temporary
    /// file is removed).
    func write(_ text: String) throws {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                abandon()
                throw Self.failure(flag, path, code)
            }
            offset += written
        }
        bytes.removeAll()
    }

    /// Finishes the output: a replaced file is fsynced, closed and renamed over its target; a
    /// stream is closed. Throws (removing the temporary file) when any of it fails.
    func commit() throws {
        switch kind {
        case .standardOutput:
            return
        case .stream:
            guard close(descriptor) == 0 else { throw Self.failure(flag, path, errno) }
        case .replaced(let target, let temporary):
            guard fsync(descriptor) == 0 else {
                let code = errno
                abandon()
                throw Self.failure(flag, path, code)
            }
            guard close(descriptor) == 0 else {
                let code = errno
                unlink(temporary)
                throw Self.failure(flag, path, code)
            }
            guard rename(temporary, target) == 0 else {
                let code = errno
                unlink(temporary)
                throw Self.failure(flag, path, code)
            }
        }
    }

    /// Gives up: a temporary file is closed and removed, the target untouched.
    func abandon() {
        guard case .replaced(_, let temporary) = kind else { return }
        close(descriptor)
        unlink(temporary)
    }

    /// Writes the whole of `text` to `path` and commits it.
    static func write(_ text: String, to path: String, flag: String) throws {
        let file = try OutputFile(path: path, flag: flag)
        try file.write(text)
        try file.commit()
    }

    /// The path a symlink chain ends at (the path itself when it is not a link); a dangling
    /// link resolves to the file it names, which is then created.
    static func resolved(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let link = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        return current
    }

    static func failure(_ flag: String, _ path: String, _ code: Int32) -> CommandFailure {
        CommandFailure("\(flag): \(path == "-" ? "standard output" : path): \(String(cString: strerror(code)))")
    }
}
