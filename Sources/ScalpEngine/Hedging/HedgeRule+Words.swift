extension HedgeRule {
    /// What the rule does, in a trader's words, for a debrief: "band:300 rehedges to zero
    /// when the net delta passes ±300 units".
    public var inWords: String {
        let name = description
        switch self {
        case .none: return "\(name) never rehedges"
        case .every(let policy):
            return policy.interval == 1 ? "\(name) rehedges to zero every step"
                : "\(name) rehedges to zero every \(policy.interval) steps"
        case .band(let policy):
            return "\(name) rehedges " + (policy.target == .bandEdge ? "to the band's edge" : "to zero")
                + " when the net delta passes ±\(Self.format(policy.halfWidth)) units"
        case .move(let policy):
            return "\(name) rehedges to zero when the price has moved \(Self.format(policy.fraction * 100))% since the last hedge"
        case .whalleyWilmott:
            return "\(name) keeps the delta inside the Whalley-Wilmott band, wider where costs are high and gamma low"
        case .ladder(let policy):
            return "\(name) rests buy and sell limit orders \(Self.format(policy.step * 100))% apart and lets their fills hedge"
        }
    }
}
