import Foundation
import Testing
import ScalpEngine
@testable import ScalpTUI

@Suite("The course screen")
struct CourseScreenTests {
    func attempt(level: Int, points: Double) -> LevelAttempt {
        LevelAttempt(mark: CourseMark(course: "first-desk", level: level),
                     scenarioName: Course.bundled.levels[level - 1].scenario.name, seed: 1, startedAt: nil, points: points,
                     withinLimits: true, usedAutoHedge: false, hedgeTrades: 3, difficulty: 0.5)
    }

    @Test func aLockedLevelSaysWhichToPassFirstAndAnOpenOneBriefsThenPlays() {
        var state = CourseState(progress: CourseProgress(course: .bundled, attempts: [attempt(level: 1, points: 42)]))
        #expect(state.selected == 1)
        state.handle(.down)
        state.handle(.enter)
        #expect(!state.showingBriefing && state.message == "level 2 (The classic scalp) is locked: pass level 1 (Overpaid vol) first")
        #expect(CourseScreen.render(state, width: 80, height: 24).text.contains("is locked: pass level 1"))
        state.handle(.up)
        state.handle(.enter)
        #expect(state.showingBriefing && state.levelToPlay == nil)
        let briefing = CourseScreen.render(state, width: 80, height: 24).text
        #expect(briefing.contains("Level 1 · Overpaid vol") && briefing.contains("Enter plays it on a fresh seed"))
        #expect(briefing.contains("1 attempt, best 42 points"))
        state.handle(.escape)
        #expect(!state.showingBriefing && !state.exitRequested)
        state.handle(.enter)
        state.handle(.enter)
        #expect(state.levelToPlay == 1 && state.exitRequested)
    }

    @Test func theTableShowsEachLevelsStateAttemptsAndBestAt80And140Columns() {
        let state = CourseState(progress: CourseProgress(course: .bundled, attempts: [attempt(level: 1, points: 71)]))
        #expect(state.selected == 2, "the next level to pass is selected")
        for (width, height) in [(80, 24), (140, 40)] {
            let rows = CourseScreen.render(state, width: width, height: height).text.split(separator: "\n").map(String.init)
            #expect(rows[0].contains("1/11 passed") && rows[0].contains("rating 71"))
            let first = rows.first { $0.contains("Overpaid vol") }
            #expect(first?.firstMatch(of: #/passed +1 +71 /#) != nil, "\(first ?? "")")
            #expect(rows.first { $0.contains("The classic scalp") }?.contains("open") == true)
            #expect(rows.first { $0.contains("Nights and weekends") }?.contains("locked") == true)
            #expect(rows.contains { $0.contains("theta-bleed") } == (width >= 100), "the scenario column from 100 columns")
        }
        #expect(CourseScreen.render(state, width: 50, height: 12).text.contains("Terminal too small"))
    }
}
