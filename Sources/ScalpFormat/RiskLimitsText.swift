import ScalpEngine

/// A scenario's risk limits in words, as the intro, a level's briefing and the report give
/// them: "net delta ±300 shares, loss 5,000", or "none".
public enum RiskLimitsText {
    /// `limits` with the net-delta limit in `unit` (the scenario's trading unit's name).
    public static func words(_ limits: RiskLimits, unit: String) -> String {
        var parts: [String] = []
        if let delta = limits.netDelta { parts.append("net delta ±\(Format.shares(delta)) \(unit)") }
        if let loss = limits.loss { parts.append("loss \(Format.number(loss, 0))") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
