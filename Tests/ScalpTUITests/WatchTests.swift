import Testing
import ScalpEngine
@testable import ScalpTUI

@Suite("Watch screen")
struct WatchTests {
    static let rules = ["band:600", "every:1", "ww:0.001"].map { HedgeRule($0)! }

    static func state(steps: Int = 0, paused: Bool = false) -> WatchState {
        var state = WatchState(race: HedgeRace(scenario: Scenario.named("trend-day")!, seed: 2, rules: rules), startPaused: paused)
        state.advance(steps: steps)
        state.refreshStandings()
        return state
    }

    static func text(_ grid: Grid) -> String { (0..<grid.height).map { grid.line($0) }.joined(separator: "\n") }

    @Test("every rule is named in the table, at 80×24 and at 140×40", arguments: [(80, 24), (140, 40)])
    func namesEveryRule(size: (Int, Int)) {
        let screen = Self.text(WatchScreen.render(Self.state(steps: 120), width: size.0, height: size.1))
        for rule in Self.rules { #expect(screen.contains(rule.description), "\(rule) missing:\n\(screen)") }
        #expect(screen.contains("step 120/1440"), "\(screen)")
        #expect(screen.contains("P&L by rule") && screen.contains("Standings"))
        // Each lane's number ends its line on the chart and follows its swatch in the table.
        for lane in 1...3 { #expect(screen.contains("━━\(lane)")) }
        #expect(!screen.contains("nan") && !screen.contains("inf"))
    }

    @Test("the table follows the standings, best first, once refreshed")
    func tableIsRanked() {
        var state = Self.state()
        state.advance(steps: 600)
        #expect(state.standingsAreStale)
        state.refreshStandings()
        #expect(!state.standingsAreStale)
        let screen = Self.text(WatchScreen.render(state, width: 100, height: 30))
        let order = state.standings.map { standing in
            screen.split(separator: "\n").firstIndex { $0.contains("━━\(standing.lane + 1)") }!
        }
        #expect(order == order.sorted())
        #expect(state.pnlPaths.allSatisfy { $0.count == 601 })
    }

    @Test("a terminal too small says so")
    func tooSmall() {
        let screen = Self.text(WatchScreen.render(Self.state(), width: 50, height: 10))
        #expect(screen.contains("Terminal too small: 50×10"))
    }

    @Test("space pauses, . steps once while paused, + and - double and halve the speed, q leaves")
    func keys() {
        var state = Self.state()
        state.handle(.character(" "), keyMap: .standard)
        #expect(state.paused && !state.isRunning)
        state.handle(.character("."), keyMap: .standard)
        #expect(state.race.step == 1)
        state.handle(.character("+"), keyMap: .standard)
        #expect(state.speed == 2)
        state.handle(.character("-"), keyMap: .standard)
        state.handle(.character("-"), keyMap: .standard)
        #expect(state.speed == 0.5)
        state.handle(.character("h"), keyMap: .standard)
        #expect(state.race.lanes.allSatisfy { $0.session.tradeCount == 0 }, "no hand hedging in a race")
        state.handle(.character("q"), keyMap: .standard)
        #expect(state.exitRequested)
    }

    @Test("the loop steps the race with real time, stops while paused, and grades what it draws")
    func loop() {
        let clock = FakeClock()
        let terminal = ScriptedTerminal(clock: clock, script: [(2, .key(.character(" "))), (5, .key(.character("q")))])
        terminal.size = (80, 24)
        let state = WatchState(race: HedgeRace(scenario: Scenario.named("trend-day")!, seed: 2, rules: Self.rules))
        let loop = RaceLoop(state: state, backend: terminal) { clock.now }
        #expect(loop.run() == nil)
        let perSecond = loop.state.stepsPerSecond
        #expect(abs(Double(loop.state.race.step) - 2 * perSecond) <= 1, "steps \(loop.state.race.step) at \(perSecond)/s")
        #expect(loop.state.standingsStep == loop.state.race.step)
        let screen = Self.text(terminal.lastGrid!)
        #expect(screen.contains("paused"))
        for rule in Self.rules { #expect(screen.contains(rule.description)) }
    }
}
