/// The hedge policies a session can switch between, as one concrete type (a switch per step,
/// no existential dispatch). Written and parsed as `none`, `every:K`, `band:X[:edge]`,
/// `move:P`, `ww[:RISK_AVERSION][:neutral]`, `ladder:X[:SIZE]`.
public enum HedgeRule: HedgePolicy, Hashable, Codable, CustomStringConvertible, LosslessStringConvertible {
    case none
    case every(PeriodicHedge)
    case band(DeltaBandHedge)
    case move(PriceMoveHedge)
    case whalleyWilmott(WhalleyWilmottHedge)
    case ladder(LadderHedge)

    public var needsGamma: Bool {
        if case .whalleyWilmott = self { return true }
        return false
    }

    /// True for a rule that trades through resting limit orders (the ladder).
    public var restsOrders: Bool {
        if case .ladder = self { return true }
        return false
    }

    @inlinable @inline(__always)
    public func decide(_ context: HedgeContext) -> HedgeDecision {
        switch self {
        case .none: .hold
        case .every(let policy): policy.decide(context)
        case .band(let policy): policy.decide(context)
        case .move(let policy): policy.decide(context)
        case .whalleyWilmott(let policy): policy.decide(context)
        case .ladder(let policy): policy.decide(context)
        }
    }

    public var description: String {
        switch self {
        case .none: "none"
        case .every(let policy): "every:\(policy.interval)"
        case .band(let policy): "band:\(Self.format(policy.halfWidth))" + (policy.target == .bandEdge ? ":edge" : "")
        case .move(let policy): "move:\(Self.format(policy.fraction))"
        case .whalleyWilmott(let policy):
            "ww:\(Self.format(policy.riskAversion))" + (policy.target == .neutral ? ":neutral" : "")
        case .ladder(let policy): "ladder:\(Self.format(policy.step))" + (policy.size.map { ":\(Self.format($0))" } ?? "")
        }
    }

    /// A longer label for screens, e.g. "band ±50 sh".
    public var label: String {
        switch self {
        case .none: "manual only"
        case .every(let policy): policy.interval == 1 ? "every step" : "every \(policy.interval) steps"
        case .band(let policy): "delta band ±\(Self.format(policy.halfWidth)) sh" + (policy.target == .bandEdge ? " (to edge)" : "")
        case .move(let policy): "price move \(Self.format(policy.fraction * 100))%"
        case .whalleyWilmott(let policy): "Whalley-Wilmott γ=\(Self.format(policy.riskAversion))"
        case .ladder(let policy):
            "ladder ±\(Self.format(policy.step * 100))%" + (policy.size.map { " × \(Self.format($0)) sh" } ?? "")
        }
    }

    public init?(_ description: String) {
        guard let rule = try? Self.parse(description) else { return nil }
        self = rule
    }

    /// Parses the command-line form; throws a message naming the bad part.
    public static func parse(_ text: String) throws(HedgeRuleError) -> HedgeRule {
        let parts = text.lowercased().split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name = parts[0]
        func number(_ index: Int, _ what: String) throws(HedgeRuleError) -> Double {
            guard index < parts.count, let value = Double(parts[index]), value.isFinite else {
                throw HedgeRuleError(text: text, reason: "\(what) must be a number")
            }
            return value
        }
        func target(_ index: Int, default fallback: HedgeTarget) throws(HedgeRuleError) -> HedgeTarget {
            guard index < parts.count else { return fallback }
            guard let target = HedgeTarget(rawValue: parts[index]) else {
                throw HedgeRuleError(text: text, reason: "target must be 'neutral' or 'edge'")
            }
            return target
        }
        switch name {
        case "none":
            guard parts.count == 1 else { throw HedgeRuleError(text: text, reason: "'none' takes no parameter") }
            return .none
        case "every":
            guard parts.count == 2, let k = Int(parts[1]), k >= 1 else {
                throw HedgeRuleError(text: text, reason: "every:K needs a whole number of steps K ≥ 1")
            }
            return .every(PeriodicHedge(interval: k))
        case "band":
            guard parts.count <= 3 else { throw HedgeRuleError(text: text, reason: "too many parts") }
            let width = try number(1, "band:X (shares)")
            guard width >= 0 else { throw HedgeRuleError(text: text, reason: "band width must be ≥ 0") }
            return .band(DeltaBandHedge(halfWidth: width, target: try target(2, default: .neutral)))
        case "move":
            guard parts.count == 2 else { throw HedgeRuleError(text: text, reason: "move:P needs one fraction P") }
            let fraction = try number(1, "move:P (fraction)")
            guard fraction > 0 else { throw HedgeRuleError(text: text, reason: "move fraction must be > 0") }
            return .move(PriceMoveHedge(fraction: fraction))
        case "ww":
            guard parts.count <= 3 else { throw HedgeRuleError(text: text, reason: "too many parts") }
            let aversion = parts.count >= 2 ? try number(1, "ww:RISK_AVERSION") : 1
            guard aversion > 0 else { throw HedgeRuleError(text: text, reason: "risk aversion must be > 0") }
            return .whalleyWilmott(WhalleyWilmottHedge(riskAversion: aversion, target: try target(2, default: .bandEdge)))
        case "ladder":
            guard parts.count <= 3 else { throw HedgeRuleError(text: text, reason: "too many parts") }
            let step = try number(1, "ladder:X (fraction)")
            guard step > 0 else { throw HedgeRuleError(text: text, reason: "ladder step X must be > 0") }
            let size = parts.count == 3 ? try number(2, "ladder:X:SIZE (shares)") : nil
            if let size, size <= 0 { throw HedgeRuleError(text: text, reason: "ladder size must be > 0 shares") }
            return .ladder(LadderHedge(step: step, size: size))
        default:
            throw HedgeRuleError(text: text, reason: "expected none, every:K, band:X, move:P, ww[:RISK_AVERSION] or ladder:X[:SIZE]")
        }
    }

    /// Encoded as its command-line form, e.g. "band:50", so journals stay readable.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try Self.parse(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// A hedge rule that could not be parsed.
public struct HedgeRuleError: Error, Hashable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "invalid hedge rule '\(text)': \(reason)" }
}
