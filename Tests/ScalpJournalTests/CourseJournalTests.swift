import Foundation
import Testing
import ScalpEngine
import ScalpFormat
@testable import ScalpJournal

@Suite("Course attempts in journals")
struct CourseJournalTests {
    /// A headless session of `scenario` journaled with `mark` on its start line, run to its end
    /// (or `steps` steps) with the auto-hedge as given: the journal's text.
    static func journal(_ scenario: String, mark: CourseMark?, autoHedge: Bool, steps: Int? = nil) throws -> String {
        var training = TrainingSession(scenario: try #require(Scenario.named(scenario)), seed: 11, autoHedge: autoHedge)
        var recorder = SessionRecorder(training, startedAt: Date(timeIntervalSince1970: 1_800_000_000), course: mark)
        final class Lines: JournalSink {
            var text = ""
            func write(_ line: JournalLine) throws { text += line.text + "\n" }
            func sync() throws {}
            var location: String { "memory" }
        }
        let sink = Lines()
        while !training.isFinished, steps.map({ training.trainee.step < $0 }) ?? true {
            training.apply(.tick)
            recorder.recordStep(training)
        }
        recorder.recordEnd(training.isFinished ? .atLastStep(of: training.trainee) : .quit, training)
        try recorder.write(to: sink)
        return sink.text
    }

    static func session(_ text: String) throws -> RecordedSession {
        try #require(try JournalReader.parse(text, path: "course.jsonl").sessions.first)
    }

    @Test func theStartLineCarriesTheCourseAndLevel() throws {
        let text = try Self.journal("trend-day", mark: CourseMark(course: "first-desk", level: 4), autoHedge: true)
        #expect(text.split(separator: "\n").first?.contains("\"course\":\"first-desk\",\"level\":4") == true)
        #expect(try Self.session(text).start.course == CourseMark(course: "first-desk", level: 4))
    }

    @Test func olderJournalsWithoutACourseStillRead() throws {
        let plain = try Self.journal("trend-day", mark: nil, autoHedge: true)
        #expect(!plain.contains("\"course\""))
        #expect(try Self.session(plain).start.course == nil)
        #expect(try LevelAttempt(verifying: Self.session(plain)) == nil, "a session outside a course is no attempt")
        let old = try String(contentsOfFile: RecordedJournalTests.fixture("trend-day-expired-0.2.0.jsonl"), encoding: .utf8)
        #expect(try Self.session(old).start.course == nil)
    }

    @Test func aFinishedCourseSessionIsAnAttemptWithTheEndLinesPoints() throws {
        let text = try Self.journal("trend-day", mark: CourseMark(course: "first-desk", level: 4), autoHedge: true)
        let session = try Self.session(text)
        let attempt = try #require(try LevelAttempt(verifying: session))
        let end = try #require(session.end?.end.summary)
        #expect(attempt.points == end.score?.points)
        #expect(attempt.mark.level == 4 && attempt.scenarioName == "trend-day" && attempt.seed == 11)
        #expect(attempt.usedAutoHedge && attempt.hedgeTrades == end.manualTrades + end.autoTrades)
        #expect(attempt.difficulty >= 0 && attempt.difficulty <= 1)
    }

    @Test func anUnfinishedSessionIsNoAttemptAndAnEditedOneIsRefused() throws {
        let cut = try Self.journal("trend-day", mark: CourseMark(course: "first-desk", level: 4), autoHedge: true, steps: 50)
        #expect(try LevelAttempt(verifying: Self.session(cut)) == nil)

        let text = try Self.journal("trend-day", mark: CourseMark(course: "first-desk", level: 4), autoHedge: false)
        var lines = text.split(separator: "\n").map(String.init)
        let endIndex = try #require(lines.lastIndex { $0.contains("\"type\":\"end\"") })
        let points = try #require(try Self.session(text).end?.end.summary.score?.points)
        lines[endIndex] = lines[endIndex].replacingOccurrences(of: "\"points\":\(JSONText.format(points))", with: "\"points\":1")
        #expect(lines[endIndex].contains("\"points\":1,"))
        #expect(throws: (any Error).self) { try LevelAttempt(verifying: Self.session(lines.joined(separator: "\n") + "\n")) }
    }
}
