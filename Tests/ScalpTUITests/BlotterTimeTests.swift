import ScalpEngine
import Testing
@testable import ScalpTUI

/// The blotter's time column holds the whole time from day 10 and past day 100.
@Suite("Blotter times")
struct BlotterTimeTests {
    /// classic-scalp stretched to 120 days with hourly steps, auto-hedging every step.
    static func longSession() throws -> AppState {
        let text = try #require(Scenario.builtInFile(named: "classic-scalp"))
            .replacingOccurrences(of: "step_minutes = 5", with: "step_minutes = 60")
            .replacingOccurrences(of: "days = 30", with: "days = 120")
        let scenario = try ScenarioFile.parse(text, file: "long.toml")
        return AppState(PlaySettings(scenario: scenario, seed: 2, autoHedge: true, startPaused: true))
    }

    @Test(arguments: [(80, 24), (140, 40)])
    func timesAreNeverCut(width: Int, height: Int) throws {
        var state = try Self.longSession()
        for day in [16.0, 104.0] {
            state.advance(steps: Int(day * 24) - state.session.step)
            let text = Dashboard.render(state, width: width, height: height).text
            let whole = text.matches(of: /\bd[0-9]{2,3} [0-9]{2}:[0-9]{2}\b/).count
            let cut = text.matches(of: /\bd[0-9]{2,3} [0-9]{2}:?[0-9]?(?![0-9:])/).count
            #expect(whole >= 2, "the blotter lists trades of day \(Int(day)):\n\(text)")
            #expect(cut == 0, "a time cut short on day \(Int(day)) at \(width)×\(height):\n\(text)")
        }
    }
}
