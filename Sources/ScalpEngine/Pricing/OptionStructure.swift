/// What a trader asks for by name: a call, a put, or a straddle (a call and a put with the
/// same strike and expiry). Scenario files, `simulate --kind`, `play --prices --kind` and the
/// option ticket all speak it; the book holds its legs.
public enum OptionStructure: String, Sendable, Hashable, Codable, CaseIterable {
    case call, put, straddle

    /// The option kinds it is made of, one position each.
    public var legs: [OptionKind] {
        switch self {
        case .call: [.call]
        case .put: [.put]
        case .straddle: [.call, .put]
        }
    }
}
