/// A session's length and step in the units of its clock, as a scenario file writes them.
extension SessionConfig {
    /// Minutes of the clock per step: on the equity calendar, trading minutes per session step
    /// (its grid step also counts the gaps' time).
    public var stepMinutes: Double {
        if let equityCalendar { return DayCount.tradingMinutesPerDay / Double(equityCalendar.stepsPerDay) }
        return timeStep * dayCount.daysPerYear * dayCount.hoursPerDay * 60
    }

    /// The session's length in days of its clock.
    public var sessionDays: Double { Double(steps) * timeStep * dayCount.daysPerYear }
}
