import ArgumentParser
import Foundation
import ScalpEngine
import ScalpJournal
import ScalpTUI

/// `gammascalp course`: a course of levels, each a scenario to pass before the next opens.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "A course of levels: the built-in scenarios in teaching order, each to pass before the next.",
        discussion: """
        A course is an ordered list of levels, each a scenario with a briefing and what it takes \
        to pass (points on a fresh seed, a finished session, and optionally within the limits, \
        auto-hedge off, or at most K trades). Level 1 is open; each level opens once the one \
        before it is passed. One course is bundled; --course FILE runs an instructor's own.

        Progress is read from your finished, verified journals in the sessions folder \
        ($XDG_STATE_HOME/gammascalp/sessions/): their start lines record the course and the \
        level. There is no progress file to lose or to edit.

        `gammascalp course` opens the course screen: the levels (locked, open or passed) with \
        attempts and best points, and your rating. Enter shows the selected level's briefing, \
        Enter again plays it on a fresh seed, then the screen comes back. \
        `course play [LEVEL]` plays a level straight away; `course status` prints the progress.
        """,
        subcommands: [CourseScreenCommand.self, CoursePlayCommand.self, CourseStatusCommand.self],
        defaultSubcommand: CourseScreenCommand.self
    )
}

/// `gammascalp course` (`course screen`): the course screen, and the levels played from it.
struct CourseScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "The course screen (the default): pick a level, read its briefing, play it."
    )

    @OptionGroup var course: CourseOptions
    @OptionGroup(title: "Screen") var screen: ScreenOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let course = try self.course.load()
        let folder = try CourseOptions.folder()
        let theme = try screen.loadTheme(environment: environment)
        var message: String?
        while true {
            let (progress, problems) = try CourseOptions.progress(on: course, folder: folder)
            let terminal = try LiveScreen.terminal(theme, environment: environment)
            let loop = CourseLoop(state: CourseState(progress: progress, problems: problems, message: message), backend: terminal)
            let signal = loop.run()
            terminal.stop()
            if let signal { Foundation.exit(128 + signal.rawValue) }
            guard let number = loop.state.levelToPlay, let level = course.level(number) else { return }
            // The briefing was the introduction: the session starts on the dashboard.
            message = try LevelSession.play(level, of: progress, folder: folder, screen: screen, showIntro: false,
                                            environment: environment)
        }
    }
}

/// `gammascalp course play [LEVEL]`: one level on the live screen.
struct CoursePlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a course level on a fresh seed (default: the next level to pass).",
        discussion: """
        LEVEL is the level's number (from `course status`) or its scenario's name. A locked \
        level is refused: pass the levels before it first. The session starts under the \
        scenario's introduction (--no-intro skips it); when it ends, a line says whether it \
        passed.
        """
    )

    @Argument(help: ArgumentHelp("The level: its number, or its scenario's name.", valueName: "level"))
    var level: String?

    @OptionGroup var course: CourseOptions
    @OptionGroup(title: "Screen") var screen: ScreenOptions

    @Flag(help: "Do not show the scenario's description and learning goal at the start.")
    var noIntro = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let course = try self.course.load()
        let folder = try CourseOptions.folder()
        let (progress, _) = try CourseOptions.progress(on: course, folder: folder)
        let number = try level.map { try Self.number(of: $0, in: course) } ?? progress.nextLevel
        if let refusal = progress.refusal(toPlay: number) { throw CommandFailure("course play: " + refusal) }
        _ = try LevelSession.play(course.levels[number - 1], of: progress, folder: folder, screen: screen,
                                  showIntro: !noIntro, environment: environment)
    }

    /// The level `text` names: a number from 1, or the name of a level's scenario.
    static func number(of text: String, in course: Course) throws -> Int {
        if let number = Int(text) {
            guard course.level(number) != nil else {
                throw CommandFailure("course play: level \(number): the course \(course.name) has levels 1 to \(course.levels.count)")
            }
            return number
        }
        guard let level = course.levels.first(where: { $0.scenario.name == text.lowercased() }) else {
            throw CommandFailure("course play: no level '\(text)' in \(course.name) (a number 1 to \(course.levels.count), "
                                 + "or a level's scenario: \(course.levels.map(\.scenario.name).joined(separator: ", ")))")
        }
        return level.number
    }
}
