/// Where a session's market shuts: the equity calendar's nights and weekends, or the overnight
/// rows of an intraday price file. Decided once when the session starts, so a session whose
/// market never shuts (continuous simulation, the Monte Carlo's usual case) only asks "none?".
struct MarketGaps: Sendable {
    /// The equity calendar, whose gaps span several grid steps; nil for a price file's.
    let calendar: EquityCalendar?
    /// A price file's steps (row i to row i + 1) that cross a night: each one ordinary step.
    let overnightSteps: Set<Int>

    /// The gaps of `config`'s market, or nil when it never shuts.
    init?(_ config: SessionConfig) {
        if let calendar = config.equityCalendar, calendar.gapSteps > 0 {
            self.calendar = calendar
            overnightSteps = []
        } else if case .historical(let path) = config.process, let nights = path.overnightSteps, !nights.isEmpty {
            calendar = nil
            overnightSteps = nights
        } else {
            return nil
        }
    }

    /// Whether the step taken from `step` crosses a closure.
    func follow(step: Int) -> Bool {
        if let calendar { return calendar.gapFollows(step: step) }
        return overnightSteps.contains(step)
    }
}
