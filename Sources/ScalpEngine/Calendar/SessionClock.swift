/// Where on the trading week a session's time falls: what its clock shows.
public struct SessionClock: Sendable, Hashable {
    public var dayCount: DayCount
    /// The equity calendar, when the session keeps one.
    public var calendar: EquityCalendar?

    public init(dayCount: DayCount = .calendarDays, calendar: EquityCalendar? = nil) {
        self.dayCount = dayCount
        self.calendar = calendar
    }

    /// The calendar clock of 365 days: today's.
    public static let calendarDays = SessionClock()

    /// A time on the clock: `day` counts from 1 (the session's first day), `minute` is minutes
    /// after midnight on it, `weekday` 0 = Monday … 4 = Friday on the equity calendar.
    public struct Reading: Sendable, Hashable {
        public var day: Int
        public var minute: Int
        public var weekday: Int?
    }

    /// `years` of session time on this clock. Calendar days: day and time since midnight of
    /// day 1. Trading days: the trading session's time (09:30 to 16:00); time in a gap reads as
    /// the last close. The equity calendar's session opens at a close, day 0's (a Friday).
    public func reading(_ years: Double) -> Reading {
        switch dayCount {
        case .calendarDays:
            let minutes = Int(dayCount.minutes(years).rounded()), perDay = Int(dayCount.minutesPerDay)
            return Reading(day: minutes / perDay + 1, minute: minutes % perDay)
        case .tradingDays:
            // Whole minutes of the trading day's clock, counted from the first day's start.
            let perDay = Int(DayCount.tradingMinutesPerDay)
            let days = dayCount.days(years)
            guard let calendar else {
                let minutes = Int((days * Double(perDay)).rounded())
                return Reading(day: minutes / perDay + 1, minute: EquityCalendar.openMinute + minutes % perDay)
            }
            // Each day is its gap, then its session; a time in a gap (or at a day's end) reads as a close.
            let grid = Double(calendar.gridStepsPerDay)
            let steps = Int((days * grid).rounded())
            let day = steps / calendar.gridStepsPerDay, into = steps % calendar.gridStepsPerDay
            let weekday = { (day: Int) in ((day - 1) % 5 + 5) % 5 }
            if into == 0 || into < calendar.gapSteps {
                return Reading(day: day, minute: EquityCalendar.closeMinute, weekday: weekday(day))
            }
            let session = Double(into - calendar.gapSteps) / Double(calendar.stepsPerDay)
            let minute = EquityCalendar.openMinute + Int((session * Double(perDay)).rounded())
            return Reading(day: day + 1, minute: minute, weekday: weekday(day + 1))
        }
    }
}
