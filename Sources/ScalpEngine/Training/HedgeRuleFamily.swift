import Foundation

/// The reference hedgers a trainee is graded against: rules a desk might actually run, from
/// never hedging to hedging every step, each run on the trainee's own price path.
///
/// The standard family for a scenario is
/// - `none`;
/// - `every:K` for K = 1, 2, 4, …, 128 steps;
/// - `band:X` for X = 2.5%, 5%, 10%, 15%, 20%, 30%, 45% and 60% of the book's size D
///   (D = Σ|units| of its options, shares), rounded to two significant figures;
/// - `move:P` for P = 0.25%, 0.5%, 1%, 2% and 4%;
/// - `ww:γ` (Whalley-Wilmott) for γ = λ × {0.1, 0.3, 1, 3, 10}, λ the scenario's risk aversion
///   (0.001 when λ = 0);
/// - `ladder:X` for X = 0.25%, 0.5%, 1% and 2%, where the scenario sets its `[execution]`
///   (a venue, ticks, impact, fees or latency): there the quote is what the lesson is about,
///   and resting orders are the way not to pay it. Scenarios on the plain model keep the
///   family their grades were calibrated on;
/// - and the scenario's own policy and benchmark, when not already in it: 29 to 35 rules.
public struct HedgeRuleFamily: Sendable, Hashable {
    /// The rules, without duplicates, in the order above.
    public let rules: [HedgeRule]

    public init(rules: [HedgeRule]) {
        var seen = Set<HedgeRule>()
        self.rules = rules.filter { seen.insert($0).inserted }
    }

    /// The standard family for `scenario` (see the type's documentation).
    public static func standard(for scenario: Scenario) -> HedgeRuleFamily {
        let size = scenario.config.book.positions.reduce(0) { $0 + abs($1.units) }
        var rules: [HedgeRule] = [.none]
        rules += [1, 2, 4, 8, 16, 32, 64, 128].map { .every(PeriodicHedge(interval: $0)) }
        if size > 0 {
            rules += [0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.45, 0.6].map {
                .band(DeltaBandHedge(halfWidth: twoSignificantFigures(size * $0)))
            }
        }
        rules += [0.0025, 0.005, 0.01, 0.02, 0.04].map { .move(PriceMoveHedge(fraction: $0)) }
        let base = scenario.riskAversion > 0 ? scenario.riskAversion : Scenario.defaultRiskAversion
        rules += [0.1, 0.3, 1, 3, 10].map { .whalleyWilmott(WhalleyWilmottHedge(riskAversion: base * $0)) }
        if !scenario.config.executionTerms.isStandard {
            rules += [0.0025, 0.005, 0.01, 0.02].map { .ladder(LadderHedge(step: $0)) }
        }
        rules += [scenario.config.hedgeRule, scenario.benchmarkRule]
        return HedgeRuleFamily(rules: rules)
    }

    /// `value` rounded to two significant figures (1234 → 1200, 0.0456 → 0.046).
    static func twoSignificantFigures(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return value }
        let scale = pow(10, floor(log10(value)) - 1)
        return (value / scale).rounded() * scale
    }
}
