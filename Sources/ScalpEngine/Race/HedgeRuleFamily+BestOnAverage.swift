extension HedgeRuleFamily {
    /// The seeds `bestOnAverage` averages over by default: fixed, so the pick depends on the
    /// scenario alone, never on the path being watched.
    public static let averagingSeeds: [UInt64] = Array(1...8)

    /// The family's rule with the highest mean utility U (the grade's: P&L − luck − (λ/2)·Σ Δ²·Var,
    /// `HedgingUtility`) over sessions of `scenario` with `seeds`; ties go to the earlier rule.
    public func bestOnAverage(in scenario: Scenario, seeds: [UInt64] = averagingSeeds) -> HedgeRule {
        var totals = Array(repeating: 0.0, count: rules.count)
        for seed in seeds {
            // The references read the options' own part off a full-detail session of the same
            // book; how that session hedges does not matter, so it does not.
            var options = Session(config: TrainingSession.traineeConfig(for: scenario, autoHedge: false), seed: seed)
            var references = ReferenceHedgers(scenario: scenario, seed: seed, family: self)
            while !options.isFinished { references.apply(.tick, to: &options) }
            let results = references.bookResults(riskAversion: scenario.riskAversion, optionValue: options.markedGreeks.price)
            for (index, result) in results.enumerated() { totals[index] += result.utility.value }
        }
        let best = totals.indices.max { totals[$0] < totals[$1] } ?? 0
        return rules[best]
    }
}
