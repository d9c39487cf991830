import ArgumentParser
import ScalpEngine

extension OptionKind: ExpressibleByArgument {}

/// The contract and market flags `price` and `implied` share.
struct ContractOptions: ParsableArguments {
    @Option(help: "Option kind: call or put.")
    var kind: OptionKind

    @Option(parsing: .unconditional, help: "Spot price of the underlying, currency (> 0).")
    var spot: Double

    @Option(parsing: .unconditional, help: "Strike price, currency (> 0).")
    var strike: Double

    @Option(parsing: .unconditional, help: "Time to expiry in years (> 0 for implied; 0 gives intrinsic value for price).")
    var expiry: Double

    @Option(parsing: .unconditional, help: "Riskless rate, continuously compounded per year, as a fraction (0.05 = 5%).")
    var rate: Double = 0

    @Option(parsing: .unconditional, help: "Continuous dividend yield per year, as a fraction.")
    var dividend: Double = 0

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    mutating func validate() throws {
        try FlagCheck.within(InputLimits.price, spot, "--spot", "currency")
        try FlagCheck.within(InputLimits.price, strike, "--strike", "currency")
        try FlagCheck.nonNegative(expiry, "--expiry")
        try FlagCheck.finite(rate, "--rate")
        try FlagCheck.finite(dividend, "--dividend")
    }
}

/// Range checks for numeric flags; the message names the flag and the bad value.
enum FlagCheck {
    static func finite(_ value: Double, _ flag: String) throws {
        guard value.isFinite else { throw ValidationError("\(flag) must be a finite number, got \(Table.plain(value))") }
    }

    static func positive(_ value: Double, _ flag: String) throws {
        try finite(value, flag)
        guard value > 0 else { throw ValidationError("\(flag) must be positive, got \(Table.plain(value))") }
    }

    static func nonNegative(_ value: Double, _ flag: String) throws {
        try finite(value, flag)
        guard value >= 0 else { throw ValidationError("\(flag) must be ≥ 0, got \(Table.plain(value))") }
    }

    /// `value` inside one of `InputLimits`' ranges; `unit` says what it counts.
    static func within(_ range: ValueRange, _ value: Double, _ flag: String, _ unit: String) throws {
        guard range.contains(value) else {
            throw ValidationError("\(flag) must be in \(range.describe()) (\(unit)), got \(Table.plain(value))")
        }
    }
}
