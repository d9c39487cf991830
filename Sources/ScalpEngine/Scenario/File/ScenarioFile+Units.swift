import Foundation

/// Units of a scenario file: times in calendar days and minutes (converted to the engine's
/// years here, in one place, so reading and writing agree to the last bit), everything else
/// in the engine's own units.
extension ScenarioFile {
    /// Years from days of `clock` (calendar days unless said).
    static func years(days: Double, clock: DayCount = .calendarDays) -> Double { clock.years(days: days) }
    /// Years from minutes of `clock` (a trading day has 390).
    static func years(minutes: Double, clock: DayCount = .calendarDays) -> Double { clock.years(minutes: minutes) }

    /// The shortest decimal that reads back as `value`: "0.05", "100", "1e-05".
    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// The shortest decimal `x` with `toYears(x) == years` exactly, so a time written in
    /// days or minutes reads back as the same number of years: "30" rather than
    /// "30.000000000000004". Falls back to the nearest value's shortest form.
    static func decimal(years: Double, perUnit: Double, toYears: (Double) -> Double) -> String {
        let guess = years * perUnit
        for digits in 1...17 {
            let text = String(format: "%.\(digits)g", guess)
            if let value = Double(text), toYears(value) == years { return decimal(value) }
        }
        var candidate = guess
        for _ in 0..<8 {
            if toYears(candidate) == years { return decimal(candidate) }
            candidate = toYears(candidate) < years ? candidate.nextUp : candidate.nextDown
        }
        return decimal(guess)
    }

    /// `years` as days of `clock`, exact on reading back.
    static func daysText(years: Double, clock: DayCount = .calendarDays) -> String {
        decimal(years: years, perUnit: clock.daysPerYear, toYears: { Self.years(days: $0, clock: clock) })
    }

    /// `years` as minutes of `clock`, exact on reading back.
    static func minutesText(years: Double, clock: DayCount = .calendarDays) -> String {
        decimal(years: years, perUnit: clock.daysPerYear * clock.hoursPerDay * 60, toYears: { Self.years(minutes: $0, clock: clock) })
    }
}
