import Foundation
import Testing
@testable import ScalpEngine

/// The session's clock (`[market] calendar`) and the equity trading calendar against theory:
/// theta per day is the value's change over one of the clock's days, a trading day's variance
/// is σ²/252 with the overnight share in the gap, and a hedger's mean P&L is still the vol gap.
@Suite("Day count and trading calendar")
struct TradingCalendarTests {
    /// A unit call on the equity calendar: `days` trading days, `minutes` per step, realized
    /// `realized`, implied `implied`, hedged every step.
    func equityConfig(overnight: Double, days: Int = 10, minutes: Double = 30, realized: Double = 0.2,
                      implied: Double = 0.2, detail: SessionDetail = .pnlOnly) -> SessionConfig {
        let calendar = EquityCalendar(stepsPerDay: Int(DayCount.tradingMinutesPerDay / minutes), overnightVariance: overnight)
        var config = unitOptionConfig(expiry: Double(days) / 252, impliedVol: implied, realizedVol: realized,
                                      steps: days * calendar.gridStepsPerDay, detail: detail)
        config.equityCalendar = calendar
        return config
    }

    /// For a daily price file the clock is trading days: theta per day is the change in the
    /// book's value over one row (1/252 of a year) at a fixed spot, the central difference
    /// across the row (exact to third order in the step). On the 365-day clock it was 252/365
    /// of that, understated by 31%.
    @Test func thetaPerRowOfADailyFileIsTheValueChangeOverOneRow() throws {
        let csv = "date,close\n" + (0..<30).map { "2024-01-\(String(format: "%02d", $0 + 1)),\(100 + Double($0 % 3))" }
            .joined(separator: "\n")
        let history = try PriceHistory.parse(csv: csv, file: "daily.csv")
        let scenario = history.hedgingStudy(name: "daily", structure: .straddle)
        let config = scenario.config
        #expect(config.dayCount == .tradingDays && history.timeStep == 1.0 / 252)
        let book = config.book
        for time in [0.0, 10 * history.timeStep, 25 * history.timeStep] {
            let now = book.greeks(spot: 101, time: time, rate: config.rate, dividendYield: 0)
            let value = { (t: Double) in book.greeks(spot: 101, time: t, rate: config.rate, dividendYield: 0).price }
            let change = value(time + history.timeStep / 2) - value(time - history.timeStep / 2)
            let perDay = now.thetaPerDay(on: config.dayCount)
            #expect(abs(perDay / change - 1) < 0.005, "θ/day \(perDay) vs one row's change \(change) at t = \(time)")
            #expect(abs(now.thetaPerDay / change - 1) > 0.25, "the 365-day figure \(now.thetaPerDay) is the old understatement")
        }
        #expect(abs(Session(config: config, seed: 1).breakevenDailyMove
            - 0.2 * 100 * (1.0 / 252).squareRoot()) < 1e-12)
        // Continuous simulation stays on calendar days; the key overrides the derived clock.
        var simulated = unitOptionConfig()
        #expect(simulated.dayCount == .calendarDays)
        simulated.dayCountChoice = .tradingDays
        #expect(simulated.dayCount == .tradingDays)
    }

    /// With the equity calendar and overnight share f, a day's close-to-close log return has
    /// variance σ²/252 and the gap before the open carries the share f of it (to the grid's
    /// rounding of the gap), within their standard errors over many paths.
    @Test func aTradingDaysVarianceIsSigmaSquaredOver252WithTheGapsShare() {
        let config = equityConfig(overnight: 0.2, days: 10, minutes: 7.5)
        let calendar = try! #require(config.equityCalendar)
        #expect(calendar.gapSteps == 13 && calendar.nightShare == 0.2)
        var daily = RunningStatistics(), gaps = RunningStatistics()
        for path in 0..<3000 {
            var session = Session(config: config, seed: 11, stream: UInt64(path))
            var close = session.spot
            while !session.isFinished {
                let before = session.spot
                let crossing = calendar.gapFollows(step: session.step)
                session.apply(.tick)
                if crossing { gaps.add(log(session.spot / before)) }
                if session.step % calendar.gridStepsPerDay == 0 {
                    daily.add(log(session.spot / close))
                    close = session.spot
                }
            }
        }
        let expected = 0.04 / 252
        // The sample variance of n normals has a standard error of σ²·√(2/(n − 1)).
        let error = expected * (2 / Double(daily.count - 1)).squareRoot()
        #expect(daily.count == 30_000 && gaps.count == 30_000)
        #expect(abs(daily.variance - expected) < 4 * error, "daily variance \(daily.variance) vs \(expected) ± \(error)")
        let share = gaps.variance / daily.variance
        #expect(abs(share - 0.2) < 0.01, "gap share \(share)")
    }

    /// With μ = r the hedged long option still earns the value of the vol gap on the trading
    /// clock, gaps and all: E[P&L] = (C(σ_r) − C(σ_i))·e^{rT}, T in trading years.
    @Test func meanHedgedPnLIsTheVolGapOnTheEquityCalendar() {
        let config = equityConfig(overnight: 0.3, days: 20, minutes: 30, realized: 0.3, implied: 0.2)
        var stats = RunningStatistics()
        for path in 0..<3000 {
            var session = Session(config: config, seed: 5, stream: UInt64(path))
            runToEnd(&session)
            stats.add(session.pnl)
        }
        let expiry = 20.0 / 252
        let gap = BlackScholes.price(kind: .call, spot: 100, strike: 100, volatility: 0.3, timeToExpiry: expiry, rate: 0.05)
            - BlackScholes.price(kind: .call, spot: 100, strike: 100, volatility: 0.2, timeToExpiry: expiry, rate: 0.05)
        let expected = gap * exp(0.05 * expiry)
        let standardError = stats.standardDeviation / Double(stats.count).squareRoot()
        #expect(abs(stats.mean - expected) < 4 * standardError, "mean \(stats.mean) vs \(expected) ± \(standardError)")
        #expect(standardError < 0.1 * expected)
    }

    /// Gaps cannot be hedged: at σ_r = σ_i, the hedger's P&L spreads more when more of each
    /// day's variance falls in the gap, hedging every step all the same.
    @Test func gapsWidenTheHedgersPnL() {
        func spread(_ overnight: Double) -> Double {
            var stats = RunningStatistics()
            for path in 0..<1500 {
                var session = Session(config: equityConfig(overnight: overnight, days: 10, minutes: 15), seed: 9, stream: UInt64(path))
                runToEnd(&session)
                stats.add(session.pnl)
            }
            return stats.standardDeviation
        }
        #expect(spread(0.5) > 1.5 * spread(0))
    }

    /// Path 0 of the Monte Carlo is the live session on the equity calendar too, and the
    /// screen's clock skips nights and weekends.
    @Test func pathZeroIsTheLiveSessionAndTheClockKeepsTradingHours() throws {
        let scenario = try #require(Scenario.named("overnight-gaps"))
        let config = scenario.config
        #expect(config.dayCount == .tradingDays && config.equityCalendar?.gapSteps == 13)
        var live = Session(config: config, seed: 3)
        let simulation = MonteCarlo(config: config, seed: 3, paths: 2)
        var path = simulation.session(forPath: 0)
        var ticks = 0
        while !live.isFinished {
            live.apply(.tick)
            path.apply(.tick)
            #expect(path.spot == live.spot, "spot at step \(live.step)")
            ticks += 1
        }
        #expect(ticks == 10 * 53)
        #expect(simulation.runPath(0).pnl == live.pnl)
        let clock = config.clock
        #expect(clock.reading(0) == .init(day: 0, minute: EquityCalendar.closeMinute, weekday: 4))
        let grid = config.timeStep
        #expect(clock.reading(13 * grid) == .init(day: 1, minute: EquityCalendar.openMinute, weekday: 0))
        #expect(clock.reading(14 * grid).minute == EquityCalendar.openMinute + 8)
        #expect(clock.reading(65 * grid) == .init(day: 1, minute: EquityCalendar.closeMinute, weekday: 0))
        #expect(clock.reading(5 * 65 * grid + 13 * grid) == .init(day: 6, minute: EquityCalendar.openMinute, weekday: 0))
    }

    /// An intraday file's overnight row is a gap: the realized-vol estimators skip its return
    /// (it is not one bar's move), and its P&L still counts.
    @Test func intradayOvernightReturnIsAGap() throws {
        let history = try TwoDayIntradayFile.history()
        #expect(history.overnightSteps == [TwoDayIntradayFile.nightStep])
        var session = Session(config: history.practiceScenario(name: "two days").config, seed: 1)
        var gapPnL = 0.0
        while !session.isFinished {
            let before = session.pnl
            let crossing = session.step == TwoDayIntradayFile.nightStep
            session.apply(.tick)
            if crossing { gapPnL = session.pnl - before }
        }
        let intraday = TwoDayIntradayFile.dayReturns
        #expect(session.returns.count == intraday.count)
        let mean = intraday.reduce(0, +) / Double(intraday.count)
        let variance = intraday.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(intraday.count - 1)
        let realized = try #require(session.sessionRealizedVol)
        #expect(abs(realized - (variance / history.timeStep).squareRoot()) < 1e-12)
        // The 3.8% gap is far beyond the day's moves: a long straddle makes money on it.
        #expect(gapPnL > 0)
    }

    /// Bad keys are refused with the file, line and value.
    @Test(arguments: [
        ("[market]\ncalendar = \"weekdays\"", "t.toml:2: market.calendar: must be one of \"calendar-days\", \"trading-days\", got \"weekdays\""),
        ("[execution]\ncalendar = \"equity\"\novernight_variance = 1", "t.toml:3: execution.overnight_variance: must be in [0, 1) (a share of each day's variance), got 1"),
        ("[execution]\novernight_variance = 0.2", "t.toml:2: execution.overnight_variance: only with calendar = \"equity\""),
        ("[execution]\ncalendar = \"equity\"\nvenue = \"crypto-perp\"", "t.toml:2: execution.calendar: must be \"continuous\" on venue \"crypto-perp\" (a perpetual trades 24/7), got \"equity\""),
    ])
    func badCalendarKeysAreRefused(extra: String, message: String) {
        let text = """
            [market]
            spot = 100
            days = 5
            step_minutes = 30

            [process]
            vol = 0.2

            [[book]]
            kind = "call"
            strike = 100
            expiry_days = 5
            quantity = 1
            implied_vol = 0.2
            """
        // The extra lines go first, so their line numbers are fixed; a second [market] merges.
        let merged = extra.hasPrefix("[market]") ? text.replacingOccurrences(of: "[market]\n", with: extra + "\n") : extra + "\n" + text
        #expect(throws: ScenarioFileError.self) { try ScenarioFile.parse(merged, file: "t.toml") }
        do { _ = try ScenarioFile.parse(merged, file: "t.toml") } catch { #expect(error.description == message) }
    }

    /// Impact's σ_day is one day of the clock's vol, and latency counts the clock's hours: a
    /// trading day's σ/√252 (ADV a trading day's volume) and milliseconds of 6.5-hour days.
    @Test func impactAndLatencyCountOnTheSessionsClock() {
        let terms = ExecutionTerms(impact: 1, dailyVolume: 1_000_000, latencyMs: 250)
        let rng = Xoshiro256StarStar(seed: 1, stream: 0)
        let calendar = ExecutionDesk(terms: terms, rng: rng), trading = ExecutionDesk(terms: terms, rng: rng, dayCount: .tradingDays)
        let perShare = { (desk: ExecutionDesk) in desk.impact.perShare(shares: 10_000, mid: 100, volatility: 0.2) }
        #expect(abs(perShare(calendar) - 1 * 0.2 / 365.0.squareRoot() * 100 * 0.1) < 1e-12)
        #expect(abs(perShare(trading) - 1 * 0.2 / 252.0.squareRoot() * 100 * 0.1) < 1e-12)
        #expect(calendar.latencyYears == 0.25 / (86_400 * 365))
        #expect(abs(trading.latencyYears / (0.25 / (3600 * 6.5 * 252)) - 1) < 1e-12)
    }

    /// An equity scenario writes back to a file that reads as the same scenario.
    @Test func equityScenarioReadsBack() throws {
        let scenario = try #require(Scenario.named("overnight-gaps"))
        let again = try ScenarioFile.parse(ScenarioFile.write(scenario), file: "again.toml")
        #expect(again.config == scenario.config)
    }
}
