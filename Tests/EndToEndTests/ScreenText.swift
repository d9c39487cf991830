import Foundation

/// Reads the captured screen for what an assertion means, not for a substring that can turn
/// up elsewhere: " auto " is also in the header's "auto ON", "call" in the ticket's hint
/// "call, put or straddle", "manual" could be any panel's text.
enum ScreenText {
    /// True when some line of `screen` matches the regular expression `pattern`.
    static func hasLine(_ screen: String, matching pattern: String) -> Bool {
        screen.split(separator: "\n").contains { $0.range(of: pattern, options: .regularExpression) != nil }
    }

    /// True when the blotter lists a stock trade on `side` (BUY, SELL, or either when nil):
    /// a row with side, quantity and price, then, when `reason` is given (manual, auto,
    /// close), the cost and the reason in the By column (shown from 120 columns).
    static func hasStockTrade(_ screen: String, side: String? = nil, by reason: String? = nil) -> Bool {
        let row = "\\b\(side ?? "(BUY|SELL)") +[0-9,.]+ +[0-9,]+\\.[0-9]{2}"
        return hasLine(screen, matching: reason.map { row + " +[0-9,.]+ +\($0)\\b" } ?? row + "\\b")
    }

    /// True when the ticket's `field` row shows `value` (focused or not).
    static func ticketField(_ screen: String, _ field: String, is value: String) -> Bool {
        hasLine(screen, matching: "│  \(field) +(◂ )?\(value)( ▸)? ")
    }
}
