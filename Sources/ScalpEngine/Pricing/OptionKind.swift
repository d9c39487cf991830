/// Whether an option is the right to buy (call) or to sell (put) the underlying.
public enum OptionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case call
    case put

    /// +1 for a call, −1 for a put: the sign that turns call formulas into put formulas.
    @inlinable
    public var sign: Double { self == .call ? 1 : -1 }
}
