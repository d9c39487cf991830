import Foundation
import Testing
@testable import ScalpEngine

@Suite("Courses: files, pass criteria, progress and rating")
struct CourseTests {
    /// A two-level course; line numbers in the tests below refer to it.
    static let twoLevels = """
        name = "drill"

        [[levels]]
        scenario = "theta-bleed"
        briefing = "Trade less."
        points = 60
        within_limits = true

        [[levels]]
        scenario = "classic-scalp"
        title = "By hand"
        briefing = "Hedge the moves yourself."
        auto_hedge_off = true
        max_trades = 40
        """

    static var course: Course { try! CourseFile.parse(twoLevels, file: "drill.toml") }

    func attempt(level: Int, points: Double, course: String = "drill", scenario: String? = nil, withinLimits: Bool = true,
                 autoHedge: Bool = false, trades: Int = 10, difficulty: Double = 0.5, at seconds: Double = 0) -> LevelAttempt {
        LevelAttempt(mark: CourseMark(course: course, level: level),
                     scenarioName: scenario ?? (level == 1 ? "theta-bleed" : "classic-scalp"), seed: 7,
                     startedAt: Date(timeIntervalSince1970: seconds), points: points, withinLimits: withinLimits,
                     usedAutoHedge: autoHedge, hedgeTrades: trades, difficulty: difficulty)
    }

    func parseError(_ text: String) -> String? {
        do {
            _ = try CourseFile.parse(text, file: "drill.toml")
            return nil
        } catch {
            return error.description
        }
    }

    // MARK: - Files

