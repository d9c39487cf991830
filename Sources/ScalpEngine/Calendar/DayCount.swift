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

    /// Days of this clock per year.
    public var daysPerYear: Double {
        switch self {
        case .calendarDays: OptionGreeks.daysPerYear
        case .tradingDays: PriceHistory.tradingDaysPerYear
        }
    }

    /// Hours in one of its days: 24 for calendar days, 6.5 (the session) for trading days.
    public var hoursPerDay: Double {
        switch self {
        case .calendarDays: 24
        case .tradingDays: PriceHistory.tradingHoursPerDay
        }
    }

    /// Its days, in words: "calendar days" or "trading days".
    public var noun: String { self == .calendarDays ? "calendar days" : "trading days" }

    /// Years in one day of this clock.
    public var day: Double { 1 / daysPerYear }
}
