import Foundation
import Testing
@testable import ScalpEngine

@Suite("Scenario files")
struct ScenarioFileTests {
    /// A small valid file; line numbers in the tests below refer to it.
    static let minimal = """
        name = "tiny"
        description = "A test."
        goal = "Pass."

        [market]
        spot = 50
        rate = 0.02
        step_minutes = 60
        days = 2

        [process]
        kind = "gbm"
        vol = 0.3

        [[book]]
        kind = "straddle"
        expiry_days = 10
        quantity = 2
        implied_vol = 0.25
        """

    /// The error parsing `text` throws, or nil.
    func parseError(_ text: String, file: String = "t.toml") -> ScenarioFileError? {
        do {
            _ = try ScenarioFile.parse(text, file: file)
            return nil
        } catch {
            return error
        }
    }

    /// `minimal` with the line `old` replaced by `new` (which may span lines).
    func edited(_ old: String, _ new: String) -> String {
        precondition(Self.minimal.contains(old), "no line \(old)")
        return Self.minimal.replacingOccurrences(of: old, with: new)
    }

    @Test func minimalFileAndDefaults() throws {
        let scenario = try ScenarioFile.parse(Self.minimal, file: "t.toml")
        let config = scenario.config
        #expect(scenario.name == "tiny" && scenario.learningGoal == "Pass.")
        #expect(config.spot == 50 && config.rate == 0.02 && config.dividendYield == 0)
        #expect(config.timeStep == 60.0 / 525_600 && config.steps == 48)
        #expect(config.process == .geometricBrownian(GeometricBrownianMotion(drift: 0.02, volatility: 0.3)))
        // A straddle is a call and a put; no strike means at the money; 100 shares per contract.
        #expect(config.book.positions.map(\.kind) == [.call, .put])
        #expect(config.book.positions.allSatisfy {
            $0.strike == 50 && $0.expiry == 10.0 / 365 && $0.quantity == 2 && $0.multiplier == 100 && $0.impliedVol == 0.25
        })
        #expect(scenario.atmImpliedVol == 0.25 && scenario.impliedVolDynamics == .constant && scenario.skew == nil)
        #expect(config.lotSize == 100 && config.costs == .free && config.autoHedge)
        #expect(config.hedgeRule == .every(PeriodicHedge(interval: 1)) && scenario.benchmarkRule == config.hedgeRule)
        #expect(scenario.riskLimits == .none && scenario.events.isEmpty && scenario.stepsPerSecond == 10)
        #expect(config.volatilityWindow == 100 && config.ewmaHalfLife == 50)
    }

    @Test func processKinds() throws {
        let merton = try ScenarioFile.parse(edited("kind = \"gbm\"\nvol = 0.3", """
            kind = "merton"
            vol = 0.2
            jump_intensity = 10
            jump_mean = -0.03
            jump_stdev = 0.05
            """), file: "m.toml")
        #expect(merton.config.process == .mertonJumpDiffusion(MertonJumpDiffusion(
            drift: 0.02, volatility: 0.2, jumpIntensity: 10, jumpMean: -0.03, jumpStdev: 0.05)))
        let regime = try ScenarioFile.parse(edited("kind = \"gbm\"\nvol = 0.3", """
            kind = "regime"
            calm_vol = 0.1
            stressed_vol = 0.5
            calm_to_stressed = 12
            stressed_to_calm = 52
            start = "stressed"
            """), file: "r.toml")
        #expect(regime.config.process == .regimeSwitching(RegimeSwitchingVolatility(
            drift: 0.02, calmVolatility: 0.1, stressedVolatility: 0.5, calmToStressedRate: 12, stressedToCalmRate: 52,
            regime: .stressed)))
        let heston = try ScenarioFile.parse(edited("kind = \"gbm\"\nvol = 0.3", """
            kind = "heston"
            initial_variance = 0.04
            long_run_variance = 0.05
            mean_reversion = 2
            vol_of_vol = 0.5
            correlation = -0.7
            scheme = "full-truncation"
            """), file: "h.toml")
        #expect(heston.config.process == .heston(HestonProcess(
            drift: 0.02, initialVariance: 0.04, longRunVariance: 0.05, meanReversion: 2, volOfVol: 0.5,
            correlation: -0.7, scheme: .fullTruncation)))
    }

    /// Without its own implied_vol a position is marked at the ATM vol through the skew; moneyness is strike ÷ spot.
    @Test func skewPricesPositionsWithoutImpliedVol() throws {
        let scenario = try ScenarioFile.parse(Self.minimal + """

            [[book]]
            kind = "put"
            moneyness = 0.9
            expiry_days = 10
            quantity = -1

            [implied]
            atm_vol = 0.3
            skew_slope = -0.2
            """, file: "s.toml")
        let put = scenario.config.book.positions[2]
        #expect(put.strike == 45 && put.quantity == -1)
        #expect(put.impliedVol == VolSkew(slope: -0.2).impliedVol(strike: 45, spot: 50, atmVol: 0.3))
        #expect(scenario.config.book.positions[0].impliedVol == 0.25)
        #expect(scenario.skew == VolSkew(slope: -0.2, curvature: 0))
    }

    @Test func impliedDynamicsEventsLimitsAndSession() throws {
        let scenario = try ScenarioFile.parse(Self.minimal + """

            [implied]
            atm_vol = 0.4
            dynamics = "mean-reverting"
            speed = 3
            vol_of_vol = 0.2

            [[events]]
            after_days = 1.5
            label = "earnings"
            price_jump = 0.04
            vol_change = -0.15

            [hedging]
            lot = 0
            cost_bps = 2.5
            fee = 0.01
            policy = "ww:2"
            auto = false
            benchmark = "every:4"
            hedge_vol = "true"

            [limits]
            loss = 1000

            [session]
            speed = 25
            vol_window = 24
            ewma_half_life = 12
            """, file: "e.toml")
        #expect(scenario.atmImpliedVol == 0.4)
        #expect(scenario.impliedVolDynamics == .meanReverting(speed: 3, longRun: 0.4, volOfVol: 0.2))
        #expect(scenario.events.events == [ScheduledEvent(time: 1.5 / 365, logPriceJump: 0.04, impliedVolChange: -0.15,
                                                          label: "earnings")])
        let config = scenario.config
        #expect(config.lotSize == 0 && config.costs == TransactionCosts(halfSpreadBps: 2.5, feePerShare: 0.01))
        #expect(config.hedgeRule.description == "ww:2" && !config.autoHedge && config.hedgeVolatility == .trueVolatility)
        #expect(scenario.benchmarkRule == .every(PeriodicHedge(interval: 4)))
        #expect(scenario.riskLimits == RiskLimits(netDelta: nil, loss: 1000))
        #expect(scenario.stepsPerSecond == 25 && config.volatilityWindow == 24 && config.ewmaHalfLife == 12)
    }

    // MARK: - Errors, located at the key's line

    @Test func badValueNamesFileLineAndKey() {
        let error = parseError(edited("vol = 0.3", "vol = -0.2"), file: "class.toml")
        #expect(error?.description == "class.toml:13: process.vol: must be in [0, 10] (a fraction per year), got -0.2")
    }

    @Test func unknownKeysAreRefusedAtTheirLine() {
        #expect(parseError(edited("rate = 0.02", "rate = 0.02\nsppot = 3"))?.description
            == "t.toml:8: market.sppot: unknown key (known: spot, rate, drift, dividend, calendar, step_minutes, days)")
        #expect(parseError(edited("vol = 0.3", "vol = 0.3\njump_mean = 0.1"))?.description
            == "t.toml:14: process.jump_mean: unknown key (known: kind, vol)")
        #expect(parseError(Self.minimal + "\n[extra]\nx = 1")?.description.hasPrefix("t.toml:20: extra: unknown key") == true)
        #expect(parseError(edited("quantity = 2", "quantity = 2\ncolour = \"red\""))?.description
            .hasPrefix("t.toml:19: book[1].colour: unknown key") == true)
    }

    @Test func syntaxErrorsCarryLineAndColumn() throws {
        let error = try #require(parseError(edited("spot = 50", "spot = = 50")))
        #expect(error.line == 6 && error.column != nil && error.key == nil)
        #expect(error.description.hasPrefix("t.toml:6:"))
    }

    /// Every magnitude a user gives has a documented range (`InputLimits`); outside it, the
    /// file is refused naming the key, before any number can overflow into NaN.
    @Test(arguments: [
        ("spot = 50", "spot = 1e308", "t.toml:6: market.spot: must be in (0, 10000000] (currency), got "),
        ("vol = 0.3", "vol = 1e308", "t.toml:13: process.vol: must be in [0, 10] (a fraction per year), got "),
        ("quantity = 2", "quantity = 1e308", "t.toml:18: book[1].quantity: must be in [-1000000, 1000000] (contracts; negative is short), got "),
        ("expiry_days = 10", "strike = 1e308\nexpiry_days = 10", "t.toml:17: book[1].strike: must be in (0, 10000000] (currency), got "),
        ("days = 2", "days = 1e9", "t.toml:9: market.days: must be in (0, 3650] (days), got "),
    ])
    func absurdMagnitudesAreRefusedNamingTheKey(old: String, new: String, expected: String) throws {
        let error = try #require(parseError(edited(old, new)))
        #expect(error.description.hasPrefix(expected), "\(error.description)")
    }

    @Test func absurdExecutionTermsAreRefusedNamingTheKey() throws {
        let lot = try #require(parseError(Self.minimal + "\n\n[hedging]\nlot = 1e308\n"))
        #expect(lot.description.hasPrefix("t.toml:22: hedging.lot: must be in [0, 1000000] (units; 0 for fractional)"), "\(lot.description)")
        let latency = try #require(parseError(Self.minimal + "\n\n[execution]\nlatency_ms = 1e12\n"))
        #expect(latency.description.hasPrefix("t.toml:22: execution.latency_ms: must be in [0, 60000] (milliseconds)"), "\(latency.description)")
    }

    /// A million `[[events]]` would cost the TOML parser minutes: the 10,001st is refused at
    /// its line before the parser runs.
    @Test func tooManyEventsAreRefusedBeforeParsing() throws {
        let event = "\n[[events]]\nafter_days = 1\nprice_jump = 0.01\n"
        let text = Self.minimal + String(repeating: event, count: 10_001)
        let error = try #require(parseError(text))
        let line = Self.minimal.split(separator: "\n", omittingEmptySubsequences: false).count + 10_000 * 4 + 1
        #expect(error.description == "t.toml:\(line): more than 10000 [[events]] tables", "\(error.description)")
        #expect(parseError(Self.minimal + String(repeating: event, count: 10_000))?.description.contains("more than") != true)
    }

    /// Table headers toml++ 3.4 aborts on (found by the libFuzzer target) are refused at
    /// their line before it sees them, a byte-order mark or not.
    @Test(arguments: ["[[#\n", "[\n", "[  [ #\n", "\u{FEFF}[\u{FFFD}if e\n", "[é]\n"])
    func headersTomlPlusPlusAbortsOnAreRefused(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.description.hasPrefix("t.toml:1:") && error.description.contains("a table header needs a name"),
                "\(error.description)")
    }

    /// A NUL or control byte is reported at its own line and column, not where toml++ would.
    @Test func aControlByteIsReportedOnItsOwnLine() throws {
        let error = try #require(parseError(edited("rate = 0.02", "rate = 0.\u{0}02")))
        #expect(error.line == 7 && error.column == 10, "\(error.description)")
        #expect(error.description.contains("a NUL byte"))
        let header = try #require(parseError(edited("[process]", "[pro\u{1}cess]")))
        #expect(header.line == 11 && header.description.contains("0x1"), "\(header.description)")
    }

    @Test func typeAndRequiredErrors() {
        #expect(parseError(edited("spot = 50", "spot = \"fifty\""))?.description
            == "t.toml:6: market.spot: must be a number, got string \"fifty\"")
        #expect(parseError(edited("days = 2\n", ""))?.description == "t.toml:5: market.days: required in [market]")
        #expect(parseError(edited("quantity = 2\n", ""))?.description == "t.toml:15: book[1].quantity: required in [[book]]")
        #expect(parseError(edited("kind = \"straddle\"", "kind = \"strangle\""))?.description
            == "t.toml:16: book[1].kind: must be one of \"call\", \"put\", \"straddle\", got \"strangle\"")
        #expect(parseError(edited("[process]\nkind = \"gbm\"\nvol = 0.3\n", ""))?.description
            == "t.toml:1: process: required: a [process] table")
        #expect(parseError(Self.minimal + "\n[hedging]\npolicy = \"band:-5\"")?.description
            == "t.toml:21: hedging.policy: band width must be ≥ 0, got \"band:-5\"")
        #expect(parseError(Self.minimal + "\n[hedging]\nauto = 1")?.description
            == "t.toml:21: hedging.auto: must be true or false, got integer 1")
        #expect(parseError(edited("\nimplied_vol = 0.25", ""))?.description
            == "t.toml:1: implied.atm_vol: required when a [[book]] table has no implied_vol")
    }

    @Test func semanticChecks() {
        #expect(parseError(edited("days = 2", "days = 2.01"))?.description
            == "t.toml:9: market.days: must be a whole number of 60-minute steps (48.24 steps), got 2.01")
        #expect(parseError(edited("expiry_days = 10", "expiry_days = 10\nstrike = 50\nmoneyness = 1"))?.description
            == "t.toml:19: book[1].moneyness: give strike or moneyness, not both")
        #expect(parseError(Self.minimal + "\n[[events]]\nafter_days = 3")?.description
            == "t.toml:21: events[1].after_days: must be within the session, after 0 and at most 2 days, got 3")
        #expect(parseError(Self.minimal + "\n[implied]\nspeed = 3")?.description
            == "t.toml:21: implied.speed: only for dynamics = \"mean-reverting\"")
        #expect(parseError(edited("[[book]]", "[book]"))?.description
            == "t.toml:15: book: must be an array of tables ([[book]]), got table")
    }

    @Test func keyLinesFollowTablesArraysAndMultilineValues() {
        let lines = TOMLKeyLines(text: """
            title = \"\"\"
            spot = 1
            \"\"\"
            [market]   # comment
            spot = 1
            "quoted.key" = [
              1, 2,
            ]
            a.b = 2
            [[book]]
            strike = 3
            [[book]]
            strike = 4
            """)
        #expect(lines.line(of: "title") == 1)
        #expect(lines.line(of: "spot") == nil)
        #expect(lines.line(of: "market.spot") == 5)
        #expect(lines.line(of: "market.quoted.key") == 6)
        #expect(lines.line(of: "market.a.b") == 9 && lines.line(of: "market.a") == 9)
        #expect(lines.line(of: "book[1].strike") == 11 && lines.line(of: "book[2].strike") == 13)
        #expect(lines.line(of: "book[2].missing") == 12)
    }

    @Test func nameDefaultsToTheFileName() throws {
        let scenario = try ScenarioFile.parse(edited("name = \"tiny\"\n", ""), file: "drills/calm-day.toml")
        #expect(scenario.name == "calm-day")
    }

    // MARK: - Writing

    /// Written files read back to an equal scenario, straddles stay straddles, and times are
    /// written in plain days and minutes.
    @Test func writtenFilesReadBack() throws {
        let original = try ScenarioFile.parse(Self.minimal + "\n[limits]\nnet_delta = 300\n", file: "t.toml")
        let text = ScenarioFile.write(original)
        #expect(try ScenarioFile.parse(text, file: "written") == original)
        #expect(text.contains("kind = \"straddle\""))
        #expect(text.contains("step_minutes = 60 "))
        #expect(text.contains("days = 2 "))
        #expect(text.contains("expiry_days = 10 "))
    }

    /// A time in years is written as the shortest days or minutes that read back to it exactly.
    @Test func timesRoundTripExactly() {
        for years in [30.0 / 365, 1.0 / 105_120, 0.1, 1e-7, 2.5 / 365, 1.0 / 3] {
            let days = ScenarioFile.daysText(years: years)
            #expect(Double(days).map { $0 / 365 } == years, "\(years) → \(days) days")
            let minutes = ScenarioFile.minutesText(years: years)
            #expect(Double(minutes).map { $0 / 525_600 } == years, "\(years) → \(minutes) minutes")
        }
        #expect(ScenarioFile.daysText(years: 30.0 / 365) == "30")
        #expect(ScenarioFile.minutesText(years: DayCount.fiveCalendarMinutes) == "5")
    }

    @Test func quotedStringsRoundTrip() throws {
        var original = try ScenarioFile.parse(Self.minimal, file: "t.toml")
        original.description = "Tab\there, \"quotes\", back\\slash,\nnew line, é, \u{1}"
        #expect(try ScenarioFile.parse(ScenarioFile.write(original), file: "w").description == original.description)
    }
}

