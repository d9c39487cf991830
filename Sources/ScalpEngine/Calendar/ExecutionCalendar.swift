/// A scenario file's `[execution] calendar`: whether the market trades around the clock or
/// keeps the equity calendar (see `EquityCalendar`), with the share of each day's variance
/// that falls while it is shut.
enum ExecutionCalendar: Equatable {
    case continuous
    case equity(overnightVariance: Double)

    /// The key's words.
    enum Kind: String, CaseIterable {
        case continuous, equity
    }

    var isEquity: Bool { self != .continuous }
}
