/// The interval a number a user gives must fall in: its bounds, whether the lower one is
/// excluded (a price is > 0, a cost ≥ 0), and what it counts, for messages.
public struct ValueRange: Sendable, Hashable {
    public let lower: Double
    public let upper: Double
    /// True when `lower` itself is refused ("> 0").
    public let excludesLower: Bool

    public init(_ lower: Double, _ upper: Double, excludingLower: Bool = false) {
        (self.lower, self.upper, self.excludesLower) = (lower, upper, excludingLower)
    }

    /// Whether `value` is finite and inside the range.
    public func contains(_ value: Double) -> Bool {
        value.isFinite && value <= upper && (excludesLower ? value > lower : value >= lower)
    }

    /// "(0, 10]" or "[0, 60000]", its bounds multiplied by `scale` (100 for percent).
    public func describe(_ scale: Double = 1) -> String {
        func number(_ value: Double) -> String {
            let scaled = value * scale
            return scaled == scaled.rounded() && abs(scaled) < 1e15 ? String(Int64(scaled)) : "\(scaled)"
        }
        return (excludesLower ? "(" : "[") + number(lower) + ", " + number(upper) + "]"
    }
}
