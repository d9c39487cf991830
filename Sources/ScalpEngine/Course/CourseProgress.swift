import Foundation

/// Where a trainee stands on a course, derived from nothing but the attempts (finished,
/// verified sessions) their journals record: level 1 is open; each later level opens once
/// the one before it is passed; a level is passed by any attempt that meets its criteria.
public struct CourseProgress: Sendable {
    /// One level's standing.
    public struct Standing: Sendable, Hashable {
        public var level: Int
        public var unlocked: Bool
        public var passed: Bool
        public var attempts: Int
        /// The most points of any attempt; nil before the first.
        public var bestPoints: Double?
    }

    public let course: Course
    /// Per level, in order.
    public let standings: [Standing]
    /// The attempts that count for this course, oldest first.
    public let attempts: [LevelAttempt]

    /// The progress `attempts` show on `course`. Attempts for another course, for a level it
    /// does not have, or on a scenario other than the level's (the course file changed since)
    /// do not count.
    public init(course: Course, attempts: [LevelAttempt]) {
        self.course = course
        let counted = attempts.filter { attempt in
            guard attempt.mark.course == course.name, let level = course.level(attempt.mark.level) else { return false }
            return level.scenario.name == attempt.scenarioName
        }.sorted { ($0.startedAt ?? .distantPast) < ($1.startedAt ?? .distantPast) }
        self.attempts = counted
        var standings: [Standing] = []
        var open = true
        for level in course.levels {
            let own = counted.filter { $0.mark.level == level.number }
            let passed = own.contains { level.pass.passes($0) }
            standings.append(Standing(level: level.number, unlocked: open, passed: passed, attempts: own.count,
                                      bestPoints: own.map(\.points).max()))
            open = open && passed
        }
        self.standings = standings
    }

    /// The rating (`CourseRating`) of every counted attempt; nil before the first.
    public var rating: Double? { CourseRating.rating(attempts) }

    /// The level to play next: the first open one not yet passed, or the last when all are passed.
    public var nextLevel: Int {
        standings.first { $0.unlocked && !$0.passed }?.level ?? standings.count
    }

    public func standing(_ level: Int) -> Standing? {
        standings.indices.contains(level - 1) ? standings[level - 1] : nil
    }

    /// Why `level` cannot be played, or nil when it can.
    public func refusal(toPlay level: Int) -> String? {
        guard let standing = standing(level), let wanted = course.level(level) else {
            return "level \(level): the course \(course.name) has levels 1 to \(course.levels.count)"
        }
        guard standing.unlocked else {
            let before = course.levels[nextLevel - 1]
            return "level \(level) (\(wanted.title)) is locked: pass level \(before.number) (\(before.title)) first"
        }
        return nil
    }
}
