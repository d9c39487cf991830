import ScalpFormat
import ArgumentParser
import Foundation
import ScalpTUI

/// The flags every command that opens the live screen shares: theme, speed, start paused.
struct ScreenOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Color theme: a name from `gammascalp themes`, or a theme file.", valueName: "name|file"))
    var theme: String?

    @Option(parsing: .unconditional, help: "Speed as a multiple of the scenario's steps per second (1 = its default).")
    var speed: Double = 1

    @Flag(help: "Start paused (then . steps one at a time).")
    var paused = false

    func validate() throws {
        try FlagCheck.positive(speed, "--speed")
        guard speed >= AppState.minimumSpeed, speed <= AppState.maximumSpeed else {
            throw ValidationError("--speed must be between \(Format.trimmed(AppState.minimumSpeed)) and "
                                  + "\(Format.trimmed(AppState.maximumSpeed)), got \(Format.trimmed(speed))")
        }
    }

    /// The chosen theme, read before the screen starts (a bad file is one `error:` line).
    func loadTheme(environment: [String: String]) throws -> Theme {
        try Self.loadTheme(theme, environment: environment)
    }

    /// The curses terminal in `theme` (no color when NO_COLOR is set), or one `error:` line,
    /// `refusal` of the terminal's error, where there is no terminal to open.
    static func openTerminal(theme: Theme, environment: [String: String],
                             refusal: (any Error) -> String) throws -> CursesTerminal {
        do {
            return try CursesTerminal(theme: theme, noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
        } catch {
            throw CommandFailure(refusal(error))
        }
    }

    /// The theme `name` (nil: the default), or one `error:` line.
    static func loadTheme(_ name: String?, environment: [String: String]) throws -> Theme {
        do {
            return try ThemeCatalog(environment: environment).load(name ?? "default")
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
