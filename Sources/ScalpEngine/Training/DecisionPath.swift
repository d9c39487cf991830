/// One book's decisions sampled along the path (every `interval` steps, and at the last step
/// taken): the net delta it held and its running decision tallies. What the debrief reads to
/// find the stretches that cost most against the best rule, and the report's delta chart.
public struct DecisionPath: Sendable, Hashable, Codable {
    /// The book at one step. The tallies are running sums from the start (`DecisionLedger`'s).
    public struct Sample: Sendable, Hashable, Codable {
        public var step: Int
        /// Session time at the step, years (on the session's clock).
        public var time: Double
        /// Spot at the step, currency.
        public var spot: Double
        /// Net delta held into the next step, units.
        public var netDelta: Double
        /// Σ Δₜ·Eₜ[ΔS], currency.
        public var drift: Double
        /// Σ Δₜ²·Varₜ(ΔS), currency².
        public var riskVariance: Double
        /// Σ Δₜ·(ΔSₜ − Eₜ[ΔS]), currency.
        public var luck: Double
        /// Costs paid so far, currency (≥ 0).
        public var costs: Double

        /// The decision utility so far with risk aversion λ, less what every book shares:
        /// drift − (λ/2)·risk − costs, currency.
        public func utility(riskAversion: Double) -> Double { drift - 0.5 * riskAversion * riskVariance - costs }
    }

    /// The average net delta over the samples, units, and its root mean square (0 without samples).
    public var averageNetDelta: Double { samples.isEmpty ? 0 : samples.reduce(0) { $0 + $1.netDelta } / Double(samples.count) }
    public var rmsNetDelta: Double {
        samples.isEmpty ? 0 : (samples.reduce(0) { $0 + $1.netDelta * $1.netDelta } / Double(samples.count)).squareRoot()
    }

    /// Steps between samples (≥ 1).
    public let interval: Int
    public private(set) var samples: [Sample] = []

    /// A path sampled about `count` times over a session of `steps` steps.
    public init(steps: Int, count: Int = 480) {
        interval = max(1, steps / max(1, count))
    }

    /// Step `step` is done: samples it when it falls on the interval (step 0 always).
    mutating func record(step: Int, time: Double, spot: Double, netDelta: Double, ledger: DecisionLedger, costs: Double) {
        guard step % interval == 0 || samples.isEmpty else { return }
        samples.append(Sample(step: step, time: time, spot: spot, netDelta: netDelta, drift: ledger.expectedDriftPnL,
                              riskVariance: ledger.riskVariance, luck: ledger.unexpectedDeltaPnL, costs: costs))
    }
}
