import Foundation
import ScalpEngine
import ScalpFormat

/// A trainee's course attempts, read from the journals in their sessions folder: every
/// session whose start line names a course, played to its end, and verified by replay. There
/// is no progress file: progress is whatever these journals show, so a crash loses nothing
/// and progress cannot drift from what was played.
public struct CourseHistory: Sendable {
    public var attempts: [LevelAttempt] = []
    /// Course sessions that could not be counted, one line each: `FILE: why`.
    public var problems: [String] = []

    public init(attempts: [LevelAttempt] = [], problems: [String] = []) {
        (self.attempts, self.problems) = (attempts, problems)
    }

    /// The attempts at `course` in `folder` (attempts at other courses are skipped unread).
    public static func read(_ folder: SessionsFolder, course: String) throws -> CourseHistory {
        var history = CourseHistory()
        for path in try folder.journals() {
            // Most journals are plain play: skip them without parsing every line.
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  text.contains("\"course\":" + JSONText.quote(course)) else { continue }
            do {
                let document = try JournalReader.parse(text, path: path)
                for session in document.sessions where session.start.course?.course == course {
                    do {
                        if let attempt = try LevelAttempt(verifying: session) { history.attempts.append(attempt) }
                    } catch {
                        history.problems.append("\(session.location): not counted: \(error)")
                    }
                }
            } catch {
                history.problems.append("\(path): not counted: \(error)")
            }
        }
        return history
    }
}