    @Test func theBundledCourseGoesThroughTheBuiltInsInTeachingOrder() {
        let course = Course.bundled
        #expect(course.name == "first-desk")
        #expect(course.levels.map(\.scenario.name) == [
            "theta-bleed", "classic-scalp", "expensive-hedging", "trend-day", "jumps", "stochastic-vol", "vol-crush",
            "short-gamma", "btc-perp", "size-and-impact", "overnight-gaps",
        ])
        #expect(course.levels.map(\.number) == Array(1...11))
        #expect(course.levels.allSatisfy { !$0.briefing.isEmpty && $0.pass.points >= 50 })
    }

    @Test func aFileReadsItsLevelsAndCriteria() {
        let course = Self.course
        #expect(course.name == "drill" && course.title == "drill")
        #expect(course.levels[0].title == "theta-bleed" && course.levels[1].title == "By hand")
        #expect(course.levels[0].pass == PassCriteria(points: 60, withinLimits: true))
        #expect(course.levels[1].pass == PassCriteria(points: 50, autoHedgeOff: true, maximumTrades: 40))
        #expect(course.levels[1].pass.summary == "≥50 pts · by hand · ≤40 trades")
    }

    @Test func errorsNameTheFileTheLineAndTheKey() {
        #expect(parseError(Self.twoLevels.replacingOccurrences(of: "points = 60", with: "points = 160"))
                == "drill.toml:6: levels[1].points: must be in [0, 100] (points out of 100), got 160")
        #expect(parseError(Self.twoLevels.replacingOccurrences(of: "max_trades = 40", with: "max_trade = 40"))?
            .hasPrefix("drill.toml:14: levels[2].max_trade: unknown key") == true)
        #expect(parseError(Self.twoLevels.replacingOccurrences(of: "scenario = \"classic-scalp\"", with: "scenario = \"calm\""))?
            .hasPrefix("drill.toml:10: levels[2].scenario: unknown scenario \"calm\"") == true)
        #expect(parseError(Self.twoLevels.replacingOccurrences(of: "briefing = \"Trade less.\"\n", with: ""))
                == "drill.toml:3: levels[1].briefing: required in [[levels]]")
        #expect(parseError("name = \"empty\"\n") == "drill.toml:1: levels: required: at least one [[levels]] table")
        #expect(parseError(Self.twoLevels.replacingOccurrences(of: "within_limits = true", with: "within_limits = 1"))
                == "drill.toml:7: levels[1].within_limits: must be true or false, got integer 1")
    }

    @Test func aScenarioFindersErrorIsPlacedAtTheLevelsKey() {
        struct Bad: Error, CustomStringConvertible { var description: String { "mine.toml:3: market.spot: must be > 0" } }
        do {
            _ = try CourseFile.parse(Self.twoLevels, file: "drill.toml") { name in
                if name == "classic-scalp" { throw Bad() }
                return Scenario.named(name)
            }
            Issue.record("a bad scenario file was accepted")
        } catch {
            #expect(error.description == "drill.toml:10: levels[2].scenario: mine.toml:3: market.spot: must be > 0")
        }
    }

    // MARK: - Criteria

    @Test func anAttemptThatMeetsEveryCriterionPasses() {
        let pass = PassCriteria(points: 60, withinLimits: true, autoHedgeOff: true, maximumTrades: 40)
        #expect(pass.passes(attempt(level: 1, points: 60, trades: 40)))
        #expect(pass.shortfalls(attempt(level: 1, points: 75.5, trades: 3)).isEmpty)
    }

    @Test func eachCriterionMissedFailsAndSaysWhy() {
        let pass = PassCriteria(points: 60, withinLimits: true, autoHedgeOff: true, maximumTrades: 40)
        #expect(pass.shortfalls(attempt(level: 1, points: 59.9)) == ["59 points, below 60"])
        #expect(pass.shortfalls(attempt(level: 1, points: 80, withinLimits: false)) == ["went over a risk limit"])
        #expect(pass.shortfalls(attempt(level: 1, points: 80, autoHedge: true)) == ["used the auto-hedge"])
        #expect(pass.shortfalls(attempt(level: 1, points: 80, trades: 41)) == ["41 trades, more than 40"])
        #expect(pass.shortfalls(attempt(level: 1, points: 10, withinLimits: false, autoHedge: true, trades: 99)).count == 4)
        // Criteria a level does not set are not checked.
        #expect(PassCriteria(points: 50).passes(attempt(level: 1, points: 50, withinLimits: false, autoHedge: true, trades: 9999)))
    }

    // MARK: - Progress

    @Test func aFreshTraineeHasLevelOneOpenAndTheRestLocked() {
        let progress = CourseProgress(course: .bundled, attempts: [])
        #expect(progress.standings.first?.unlocked == true)
        #expect(progress.standings.dropFirst().allSatisfy { !$0.unlocked && !$0.passed })
        #expect(progress.standings.allSatisfy { $0.attempts == 0 && $0.bestPoints == nil })
        #expect(progress.nextLevel == 1 && progress.rating == nil)
    }

    @Test func passingALevelOpensTheNextAndFailingDoesNot() {
        let failed = CourseProgress(course: Self.course, attempts: [attempt(level: 1, points: 55)])
        #expect(failed.standings[0] == .init(level: 1, unlocked: true, passed: false, attempts: 1, bestPoints: 55))
        #expect(!failed.standings[1].unlocked && failed.nextLevel == 1)

        let passed = CourseProgress(course: Self.course, attempts: [attempt(level: 1, points: 55, at: 1),
                                                                    attempt(level: 1, points: 72, at: 2)])
        #expect(passed.standings[0] == .init(level: 1, unlocked: true, passed: true, attempts: 2, bestPoints: 72))
        #expect(passed.standings[1].unlocked && passed.nextLevel == 2)
        #expect(passed.refusal(toPlay: 2) == nil)
    }

    @Test func aLockedLevelIsRefusedNamingTheLevelToPassFirst() {
        let progress = CourseProgress(course: .bundled, attempts: [])
        #expect(progress.refusal(toPlay: 4) == "level 4 (Trend day) is locked: pass level 1 (Overpaid vol) first")
        #expect(progress.refusal(toPlay: 12) == "level 12: the course first-desk has levels 1 to 11")
        #expect(progress.refusal(toPlay: 1) == nil)
    }

    @Test func attemptsAtAnotherCourseOrScenarioDoNotCount() {
        let progress = CourseProgress(course: Self.course, attempts: [
            attempt(level: 1, points: 90, course: "other"), attempt(level: 1, points: 90, scenario: "jumps"),
            attempt(level: 3, points: 90),
        ])
        #expect(progress.attempts.isEmpty && progress.standings.allSatisfy { $0.attempts == 0 })
    }

    // MARK: - Rating

    @Test func difficultyIsWhereTheMedianRuleSitsInTheFamilysRange() {
        #expect(LevelDifficulty.of(familyUtilities: [0, 1, 2, 3, 4]) == 0.5)
        #expect(LevelDifficulty.of(familyUtilities: [-100, -90, -90, -90, 0]) == 0.9)
        #expect(LevelDifficulty.of(familyUtilities: [0, 9, 10, 10]) == 0.05)
        #expect(LevelDifficulty.of(familyUtilities: [3, 3, 3]) == 0.5)
        #expect(LevelDifficulty.of(familyUtilities: []) == 0.5)
    }

    @Test func theRatingIsAnExponentiallyWeightedAverageOfAdjustedPoints() {
        #expect(CourseRating.adjusted(points: 60, difficulty: 0.5) == 60)
        #expect(CourseRating.adjusted(points: 60, difficulty: 1) == 90)
        #expect(CourseRating.adjusted(points: 80, difficulty: 1) == 100)
        #expect(CourseRating.adjusted(points: 60, difficulty: 0) == 30)
        let attempts = [attempt(level: 1, points: 40, at: 1), attempt(level: 1, points: 80, difficulty: 0.75, at: 2)]
        // Newest first: 80 × 1.25 = 100 at weight 1, then 40 at weight 0.7.
        let rating = CourseRating.rating(attempts)
        #expect(abs((rating ?? 0) - (100 + 0.7 * 40) / 1.7) < 1e-12)
        #expect(CourseProgress(course: Self.course, attempts: attempts.reversed()).rating == rating, "ordered by start time")
        #expect(CourseRating.rating([]) == nil)
    }
}
