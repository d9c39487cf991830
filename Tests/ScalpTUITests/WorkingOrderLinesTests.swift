import Testing
@testable import ScalpEngine
@testable import ScalpTUI

/// A working order's age reads in time of the session's own clock.
struct WorkingOrderLinesTests {
    @Test func anHourOldOrderReadsOneHourOnEitherClock() {
        for clock in DayCount.allCases {
            let hour = clock.years(minutes: 60)
            #expect(WorkingOrderLines.age(hour, on: clock) == "1h00")
            #expect(WorkingOrderLines.age(clock.years(minutes: 45), on: clock) == "45m")
            #expect(WorkingOrderLines.age(clock.years(minutes: 185), on: clock) == "3h05")
        }
    }

    @Test func aDayIsADayOfTheSessionsClock() {
        // A trading day is 6.5 hours: 7 hours on that clock is past a day; on the calendar it is not.
        let sevenTradingHours = DayCount.tradingDays.years(minutes: 7 * 60)
        #expect(WorkingOrderLines.age(sevenTradingHours, on: .tradingDays) == "1d")
        #expect(WorkingOrderLines.age(DayCount.calendarDays.years(minutes: 7 * 60), on: .calendarDays) == "7h00")
        #expect(WorkingOrderLines.age(DayCount.calendarDays.years(days: 2), on: .calendarDays) == "2d")
        #expect(WorkingOrderLines.age(-1, on: .calendarDays) == "0m")
    }
}
