import ArgumentParser
import Foundation
import ScalpFormat
import ScalpJournal

/// `gammascalp sessions`: the journals in the sessions folder, newest first.
struct SessionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sessions",
        abstract: "List your recorded sessions, newest first.",
        discussion: """
        Lists the journals `play` wrote to the sessions folder ($XDG_STATE_HOME/gammascalp/\
        sessions/, default ~/.local/state/gammascalp/sessions/), newest first: when the \
        session started (UTC), scenario (with the course and level it was played for, from \
        `course play`), seed, steps played of the session's steps, how it ended and the points \
        its end line records (check them with `replay --verify`).

        `replay --last`, `report --last` and `export --last` read the newest one; give a \
        path from this list to read another.
        """
    )

    @Option(help: ArgumentHelp("Show at most N journals (the newest).", valueName: "n"))
    var limit = 20

    @Flag(help: "Print JSON: folder and sessions [{journal, session, started, scenario, course, level, seed, step, steps, ended, points}].")
    var json = false

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1, got \(limit)") }
    }

    /// One session of one journal, as listed.
    struct Row {
        var journal: String
        var session: RecordedSession?
        var problem: String?
    }

    func run() throws {
        let folder = try SessionsFolder()
        var rows: [Row] = []
        for path in try folder.journals().prefix(limit) {
            do {
                let document = try JournalReader.parse(TextFile.read(path, what: "journal"), path: path)
                rows += document.sessions.reversed().map { Row(journal: path, session: $0) }
            } catch {
                rows.append(Row(journal: path, problem: "\(error)"))
            }
        }
        if json {
            print(renderJSON(rows, folder: folder))
        } else if rows.isEmpty {
            print("no sessions in \(folder.path) yet: `gammascalp play` records one there")
        } else {
            print("sessions in \(folder.path), newest first:\n\n" + renderTable(rows))
        }
    }

    private static func started(_ session: RecordedSession) -> String {
        guard let date = session.start.startedAt else { return "?" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// The scenario's name, and the course and level it was played for, e.g. "trend-day (first-desk 4)".
    private static func scenario(_ session: RecordedSession) -> String {
        session.start.scenario.name + (session.start.course.map { " (\($0.course) \($0.level))" } ?? "")
    }

    private static func ended(_ session: RecordedSession) -> String {
        guard let end = session.end?.end else { return "cut at step \(session.lastStep)" }
        return end.reason.ranToTheEnd ? "finished" : "\(end.reason.rawValue) at step \(end.step)"
    }

    private func renderTable(_ rows: [Row]) -> String {
        var table = [["started (UTC)", "scenario", "seed", "steps", "ended", "points", "journal"]]
        for row in rows {
            let file = (row.journal as NSString).lastPathComponent
            guard let session = row.session else {
                table.append(["?", "?", "", "", "unreadable", "", file + ": " + (row.problem ?? "")])
                continue
            }
            let steps = session.start.config.steps
            let played = session.end?.end.step ?? session.lastStep
            // An unfinished session's points are provisional: shown in parentheses.
            let finished = played >= steps
            let points = session.end?.end.summary.score.map { finished ? String(Int($0.points)) : "(\(Int($0.points)))" } ?? ""
            table.append([Self.started(session), Self.scenario(session), String(session.start.seed),
                          "\(played)/\(steps)", Self.ended(session), points,
                          file + (session.count > 1 ? "#\(session.index + 1)" : "")])
        }
        return Table(table, rightAligned: [2, 3, 5]).rendered
    }

    private func renderJSON(_ rows: [Row], folder: SessionsFolder) -> String {
        JSONText.object([
            ("folder", .string(folder.path)),
            ("sessions", .array(rows.map { row in
                guard let session = row.session else {
                    return .object([("journal", .string(row.journal)), ("error", .string(row.problem ?? ""))])
                }
                let end = session.end?.end
                return .object([
                    ("journal", .string(row.journal)), ("session", .integer(session.index + 1)),
                    ("started", session.start.startedAt.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null),
                    ("scenario", .string(session.start.scenario.name)),
                    ("course", session.start.course.map { .string($0.course) } ?? .null),
                    ("level", session.start.course.map { .integer($0.level) } ?? .null),
                    ("seed", JournalStart.seedValue(session.start.seed)),
                    ("step", .integer(end?.step ?? session.lastStep)), ("steps", .integer(session.start.config.steps)),
                    ("ended", .string(end?.reason.rawValue ?? "truncated")),
                    ("finished", .bool((end?.step ?? session.lastStep) >= session.start.config.steps)),
                    ("points", end.flatMap { end in end.step >= session.start.config.steps ? end.summary.score.map { .number($0.points) } : nil } ?? .null),
                ])
            })),
        ]).rendered
    }
}