extension ScenarioFileTests {
    @Test func riskAversionIsReadCheckedAndWritten() throws {
        let scenario = try ScenarioFile.parse(Self.minimal + "\n\n[training]\nrisk_aversion = 0.002", file: "t.toml")
        #expect(scenario.riskAversion == 0.002)
        #expect(try ScenarioFile.parse(ScenarioFile.write(scenario), file: "w.toml").riskAversion == 0.002)
        #expect(try ScenarioFile.parse(Self.minimal, file: "t.toml").riskAversion == Scenario.defaultRiskAversion)
        #expect(parseError(Self.minimal + "\n\n[training]\nrisk_aversion = -1")?.description
                == "t.toml:22: training.risk_aversion: must be ≥ 0 (per currency; 0 judges by P&L alone), got -1")
    }

    /// `sticky` and `spot_vol_beta` read, write back and refuse bad values with file and line.
    @Test func stickyRuleAndSpotVolBeta() throws {
        let text = Self.minimal + "\n\n[implied]\natm_vol = 0.3\nskew_slope = -0.2\nsticky = \"strike\"\nspot_vol_beta = -0.5\n"
        let scenario = try ScenarioFile.parse(text, file: "t.toml")
        #expect(scenario.impliedVolModel.sticky == .strike && scenario.impliedVolModel.spotVolBeta == -0.5)
        #expect(try ScenarioFile.parse(ScenarioFile.write(scenario), file: "written") == scenario)
        let sideways = parseError(text.replacingOccurrences(of: "\"strike\"", with: "\"sideways\""))
        #expect(sideways?.description.contains("t.toml:") == true)
        #expect(sideways?.description.contains("sticky") == true)
        #expect(sideways?.description.contains("\"moneyness\", \"strike\", \"delta\"") == true)
        let beta = parseError(text.replacingOccurrences(of: "-0.5", with: "9"))
        #expect(beta?.description.contains("spot_vol_beta") == true)
        #expect(beta?.description.contains("9") == true)
    }

    /// `follow_realized` and `risk_premium` read and write back; a premium without the link is refused.
    @Test func realizedVolLink() throws {
        let text = Self.minimal + "\n\n[implied]\natm_vol = 0.3\nfollow_realized = 12\nrisk_premium = 0.015\n"
        let scenario = try ScenarioFile.parse(text, file: "t.toml")
        #expect(scenario.impliedVolModel.realizedLink == RealizedVolLink(rate: 12, premium: 0.015))
        #expect(try ScenarioFile.parse(ScenarioFile.write(scenario), file: "written") == scenario)
        let alone = parseError(text.replacingOccurrences(of: "follow_realized = 12\n", with: ""))
        #expect(alone?.description.contains("risk_premium") == true)
        #expect(alone?.description.contains("only with follow_realized") == true)
        #expect(parseError(text.replacingOccurrences(of: "= 12", with: "= -1"))?.description.contains("follow_realized") == true)
    }

    /// `hedge_vol` reads every choice and writes it back; the old `realized` (which meant the
    /// true vol) is refused at its line with the choices named.
    @Test(arguments: HedgeVolatility.allCases)
    func hedgeVolChoicesReadAndWriteBack(choice: HedgeVolatility) throws {
        let text = Self.minimal + "\n\n[hedging]\nhedge_vol = \"\(choice.rawValue)\"\n"
        let scenario = try ScenarioFile.parse(text, file: "t.toml")
        #expect(scenario.config.hedgeVolatility == choice)
        #expect(try ScenarioFile.parse(ScenarioFile.write(scenario), file: "written") == scenario)
        let old = parseError(text.replacingOccurrences(of: "\"\(choice.rawValue)\"", with: "\"realized\""))
        #expect(old?.description == "t.toml:22: hedging.hedge_vol: must be one of \"implied\", \"ewma\", \"rolling\", \"true\", got \"realized\"")
    }
}
