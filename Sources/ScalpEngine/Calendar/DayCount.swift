/// The clock a session's time runs on: how many of its days make a year, and how long such a
/// day is. Options decay on it, and "per day" (theta per day, the breakeven daily move, days to
/// expiry, the option ticket's days, the chart's time axis) means one of its days.
public enum DayCount: String, Sendable, Hashable, Codable, CaseIterable {
    /// Calendar time: 365 days of 24 hours a year, trading around the clock. Continuous
    /// simulation and crypto.
    case calendarDays = "calendar-days"
    /// Trading time: 252 trading days of 6.5 hours a year; nights and weekends are not days
    /// (the equity calendar gives them a share of each day's variance). Price files and the
    /// equity calendar.
    case tradingDays = "trading-days"

    // The calendar's constants, here and nowhere else.

    /// Calendar days a year: what options decay by on the calendar-day clock.
    public static let calendarDaysPerYear = 365.0
    /// Minutes a calendar year: 365 × 24 × 60 = 525,600.
    public static let calendarMinutesPerYear = calendarDaysPerYear * 24 * 60
    /// Trading days a year: a daily price file's periods a year.
    public static let tradingDaysPerYear = 252.0
    /// Hours of a trading day (09:30 to 16:00).
    public static let tradingHoursPerDay = 6.5
    /// Minutes of a trading day: 390.
    public static let tradingMinutesPerDay = tradingHoursPerDay * 60
    /// One trading day, years: the step of a daily price file and of the default simulation.
    public static let tradingDay = 1.0 / tradingDaysPerYear
    /// Five minutes of calendar time, years: the built-in scenarios' step.
    public static let fiveCalendarMinutes = 1.0 / (calendarDaysPerYear * 24 * 12)

    /// Days of this clock per year.
    public var daysPerYear: Double {
        switch self {
        case .calendarDays: Self.calendarDaysPerYear
        case .tradingDays: Self.tradingDaysPerYear
        }
    }

    /// Hours in one of its days: 24 for calendar days, 6.5 (the session) for trading days.
    public var hoursPerDay: Double {
        switch self {
        case .calendarDays: 24
        case .tradingDays: Self.tradingHoursPerDay
        }
    }

    /// Minutes in one of its days: 1,440 for calendar days, 390 for trading days.
    public var minutesPerDay: Double { hoursPerDay * 60 }

    // Time as a reader counts it: `years` of session time in days, hours and minutes of this clock.

    /// `years` in days of this clock.
    public func days(_ years: Double) -> Double { years * daysPerYear }
    /// `years` in hours of this clock (a trading day has 6.5).
    public func hours(_ years: Double) -> Double { years * daysPerYear * hoursPerDay }
    /// `years` in minutes of this clock (a trading day has 390).
    public func minutes(_ years: Double) -> Double { years * daysPerYear * minutesPerDay }
    /// Years from `days` of this clock.
    public func years(days: Double) -> Double { days / daysPerYear }
    /// Years from `minutes` of this clock.
    public func years(minutes: Double) -> Double {
        self == .calendarDays ? minutes / Self.calendarMinutesPerYear : minutes / (daysPerYear * hoursPerDay * 60)
    }

    /// Its days, in words: "calendar days" or "trading days".
    public var noun: String { self == .calendarDays ? "calendar days" : "trading days" }

    /// Years in one day of this clock.
    public var day: Double { 1 / daysPerYear }
}
