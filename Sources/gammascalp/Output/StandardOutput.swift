import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Standard output as the commands print to it (Swift's `print`, through C stdio): when the
/// command is done its buffers are flushed and the descriptor closed, and a write error then
/// (a full disk, EIO, a closed pipe when SIGPIPE is ignored) becomes one `error:` line and
/// exit status 1, never a silent success.
enum StandardOutput {
    /// Flushes every stdio buffer (`print`'s among them) and closes standard output; exits 1
    /// with an `error:` line if anything written to it was lost.
    static func finish() {
        if fflush(nil) != 0 { fail(errno) }
        if close(STDOUT_FILENO) != 0, errno != EBADF { fail(errno) }
    }

    private static func fail(_ code: Int32) -> Never {
        FileHandle.standardError.write(Data("error: standard output: \(String(cString: strerror(code)))\n".utf8))
        exit(1)
    }
}
