import XCTest
import ScalpEngine
import ScalpFormat
@testable import ScalpTUI

final class FormatTests: XCTestCase {
    func testNumbersGroupThousandsAndNeverShowMinusZero() {
        XCTAssertEqual(Format.number(1234567.891), "1,234,567.89")
        XCTAssertEqual(Format.number(-1234.6, 0), "-1,235")
        XCTAssertEqual(Format.number(-0.001), "0.00")
        XCTAssertEqual(Format.number(0.004, 2, sign: true), "0.00")
        XCTAssertEqual(Format.money(12.5), "+12.50")
        XCTAssertEqual(Format.money(-999.999), "-1,000.00")
        XCTAssertEqual(Format.number(.nan), "n/a")
        XCTAssertEqual(Format.shares(-300), "-300")
        // Fractional sizes keep about three significant digits (a perpetual's coins).
        XCTAssertEqual(Format.shares(12.26, sign: true), "+12.26")
        XCTAssertEqual(Format.shares(150.55), "150.6")
        XCTAssertEqual(Format.shares(-0.1234), "-0.123")
    }

    func testGammaKeepsSignificantDigitsWhenSmall() {
        XCTAssertEqual(Format.gamma(13.86), "13.9")
        XCTAssertEqual(Format.gamma(0.000231), "0.000231")  // ten BTC straddles, per dollar
        XCTAssertEqual(Format.gamma(0.0512), "0.0512")
        XCTAssertEqual(Format.gamma(0), "0.0")
        XCTAssertEqual(Format.gamma(.nan), "n/a")
    }

    func testFitDropsDecimalsThenUsesSuffixes() {
        XCTAssertEqual(Format.fit(-1234.56, width: 9), "-1,234.56")
        XCTAssertEqual(Format.fit(-1234.56, width: 6), "-1,235")
        XCTAssertEqual(Format.fit(-1234.56, width: 5), "-1.2k")
        XCTAssertEqual(Format.short(2_500_000, sign: true), "+2.5M")
    }

    func testPercentAndPoints() {
        XCTAssertEqual(Format.percent(0.2483), "24.8%")
        XCTAssertEqual(Format.percent(nil), "--")
        XCTAssertEqual(Format.points(0.048), "+4.8")
        XCTAssertEqual(Format.points(-0.05), "-5.0")
    }

    func testSessionClockAndDurations() {
        let step = DayCount.fiveCalendarMinutes
        XCTAssertEqual(Format.clock(0), "day 1 00:00")
        XCTAssertEqual(Format.clock(step * 12 * 24 * 2 + step * 29), "day 3 02:25")
        XCTAssertEqual(Format.shortClock(step * 29), "d1 02:25")
        XCTAssertEqual(Format.duration(step * (12 * 24 * 26 + 12 * 9 + 7)), "26d 09h35m")
        XCTAssertEqual(Format.duration(step * 3), "00h15m")
        XCTAssertEqual(Format.days(30.0 / 365), "30d")
        XCTAssertEqual(Format.days(2.5 / 365), "2.5d")
        XCTAssertEqual(Format.days(0.25 / 365), "6h")
        XCTAssertEqual(Format.multiplier(0.5), "×0.5")
        XCTAssertEqual(Format.multiplier(16), "×16")
    }

    /// Time to expiry is cut down, never rounded up: 29 days 18 hours is not "30d".
    func testTimeLeftNeverRoundsUp() {
        let day = 1 / DayCount.calendarDaysPerYear, hour = day / 24, minute = hour / 60
        XCTAssertEqual(Format.timeLeft(30 * day - 6 * hour), "29d18h")
        XCTAssertEqual(Format.timeLeft(30 * day - minute), "29d23h")
        XCTAssertEqual(Format.timeLeft(30 * day), "30d")
        XCTAssertEqual(Format.timeLeft(30 * day + 59 * minute), "30d")
        XCTAssertEqual(Format.timeLeft(2 * day + 4 * hour + 59 * minute), "2d04h")
        XCTAssertEqual(Format.timeLeft(5 * hour + 30 * minute), "5h30m")
        XCTAssertEqual(Format.timeLeft(45 * minute + 59 * minute / 60), "45m")
        XCTAssertEqual(Format.timeLeft(0), "0m")
        XCTAssertEqual(Format.timeLeft(-day), "0m")
        // Too wide for the column: the days alone, still cut down.
        XCTAssertEqual(Format.timeLeft(365 * day - hour), "364d23h")
        XCTAssertEqual(Format.timeLeft(365 * day - hour, width: 6), "364d")
        // Every step of a 30-day option on a 5-minute grid reads no more than the time left.
        for step in 0...(30 * 24 * 12) {
            let left = 30 * day - Double(step) * 5 * minute
            let shown = Format.timeLeft(left)
            let parts = shown.split(whereSeparator: { !$0.isNumber }).compactMap { Double($0) }
            let units: [Double] = shown.contains("d") ? [day, hour] : shown.contains("h") ? [hour, minute] : [minute]
            let value = zip(parts, units).reduce(0) { $0 + $1.0 * $1.1 }
            XCTAssertLessThanOrEqual(value, left + 1e-9, "\(shown) for \(left * DayCount.calendarDaysPerYear) days")
            XCTAssertGreaterThan(value + (shown.contains("d") ? hour : minute), left - 1e-9, shown)
        }
    }

    /// On trading days a day is 6.5 hours of trading, and the equity calendar's clock reads
    /// trading time: the session opens at Friday's close, the weekend gap leads to Monday's open.
    func testTradingClocksReadTradingTime() {
        let tradingDay = 1 / 252.0
        XCTAssertEqual(Format.days(2 * tradingDay, on: .tradingDays), "2.0d")
        XCTAssertEqual(Format.days(0.5 * tradingDay, on: .tradingDays), "3h")
        XCTAssertEqual(Format.timeLeft(tradingDay + tradingDay / 6.5, on: .tradingDays), "1d01h")
        XCTAssertEqual(Format.duration(tradingDay / 2, on: .tradingDays), "03h15m")
        XCTAssertEqual(Format.clock(tradingDay / 2, on: SessionClock(dayCount: .tradingDays)), "day 1 12:45")
        let calendar = EquityCalendar(stepsPerDay: 52, overnightVariance: 0.2)
        let clock = SessionClock(dayCount: .tradingDays, calendar: calendar)
        let grid = calendar.timeStep
        XCTAssertEqual(Format.clock(0, on: clock), "day 0 Fri 16:00")
        XCTAssertEqual(Format.clock(13 * grid, on: clock), "day 1 Mon 09:30")
        XCTAssertEqual(Format.clock((65 + 13 + 26) * grid, on: clock), "day 2 Tue 12:45")
        XCTAssertEqual(Format.shortClock(5 * 65 * grid, on: clock), "d5 16:00")  // 8 columns: no weekday
    }
}
