import Foundation
import ScalpEngine

/// Number and time formatting for the screen: thousands separators, explicit signs where a
/// sign carries meaning, ASCII minus (so captured screens are easy to parse), never "-0".
public enum Format {
    /// `value` with `decimals` places and thousands separators, e.g. "-12,345.67";
    /// `sign` adds "+" to positive values.
    public static func number(_ value: Double, _ decimals: Int = 2, sign: Bool = false) -> String {
        guard value.isFinite else { return "n/a" }
        let digits = String(format: "%.\(max(decimals, 0))f", abs(value))
        let parts = digits.split(separator: ".", maxSplits: 1)
        var integer = Substring(parts[0])
        var grouped = ""
        while integer.count > 3 {
            grouped = "," + integer.suffix(3) + grouped
            integer = integer.dropLast(3)
        }
        var text = integer + grouped
        if parts.count > 1 { text += "." + parts[1] }
        let isZero = !digits.contains { $0 != "0" && $0 != "." }
        if isZero { return String(text) }
        if value < 0 { return "-" + text }
        return sign ? "+" + text : String(text)
    }

    /// Currency with sign, e.g. "+1,234.56".
    public static func money(_ value: Double, _ decimals: Int = 2) -> String { number(value, decimals, sign: true) }

    /// Currency that drops decimals when large, to fit narrow columns: "+12,345" / "+12.35".
    public static func compactMoney(_ value: Double) -> String {
        abs(value) >= 10_000 ? number(value, 0, sign: true) : number(value, 2, sign: true)
    }

    /// Shares, whole when whole: "-1,200", "+35.5".
    public static func shares(_ value: Double, sign: Bool = false) -> String {
        guard value != value.rounded() else { return number(value, 0, sign: sign) }
        // Fractional sizes (a perpetual's coins): about three significant digits, so 1.07 and
        // 0.123 do not read as 1 and 0.1.
        let magnitude = abs(value)
        return number(value, magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 3, sign: sign)
    }

    /// Gamma in shares per unit of price: one decimal, or three significant digits when
    /// smaller than 0.1 (a coin's gamma per dollar is of order 1e-4).
    public static func gamma(_ value: Double) -> String {
        let magnitude = abs(value)
        guard magnitude < 0.1, magnitude > 0, magnitude.isFinite else { return number(value, 1) }
        return number(value, min(8, 2 - Int(log10(magnitude).rounded(.down))))
    }

    /// A fraction as a percentage: 0.248 → "24.8%".
    public static func percent(_ fraction: Double?, _ decimals: Int = 1) -> String {
        guard let fraction, fraction.isFinite else { return "--" }
        return number(fraction * 100, decimals) + "%"
    }

    /// A difference of two fractions in percentage points: 0.048 → "+4.8".
    public static func points(_ fraction: Double?, _ decimals: Int = 1) -> String {
        guard let fraction, fraction.isFinite else { return "--" }
        return number(fraction * 100, decimals, sign: true)
    }

    /// Session time as "day D hh:mm" (day 1 is the first day) on `clock`: on a trading-day
    /// clock hh:mm is the trading session's (09:30 to 16:00), and on the equity calendar the
    /// weekday comes first, "day 2 Tue 14:25" (day 0 is the Friday whose close opens the session).
    public static func clock(_ years: Double, on clock: SessionClock = .calendarDays) -> String {
        let reading = clock.reading(years)
        let weekday = reading.weekday.map { weekdays[$0] + " " } ?? ""
        return "day \(reading.day) " + weekday + twoDigits(reading.minute / 60) + ":" + twoDigits(reading.minute % 60)
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"]

    /// A duration as "26d 09h35m" (or "09h35m" under a day), in days of `clock`.
    public static func duration(_ years: Double, on clock: DayCount = .calendarDays) -> String {
        let perDay = Int(clock.minutesPerDay)
        let minutes = max(Int(clock.minutes(years).rounded()), 0)
        let days = minutes / perDay, hours = (minutes % perDay) / 60, rest = minutes % 60
        let clock = twoDigits(hours) + "h" + twoDigits(rest) + "m"
        return days > 0 ? "\(days)d " + clock : clock
    }

    /// Days of `clock` as a short label: "30d", "2.5d", "6h".
    public static func days(_ years: Double, on clock: DayCount = .calendarDays) -> String {
        let days = clock.days(years)
        if days >= 10 { return number(days, 0) + "d" }
        if days >= 1 { return number(days, 1) + "d" }
        return number(days * clock.hoursPerDay, 0) + "h"
    }

    /// Time left, cut down and never rounded up: "29d18h", "2d04h", "30d", "5h30m", "45m"; at most
    /// `width` columns, dropping the smaller unit when it does not fit ("120d"). An option
    /// with 29 days 18 hours left must not read "30d".
    public static func timeLeft(_ years: Double, width: Int = 7, on clock: DayCount = .calendarDays) -> String {
        // A hair of tolerance, so 30 days minus 6 hours in floating point is not 29d17h.
        let perDay = Int(clock.minutesPerDay)
        let minutes = max(Int((clock.minutes(years) + 1e-6).rounded(.down)), 0)
        let days = minutes / perDay, hours = (minutes % perDay) / 60, rest = minutes % 60
        let full: String
        if days > 0 {
            full = "\(days)d" + (hours == 0 ? "" : days >= 10 ? "\(hours)h" : twoDigits(hours) + "h")
        } else if hours > 0 {
            full = "\(hours)h" + twoDigits(rest) + "m"
        } else {
            full = "\(rest)m"
        }
        if full.count <= width { return full }
        return days > 0 ? "\(days)d" : "\(hours)h"
    }

    /// A speed multiplier: "×1", "×0.5", "×16".
    public static func multiplier(_ value: Double) -> String {
        value >= 1 && value == value.rounded() ? "×\(Int(value))" : "×" + trimmed(value)
    }

    /// Shortest plain text: 0.5 → "0.5", 16 → "16".
    public static func trimmed(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension Format {
    /// A number in at most `width` columns: with `decimals` if it fits, then whole, then
    /// with a k/M suffix.
    public static func fit(_ value: Double, width: Int, decimals: Int = 2, sign: Bool = false) -> String {
        for places in Set([decimals, 0]).sorted(by: >) {
            let text = number(value, places, sign: sign)
            if text.count <= width { return text }
        }
        return short(value, sign: sign)
    }

    /// "12.3k", "-1.2M".
    public static func short(_ value: Double, sign: Bool = false) -> String {
        let magnitude = abs(value)
        let (scaled, suffix): (Double, String) =
            magnitude >= 1e9 ? (value / 1e9, "G") : magnitude >= 1e6 ? (value / 1e6, "M")
            : magnitude >= 1e3 ? (value / 1e3, "k") : (value, "")
        let decimals = abs(scaled) >= 100 || suffix.isEmpty ? 0 : 1
        return number(scaled, decimals, sign: sign) + suffix
    }

    /// Session time as "d3 14:25", for narrow columns.
    public static func shortClock(_ years: Double, on clock: SessionClock = .calendarDays) -> String {
        // "day 3 14:25", or "day 3 Wed 14:25" on a trading calendar: the weekday is dropped
        // so the label keeps to 8 columns.
        let parts = Self.clock(years, on: clock).split(separator: " ")
        guard parts.count >= 3, let day = parts.dropFirst().first, let time = parts.last else {
            return Self.clock(years, on: clock)
        }
        return "d\(day) \(time)"
    }
}
