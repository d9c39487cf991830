import ArgumentParser
import Foundation
import ScalpEngine
import ScalpJournal
import ScalpTUI

/// One course level played on the live screen, on a fresh seed, journaled to the sessions
/// folder with the course and level on its start line; then judged from that journal.
enum LevelSession {
    /// Plays `level` of `progress`'s course and returns one line on how it went (also printed).
    static func play(_ level: CourseLevel, of progress: CourseProgress, folder: SessionsFolder, screen: ScreenOptions,
                     showIntro: Bool, environment: [String: String]) throws -> String {
        let course = progress.course
        let theme = try screen.loadTheme(environment: environment)
        let seed = freshSeed(for: level, progress: progress)
        let path = folder.newJournalPath(scenario: level.scenario.name, seed: seed, date: Date())
        let journal: JournalAppender
        do {
            journal = try JournalAppender(path: path)
        } catch {
            throw CommandFailure("journal: cannot write '\(path)': \(error)")
        }
        var settings = PlaySettings(scenario: level.scenario, seed: seed, speed: screen.speed, startPaused: screen.paused)
        settings.showIntro = showIntro
        settings.startedAt = Date()
        settings.course = CourseMark(course: course.name, level: level.number)
        try LiveScreen.play(settings, theme: theme, journal: journal, labels: nil, environment: environment,
                            startedAt: nil) { unlink(path) }
        let verdict = "level \(level.number) (\(level.title)): " + judge(path, level: level)
        print(verdict)
        return verdict
    }

    /// How the session in the journal at `path` did against `level`'s criteria, in words.
    static func judge(_ path: String, level: CourseLevel) -> String {
        do {
            let document = try JournalReader.parse(TextFile.read(path, what: "journal"), path: path)
            guard let session = document.sessions.last, let attempt = try LevelAttempt(verifying: session) else {
                return "not an attempt: only a session played to its last step counts"
            }
            let missed = level.pass.shortfalls(attempt)
            return missed.isEmpty ? "passed with \(Int(attempt.points)) points"
                : "not passed: " + missed.joined(separator: "; ")
        } catch {
            return "not counted: \(error)"
        }
    }

    /// A seed from the clock that no attempt at this level has played yet.
    static func freshSeed(for level: CourseLevel, progress: CourseProgress) -> UInt64 {
        let played = Set(progress.attempts.filter { $0.mark.level == level.number }.map(\.seed))
        var seed = PlayCommand.clockSeed()
        while played.contains(seed) { seed = (seed + 1) % 1_000_000 }
        return seed
    }
}
