import ArgumentParser
import Foundation
import ScalpEngine
import ScalpFormat
import ScalpJournal

/// `gammascalp course status`: the trainee's progress on the course, as a table or JSON.
struct CourseStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print your progress on the course: each level's state, attempts and best points, and your rating."
    )

    @OptionGroup var course: CourseOptions

    @Flag(help: "Print JSON: course, rating and levels [{level, scenario, title, unlocked, passed, attempts, best_points}].")
    var json = false

    func run() throws {
        let course = try self.course.load()
        let (progress, problems) = try CourseOptions.progress(on: course, folder: try CourseOptions.folder())
        if json {
            print(Self.json(progress).rendered)
        } else {
            print(Self.text(progress))
        }
        for problem in problems { FileHandle.standardError.write(Data("warning: \(TextLayout.printable(problem))\n".utf8)) }
    }

    static func json(_ progress: CourseProgress) -> JSONText {
        .object([
            ("course", .string(progress.course.name)),
            ("rating", progress.rating.map { .number(($0 * 10).rounded() / 10) } ?? .null),
            ("levels", .array(progress.standings.map { standing in
                let level = progress.course.levels[standing.level - 1]
                return .object([
                    ("level", .integer(standing.level)), ("scenario", .string(level.scenario.name)),
                    ("title", .string(level.title)), ("unlocked", .bool(standing.unlocked)),
                    ("passed", .bool(standing.passed)), ("attempts", .integer(standing.attempts)),
                    ("best_points", standing.bestPoints.map { .number($0) } ?? .null),
                ])
            })),
        ])
    }

    static func text(_ progress: CourseProgress) -> String {
        let course = progress.course
        var table = [["#", "level", "scenario", "state", "attempts", "best", "to pass"]]
        for standing in progress.standings {
            let level = course.levels[standing.level - 1]
            let state = standing.passed ? "passed" : standing.unlocked ? "open" : "locked"
            table.append([String(standing.level), TextLayout.printable(level.title), level.scenario.name, state,
                          String(standing.attempts), standing.bestPoints.map { String(Int($0)) } ?? "–",
                          level.pass.summary])
        }
        let rating = progress.rating.map { Format.number($0, 1) } ?? "none yet (finish a level)"
        let passed = progress.standings.filter(\.passed).count
        return "course \(course.name): \(TextLayout.printable(course.title)), \(passed) of \(course.levels.count) levels passed, "
            + "rating \(rating)\n\n" + Table(table, rightAligned: [0, 4, 5]).rendered
    }
}
