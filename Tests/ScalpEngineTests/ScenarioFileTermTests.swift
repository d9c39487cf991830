import Foundation
import Testing
@testable import ScalpEngine

/// `[[implied.term]]`, `event_move` and `hedge_delta` in scenario files.
@Suite("Scenario files: term structure, priced events, smile delta")
struct ScenarioFileTermTests {
    static let text = ScenarioFileTests.minimal + """


        [implied]
        skew_slope = -0.1

        [[implied.term]]
        expiry_days = 30
        atm_vol = 0.22

        [[implied.term]]
        expiry_days = 5
        atm_vol = 0.28

        [[events]]
        after_days = 1
        label = "cpi"
        price_jump = 0.01
        event_move = 0.03

        [hedging]
        hedge_delta = "smile"
        """

    func error(_ text: String) -> String? {
        do { _ = try ScenarioFile.parse(text, file: "term.toml"); return nil } catch { return error.description }
    }

    @Test func readsTheTermStructureEventMoveAndSmileDelta() throws {
        let scenario = try ScenarioFile.parse(Self.text, file: "term.toml")
        let term = try #require(scenario.impliedVolModel.term)
        #expect(term.pillars.map(\.atmVol) == [0.28, 0.22] && term.pillars[0].expiry == 5 / DayCount.calendarDaysPerYear)
        let event = try #require(scenario.events.events.first)
        #expect(event.expectedMove == 0.03 && event.impliedVolChange == 0)
        #expect(scenario.config.hedgeDelta == .smile)
        // The ATM level is the term's vol at the book's expiry (10 days); the book, without
        // implied_vol here, is priced at its expiry's vol with the event's variance.
        var text = Self.text.replacingOccurrences(of: "implied_vol = 0.25\n", with: "")
        let derived = try ScenarioFile.parse(text, file: "term.toml")
        let tenDays = 10 / DayCount.calendarDaysPerYear
        #expect(derived.atmImpliedVol == term.atmVol(expiry: tenDays))
        let expected = (derived.atmImpliedVol * derived.atmImpliedVol + event.variance / tenDays).squareRoot()
        #expect(close(derived.config.book.positions[0].impliedVol, expected, rel: 1e-14))
        // Both written back read as the same scenario.
        for scenario in [scenario, derived] {
            #expect(try ScenarioFile.parse(ScenarioFile.write(scenario), file: "written") == scenario)
        }
        text = ScenarioFile.write(derived)
        #expect(text.contains("[[implied.term]]") && text.contains("event_move = 0.03") && text.contains("hedge_delta = \"smile\""))
    }

    /// A term table whose total variance falls is refused at the offending entry, with both
    /// pillars' values.
    @Test func calendarArbitrageIsRefused() {
        let bad = Self.text.replacingOccurrences(of: "atm_vol = 0.22", with: "atm_vol = 0.11")
        let message = error(bad)
        #expect(message?.hasPrefix("term.toml:") == true)
        #expect(message?.contains("implied.term[1].atm_vol: calendar arbitrage") == true, "\(message ?? "")")
        #expect(message?.contains("at 5 days (atm_vol 0.28)") == true && message?.contains("at 30 days (atm_vol 0.11)") == true)
        let line = bad.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("atm_vol = 0.11") }! + 1
        #expect(message?.hasPrefix("term.toml:\(line):") == true, "\(message ?? "")")
    }

    @Test(arguments: [
        ("atm_vol = 0.28", "atm_vol = -0.1", "implied.term[2].atm_vol: must be between 0.01 and 10, got -0.1"),
        ("expiry_days = 5", "expiry_days = 30", "expiry_days: 30 days is already a pillar (implied.term[1])"),
        ("skew_slope = -0.1", "skew_slope = -0.1\natm_vol = 0.2", "implied.atm_vol: the [[implied.term]] tables give"),
        ("event_move = 0.03", "event_move = -0.03", "events[1].event_move: must be between 0 and 1"),
        ("hedge_delta = \"smile\"", "hedge_delta = \"sabr\"", "hedging.hedge_delta: must be one of \"bs\", \"smile\""),
        ("atm_vol = 0.28", "atm_vol = 0.28\nstrike = 3", "implied.term[2].strike: unknown key"),
    ])
    func badTermsAreRefused(old: String, new: String, expected: String) {
        let message = error(Self.text.replacingOccurrences(of: old, with: new))
        #expect(message?.contains(expected) == true, "\(message ?? "accepted")")
    }

    /// Without the new keys nothing changes: no term, no priced move, Black-Scholes delta.
    @Test func absentKeysMeanWhatTheyMeant() throws {
        let scenario = try ScenarioFile.parse(ScenarioFileTests.minimal, file: "t.toml")
        #expect(scenario.impliedVolModel.term == nil && scenario.config.hedgeDelta == .bs)
        let encoded = String(decoding: try JSONEncoder().encode(scenario.config), as: UTF8.self)
        #expect(!encoded.contains("smileHedge") && !encoded.contains("term"))
    }
}
