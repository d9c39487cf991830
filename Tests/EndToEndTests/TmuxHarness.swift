import Foundation
import XCTest

/// The built `gammascalp` next to this test bundle, whatever the scratch path.
enum Products {
    static var directory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
        #else
        return Bundle.main.bundleURL
        #endif
    }

    static var gammascalp: String { directory.appendingPathComponent("gammascalp").path }
}

/// Runs a program to completion and returns its status and output.
@discardableResult
func runProcess(_ path: String, _ arguments: [String], environment: [String: String]? = nil,
                captureOutput: Bool = true) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let environment { process.environment = environment }
    process.standardInput = FileHandle.nullDevice
    guard captureOutput else {
        return (spawnDetached(path, arguments, environment: environment ?? ProcessInfo.processInfo.environment), "", "")
    }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes at once, so neither can fill up and stall the child.
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errBox.data = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let errData = errBox.data
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// Runs a program that leaves a daemon behind (tmux new-session) and returns its exit
/// status. Not Foundation's Process: on Linux it waits for a pipe the daemon inherits, so it
/// would wait for the daemon. Here the child gets /dev/null for 0-2 and none of our other
/// descriptors.
func spawnDetached(_ path: String, _ arguments: [String], environment: [String: String]) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] {
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for fd in open.compactMap({ Int32($0) }) where fd > 2 && fcntl(fd, F_GETFD) >= 0 {
        posix_spawn_file_actions_addclose(&actions, fd)
    }
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return status
}

/// The first executable called `name` on PATH.
func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// One private tmux server (its own socket, no user config) with one window running an
/// interactive bash, which the tests type into. Everything is torn down in `close()`.
final class TmuxSession {
    let tmux: String
    let socket: String
    let home: URL
    private var socketPath: String?
    nonisolated(unsafe) private static var counter = 0  // tests run one at a time

    /// Starts `bash` at width × height in a fresh home folder.
    init(width: Int = 120, height: Int = 40, extraEnvironment: [String: String] = [:]) throws {
        guard let tmux = which("tmux") else { throw XCTSkip("tmux is not installed (CI installs it)") }
        self.tmux = tmux
        Self.counter += 1
        socket = "gammascalp-test-\(getpid())-\(Self.counter)"
        home = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
        try? FileManager.default.removeItem(at: home)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let config = home.appendingPathComponent("tmux.conf")
        try "set -g default-terminal tmux-256color\nset -g status off\nset -g escape-time 0\n"
            .write(to: config, atomically: true, encoding: .utf8)
        let rc = home.appendingPathComponent("bashrc")
        try "PS1='$ '\nunset PROMPT_COMMAND\n".write(to: rc, atomically: true, encoding: .utf8)
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path, "LANG": "C.UTF-8", "PS1": "$ ", "HISTFILE": "/dev/null",
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
        ]
        environment.merge(extraEnvironment) { $1 }
        let result = try runProcess(tmux, ["-L", socket, "-f", config.path, "new-session", "-d", "-s", "T",
                                           "-x", "\(width)", "-y", "\(height)", "bash --noprofile --rcfile \(rc.path) -i"],
                                    environment: environment, captureOutput: false)
        guard result.status == 0 else { throw TmuxError("tmux new-session failed with status \(result.status)") }
        socketPath = (try? command(["display-message", "-p", "#{socket_path}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard wait(timeout: 5, for: { $0.hasPrefix("$") }) != nil else {
            throw TmuxError("no shell prompt; the screen shows:\n\(capture())")
        }
    }

    deinit { close() }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        _ = try? runProcess(tmux, ["-L", socket, "kill-server"])
        if let socketPath { try? FileManager.default.removeItem(atPath: socketPath) }
        try? FileManager.default.removeItem(at: home)
    }

    @discardableResult
    func command(_ arguments: [String]) throws -> String {
        let result = try runProcess(tmux, ["-L", socket] + arguments)
        guard result.status == 0 else { throw TmuxError("tmux \(arguments.joined(separator: " ")): \(result.stderr)") }
        return result.stdout
    }

    /// Types a line into the shell.
    func type(_ line: String) throws {
        try command(["send-keys", "-t", "T", "-l", line])
        try command(["send-keys", "-t", "T", "Enter"])
    }

    /// Sends tmux key names ("h", "Space", "C-c", "Escape").
    func keys(_ keys: String...) throws {
        try command(["send-keys", "-t", "T"] + keys)
    }

    /// The visible screen as text (with escape sequences for colors when `escapes`).
    func capture(escapes: Bool = false) -> String {
        (try? command(["capture-pane", "-p", "-t", "T"] + (escapes ? ["-e"] : []))) ?? ""
    }

    /// Polls the screen until `predicate` holds, or nil after `timeout` seconds.
    @discardableResult
    func wait(timeout: Double = 5, for predicate: (String) -> Bool) -> String? {
        let end = Date().addingTimeInterval(timeout)
        repeat {
            let screen = capture()
            if predicate(screen) { return screen }
            usleep(40_000)
        } while Date() < end
        return nil
    }

    func resize(width: Int, height: Int) throws {
        try command(["resize-window", "-t", "T", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the program running in the shell (its child), if any.
    func foregroundChild() -> Int32? {
        guard let shell = Int32((try? command(["display-message", "-p", "-t", "T", "#{pane_pid}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") else { return nil }
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }.first
    }
}

struct TmuxError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A test that drives the real binary in a tmux session: finds the binary, closes the session
/// after each test and prints the screen when a test failed.
class TmuxTestCase: XCTestCase {
    var session: TmuxSession!
    var binary: String { Products.gammascalp }

    override func setUpWithError() throws {
        continueAfterFailure = false
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary), "no binary at \(binary)")
    }

    /// After the program, the shell must echo what is typed and show no screen leftovers.
    func assertCleanShell(file: StaticString = #filePath, line: UInt = #line) throws {
        try session.type("stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo ok-$((40+2))")
        let screen = session.wait { $0.contains("ok-42") }
        XCTAssertNotNil(screen, "typing into the shell shows nothing", file: file, line: line)
        XCTAssertTrue(screen?.contains("icanon echo ok-42") ?? false, "terminal modes not restored:\n\(screen ?? "")",
                      file: file, line: line)
        XCTAssertFalse(screen?.contains("╭") ?? true, "screen leftovers:\n\(screen ?? "")", file: file, line: line)
    }

    override func tearDown() {
        if let session, (testRun?.totalFailureCount ?? 0) > 0 {
            print("--- screen at failure ---\n\(session.capture())\n---")
        }
        session?.close()
        session = nil
    }
}
