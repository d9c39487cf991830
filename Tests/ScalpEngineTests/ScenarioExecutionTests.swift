import Foundation
import Testing
@testable import ScalpEngine

/// The `[execution]` table: read with file:line:key errors, written back only when it says something.
@Suite("Scenario [execution]")
struct ScenarioExecutionTests {
    let base = ScenarioFileTests.minimal

    func parseError(_ text: String) -> String? {
        do {
            _ = try ScenarioFile.parse(text, file: "t.toml")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func readsEveryKeyAndWritesThemBack() throws {
        let text = base + """

            [hedging]
            cost_bps = 2

            [execution]
            venue = "crypto-perp"
            tick = 0.5
            half_spread_bps = 2
            spread_vol_multiple = 0.3
            impact = 0.7
            daily_volume = 50000
            latency_ms = 250
            maker_fee_bps = -1
            taker_fee_bps = 5
            funding_rate = 0.1
            funding_interval_hours = 4
            """
        let scenario = try ScenarioFile.parse(text, file: "t.toml")
        let terms = scenario.config.executionTerms
        #expect(terms == ExecutionTerms(venue: .cryptoPerp, tick: 0.5, spreadVolMultiple: 0.3, impact: 0.7, dailyVolume: 50_000,
                                        latencyMs: 250, makerFeeBps: -1, takerFeeBps: 5, fundingRate: 0.1, fundingIntervalHours: 4))
        #expect(scenario.config.costs.halfSpreadBps == 2)
        let written = ScenarioFile.write(scenario)
        #expect(written.contains("[execution]"))
        #expect(try ScenarioFile.parse(written, file: "t.toml") == scenario)
    }

    /// `touch_size` reads, writes back only when set, and goes through a journal's start line
    /// (JSON) and back; a configuration without it encodes without the key, as before.
    @Test func touchSizeReadsAndWritesBack() throws {
        let text = base + "\n[execution]\nimpact = 0.5\ndaily_volume = 100000\ntouch_size = 250\n"
        let scenario = try ScenarioFile.parse(text, file: "t.toml")
        #expect(scenario.config.executionTerms.touchSize == 250)
        let written = ScenarioFile.write(scenario)
        #expect(written.contains("touch_size = 250"))
        #expect(try ScenarioFile.parse(written, file: "t.toml") == scenario)
        let json = try JSONEncoder().encode(scenario.config.executionTerms)
        #expect(try JSONDecoder().decode(ExecutionTerms.self, from: json) == scenario.config.executionTerms)
        let unset = ExecutionTerms(impact: 0.5, dailyVolume: 100_000)
        let old = String(decoding: try JSONEncoder().encode(unset), as: UTF8.self)
        #expect(!old.contains("displayedSize"))
        #expect(try JSONDecoder().decode(ExecutionTerms.self, from: Data(old.utf8)) == unset)
        #expect(!ScenarioFile.write(try ScenarioFile.parse(base + "\n[execution]\nimpact = 0.5\n", file: "t.toml"))
            .contains("touch_size"))
    }

    @Test func standardTermsWriteNoTable() throws {
        let scenario = try ScenarioFile.parse(base, file: "t.toml")
        #expect(scenario.config.execution == nil)
        #expect(!ScenarioFile.write(scenario).contains("[execution]"))
    }

    @Test func badValuesNameLineAndKey() {
        #expect(parseError(base + "\n[execution]\nvenue = \"nyse\"")
            == "t.toml:21: execution.venue: must be one of \"equity\", \"crypto-perp\", got \"nyse\"")
        #expect(parseError(base + "\n[execution]\ndaily_volume = -1") == "t.toml:21: execution.daily_volume: must be ≥ 0 (units a day), got -1")
        #expect(parseError(base + "\n[execution]\nlatency_ms = -2") == "t.toml:21: execution.latency_ms: must be ≥ 0 (milliseconds), got -2")
        #expect(parseError(base + "\n[execution]\nfunding_rate = 0.1")?.contains("execution.funding_rate: needs venue") == true)
        #expect(parseError(base + "\n[execution]\ncalendar = \"lunar\"")
            == "t.toml:21: execution.calendar: must be one of \"continuous\", \"equity\", got \"lunar\"")
        #expect(parseError(base + "\n[hedging]\ncost_bps = 1\n[execution]\nhalf_spread_bps = 3")?.contains("disagree") == true)
        #expect(parseError(base + "\n[hedging]\npolicy = \"ladder:0\"")?.contains("ladder step X must be > 0") == true)
    }
}
