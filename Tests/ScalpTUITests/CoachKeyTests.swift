import Foundation
import Testing
import ScalpEngine
import ScalpJournal
import ScalpFormat
@testable import ScalpTUI

/// `m` in play: the coach's line on the screen, a `coach` line in the journal, counted in the
/// summary; in a class only when the scenario allows it.
@Suite("The coach key")
struct CoachKeyTests {
    static func state(_ scenario: Scenario = .classicScalp, className: String? = nil) -> AppState {
        var settings = PlaySettings(scenario: scenario, seed: 11, startPaused: true)
        settings.className = className
        var state = AppState(settings)
        state.advance(steps: 30)
        _ = state.takeEvents()
        return state
    }

    static func coachLines(_ events: [JournalLine]) -> [CoachNote] {
        events.compactMap { if case .coach(let note) = $0 { note } else { nil } }
    }

    @Test func mShowsTheBestRulesAdviceAndJournalsIt() throws {
        var state = Self.state()
        let expected = CoachText.sentence(CoachAdvice(state.training))
        state.handle(.character("m"))
        #expect(state.coachLine == expected)
        let notes = Self.coachLines(state.takeEvents())
        #expect(notes.count == 1 && notes.first?.text == expected && notes.first?.step == 30)
        let grid = Dashboard.render(state, width: 140, height: 40)
        let bottom = grid.line(39)
        #expect(bottom.contains("coach") && bottom.contains(String(expected.prefix(40))))
        // Any other key clears it; the count stays.
        state.handle(.character("v"))
        #expect(state.coachLine == nil)
        state.handle(.character("m"))
        state.handle(.character("q"))
        #expect(state.summary.coachUses == 2)
        #expect(state.recorder.end?.summary.coachUses == 2)
        #expect(state.summary.lines().contains("you asked the coach 2 times"))
    }

    /// A line the footer row holds takes only it; a longer one wraps onto the row above.
    @Test func aLongLineWrapsOntoTheRowAbove() {
        let short = "band:300 would not trade: your delta +180 is inside its ±300"
        let long = short + "; hedging now would cost 1.50"
        var grid = Grid(width: 80, height: 24)
        CoachBar(text: short).render(into: &grid, grid.bounds)
        #expect(grid.line(23).hasPrefix(" coach  " + short) && grid.line(22).trimmingCharacters(in: .whitespaces).isEmpty)
        grid = Grid(width: 80, height: 24)
        CoachBar(text: long).render(into: &grid, grid.bounds)
        #expect(grid.line(22).hasPrefix(" coach  band:300 would not trade"))
        let shown = (grid.line(22) + " " + grid.line(23)).split(separator: " ").joined(separator: " ")
        #expect(shown == "coach " + long)
    }

    @Test func inAClassTheCoachIsOffUnlessTheScenarioAllowsIt() {
        var refused = Self.state(className: "today")
        refused.handle(.character("m"))
        #expect(refused.coachLine == AppState.coachOffInClass)
        #expect(Self.coachLines(refused.takeEvents()).isEmpty)
        refused.handle(.character("q"))
        #expect(refused.summary.coachUses == 0)

        var scenario = Scenario.classicScalp
        scenario.coachInClass = true
        var allowed = Self.state(scenario, className: "today")
        allowed.handle(.character("m"))
        #expect(allowed.coachLine == CoachText.sentence(CoachAdvice(allowed.training)))
        #expect(Self.coachLines(allowed.takeEvents()).count == 1)
    }

    @Test func theHelpListsTheKey() {
        #expect(KeyMap.standard.command(for: .character("m")) == .askCoach)
        var state = Self.state()
        state.handle(.character("?"))
        let grid = Dashboard.render(state, width: 140, height: 40)
        #expect((0..<40).contains { grid.line($0).contains("coach: the best rule now") })
    }
}
