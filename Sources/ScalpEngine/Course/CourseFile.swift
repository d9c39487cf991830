/// Course files: a course as TOML text. Read like scenario files (the same reader, so every
/// error names the file, the line and the key, and unknown keys are refused); the engine does
/// no file I/O, so the caller passes the text and a way to find a scenario by name.
///
/// Layout (the README's "Course" section lists every key): top-level `name`, `title`,
/// `description`; then one `[[levels]]` table per level, in playing order, with `scenario`,
/// `title`, `briefing` and the pass criteria `points`, `within_limits`, `auto_hedge_off`,
/// `max_trades`.
public enum CourseFile {
    /// Finds the scenario a level names: a built-in name or a scenario file. Returns nil for
    /// a name it does not know; throws (any error, shown as its description) for a scenario
    /// file that is bad.
    public typealias ScenarioFinder = (String) throws -> Scenario?

    /// The most levels a course may have.
    public static let maximumLevels = 100

    /// The course described by `text`; `file` names it in errors (and, without a `name` key,
    /// names the course: its last path component without the extension).
    public static func parse(_ text: String, file: String,
                             scenario find: ScenarioFinder = { Scenario.named($0) }) throws(ScenarioFileError) -> Course {
        var top = try ScenarioTable.top(of: text, file: file)
        let name = try top.string("name") ?? ScenarioFile.defaultName(file: file)
        if name.trimmingSpaces.isEmpty { throw top.error("name", "must not be empty") }
        let title = try top.string("title") ?? name
        let description = try top.string("description") ?? ""
        var levels: [CourseLevel] = []
        for var table in try top.sections("levels", atMost: maximumLevels) {
            levels.append(try readLevel(&table, number: levels.count + 1, find: find))
            try table.finish()
        }
        if levels.isEmpty { throw top.error("levels", "required: at least one [[levels]] table") }
        try top.finish()
        return Course(name: name, title: title, description: description, levels: levels)
    }

    private static func readLevel(_ table: inout ScenarioTable, number: Int,
                                  find: ScenarioFinder) throws(ScenarioFileError) -> CourseLevel {
        guard let reference = try table.string("scenario") else { throw table.missing("scenario") }
        let found: Scenario?
        do {
            found = try find(reference)
        } catch {
            throw table.error("scenario", "\(error)")
        }
        guard let scenario = found else {
            let known = Scenario.builtIn.map(\.name).joined(separator: ", ")
            throw table.error("scenario", "unknown scenario \"\(reference)\" (a built-in: \(known); or a scenario file)")
        }
        let title = try table.string("title") ?? scenario.name
        guard let briefing = try table.string("briefing") else { throw table.missing("briefing") }
        if briefing.trimmingSpaces.isEmpty { throw table.error("briefing", "must not be empty") }
        var pass = PassCriteria()
        if let points = try table.number("points", in: ValueRange(0, 100), "points out of 100") { pass.points = points }
        pass.withinLimits = try table.bool("within_limits") ?? false
        pass.autoHedgeOff = try table.bool("auto_hedge_off") ?? false
        if let trades = try table.integer("max_trades") {
            guard trades >= 0 else { throw table.error("max_trades", "must be ≥ 0 (hedge trades), got \(trades)") }
            pass.maximumTrades = trades
        }
        return CourseLevel(number: number, scenario: scenario, title: title, briefing: briefing, pass: pass)
    }
}
