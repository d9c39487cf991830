import Testing
@testable import ScalpEngine

/// The calendar's constants and its conversions of session time for display.
struct DayCountTests {
    @Test func constantsOfEachClock() {
        #expect(DayCount.calendarDays.daysPerYear == 365 && DayCount.calendarDays.minutesPerDay == 1440)
        #expect(DayCount.tradingDays.daysPerYear == 252 && DayCount.tradingDays.minutesPerDay == 390)
        #expect(DayCount.calendarMinutesPerYear == 525_600)
        #expect(DayCount.tradingDay == 1.0 / 252)
        #expect(DayCount.fiveCalendarMinutes * 365 * 24 * 12 == 1)
    }

    @Test func conversionsRoundTrip() {
        for clock in DayCount.allCases {
            let day = clock.years(days: 1)
            #expect(abs(clock.days(day) - 1) < 1e-12)
            #expect(abs(clock.hours(day) - clock.hoursPerDay) < 1e-12)
            #expect(abs(clock.minutes(clock.years(minutes: 90)) - 90) < 1e-9)
        }
        // An hour of trading time is 1 / (252 × 6.5) of a year, not 1 / (365 × 24).
        #expect(abs(DayCount.tradingDays.years(minutes: 60) - 1 / (252 * 6.5)) < 1e-18)
    }
}
