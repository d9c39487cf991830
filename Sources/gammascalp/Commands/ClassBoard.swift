import Foundation
import ScalpJournal
import ScalpTUI

/// `leaderboard --watch DIR`: the live class board on the terminal `play` uses (the same
/// curses backend, themes, signal handling and restore), driven by `BoardLoop`.
struct ClassBoard {
    var directory: String
    var theme: String?
    /// Seconds without a line before a running session is stalled.
    var stall: Double

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("--watch: '\(directory)' is not a folder")
        }
        let environment = ProcessInfo.processInfo.environment
        let theme = try ScreenOptions.loadTheme(theme, environment: environment)
        let terminal = try ScreenOptions.openTerminal(
            theme: theme, environment: environment,
            refusal: { _ in "leaderboard --watch needs a terminal (standard input and output a TTY); "
                + "without one, rank the journals: gammascalp leaderboard \(directory)/*.jsonl" })
        let stopwatch = Stopwatch()
        let loop = BoardLoop(directory: directory, backend: terminal,
                             timing: ClassStanding.Timing(stalledAfter: stall)) { stopwatch.elapsedSeconds }
        let signal = loop.run()
        terminal.stop()
        if let signal { Foundation.exit(128 + signal.rawValue) }
    }
}
