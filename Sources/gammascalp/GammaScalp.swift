import ArgumentParser
import Foundation
import ScalpEngine
import ScalpFormat
import ScalpJournal

@main
struct GammaScalp: ParsableCommand {
    static let version = ProgramVersion.current

    static let configuration = CommandConfiguration(
        commandName: "gammascalp",
        abstract: "A gamma-scalping simulator and trainer for the terminal.",
        discussion: """
        Hold options, keep the book delta-neutral by trading the underlying as a simulated \
        price moves, and watch the P&L split into gamma, theta, vega, costs and financing. \
        The headless commands run the same engine without a screen, so a scenario and a seed \
        give the same market and the same numbers everywhere.

        Start with `gammascalp` (the live screen), `gammascalp scenarios` (what to practise \
        on) or `gammascalp help <subcommand>`.
        """,
        version: version,
        subcommands: [PlayCommand.self, ThemesCommand.self, PriceCommand.self, ImpliedCommand.self, SimulateCommand.self, SessionCommand.self, FrontierCommand.self, MergeCommand.self, BenchCommand.self, VolCommand.self, ScenariosCommand.self, ReplayCommand.self, ExportCommand.self, ReportCommand.self, SessionsCommand.self, LeaderboardCommand.self, CourseCommand.self, WatchCommand.self],
        defaultSubcommand: PlayCommand.self
    )

    /// Runs the command line, printing any error as one `error:` line on stderr.
    static func main() {
        // A closed pipe is a write error like any other (EPIPE: one error line, exit 1), not a
        // silent death by signal halfway through a file.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
            StandardOutput.finish()
        } catch {
            exit(reporting: error)
        }
    }

    /// Help, version and clean exits go through ArgumentParser; everything else becomes one
    /// `error:` line (the first line of ArgumentParser's message, without its usage block).
    static func exit(reporting error: any Error) -> Never {
        let code = exitCode(for: error)
        if code == .success || error is CleanExit {
            Self.exit(withError: error)
        }
        let message: String
        if let failure = error as? CommandFailure {
            message = failure.message
        } else if let failure = error as? JournalError {
            message = failure.message
        } else {
            let full = fullMessage(for: error)
            let firstLine = full.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? full
            message = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst("Error: ".count)) : firstLine
        }
        FileHandle.standardError.write(Data("error: \(TextLayout.printable(message).replacingOccurrences(of: "\n", with: " "))\n".utf8))
        Foundation.exit(code == .success ? 1 : code.rawValue)
    }
}

/// A failure to report as `error: <message>` with a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
    init(_ message: String) { self.message = message }
}
