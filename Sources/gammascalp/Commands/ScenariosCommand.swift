import ScalpFormat
import ScalpJournal
import ArgumentParser
import ScalpEngine

struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the built-in scenarios, or print one as a scenario file to copy and edit.",
        discussion: """
        A scenario is a TOML file: the market and its price process, how implied vol moves, \
        scheduled events, the option book, hedging costs and policy, limits and the live speed, \
        with a description and a learning goal. --show prints a built-in (or a file, as read) \
        with every key and its unit; save it, edit it, and pass the file to --scenario.

        Examples:
          gammascalp scenarios
          gammascalp scenarios --show jumps > my-jumps.toml
          gammascalp simulate --paths 2000 --scenario my-jumps.toml
        """
    )

    @Option(help: ArgumentHelp("Print this scenario as TOML: a built-in name, or a scenario file.", valueName: "name|file"))
    var show: String?

    @Flag(help: "Print the list as JSON.")
    var json = false

    mutating func validate() throws {
        if json, show != nil { throw ValidationError("--json lists the scenarios; leave out --show") }
        if let show { _ = try ScenarioLookup.resolve(show, flag: "--show") }
    }

    func run() throws {
        if let show {
            print(ScenarioFile.write(try ScenarioLookup.resolve(show, flag: "--show")), terminator: "")
        } else if json {
            print(JSONText.array(Scenario.builtIn.map(Self.json)).rendered)
        } else {
            print(Self.list(Scenario.builtIn))
        }
    }

    /// One block per scenario: name and market, description, goal.
    static func list(_ scenarios: [Scenario]) -> String {
        var lines: [String] = []
        for scenario in scenarios {
            lines.append("\(scenario.name)  (\(market(scenario)))")
            lines.append("  \(scenario.description)")
            lines.append("  Goal: \(scenario.learningGoal)")
            lines.append("")
        }
        lines.append("Print one as TOML: gammascalp scenarios --show NAME")
        return lines.joined(separator: "\n")
    }

    /// "GBM, 30 days of 5-minute steps" ("10 trading days …, equity calendar" on trading time).
    static func market(_ scenario: Scenario) -> String {
        let config = scenario.config
        let days = config.sessionDays
        let unit = config.dayCount == .tradingDays ? "trading day" : "day"
        return "\(config.process.name), \(Table.plain(roundedForDisplay(days))) \(unit)\(days == 1 ? "" : "s") of "
            + "\(Table.plain(roundedForDisplay(config.stepMinutes)))-minute steps"
            + (config.equityCalendar == nil ? "" : ", equity calendar")
    }

    static func roundedForDisplay(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

    static func json(_ scenario: Scenario) -> JSONText {
        let config = scenario.config
        let minutes = roundedForDisplay(config.stepMinutes)
        return .object([
            ("name", .string(scenario.name)),
            ("description", .string(scenario.description)),
            ("goal", .string(scenario.learningGoal)),
            ("process", .string(config.process.name)),
            ("days", .number(roundedForDisplay(config.sessionDays))),
            ("step_minutes", .number(minutes)),
            ("steps", .integer(config.steps)),
        ])
    }
}
