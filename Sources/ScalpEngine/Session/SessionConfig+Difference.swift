extension SessionConfig {
    /// The name of the first field in which `other` differs from this configuration, or nil
    /// when they are equal: for messages that say why two runs are not the same run.
    public func differingField(from other: SessionConfig) -> String? {
        guard self != other else { return nil }
        // Every stored field is Hashable, so AnyHashable compares them as their own types do.
        for (mine, theirs) in zip(Mirror(reflecting: self).children, Mirror(reflecting: other).children) {
            let a: AnyHashable? = mine.value as? AnyHashable
            let b: AnyHashable? = theirs.value as? AnyHashable
            if let label = mine.label, a != b { return label }
        }
        return "an unnamed field"
    }
}
