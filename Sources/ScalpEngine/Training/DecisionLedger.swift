/// What one book's decisions were worth, tallied step by step from the net delta it held over
/// each step and the step's moments under the scenario's true model (`StepMoments`).
///
/// Over a step the open net delta Δₜ earns Δₜ·ΔSₜ. Of that, Δₜ·Eₜ[ΔS] is what the decision
/// earned in expectation (the drift) and Δₜ·(ΔSₜ − Eₜ[ΔS]) is luck; Δₜ²·Varₜ(ΔS) is the risk
/// the decision took, whatever the draw.
public struct DecisionLedger: Sendable, Hashable, Codable {
    /// Σ Δₜ·(ΔSₜ − Eₜ[ΔS]): the open delta's unexpected P&L, currency.
    public private(set) var unexpectedDeltaPnL = 0.0
    /// Σ Δₜ·Eₜ[ΔS]: the drift the open delta earned in expectation, currency.
    public private(set) var expectedDriftPnL = 0.0
    /// Σ Δₜ²·Varₜ(ΔS): the variance of P&L the open delta took on, currency².
    public private(set) var riskVariance = 0.0

    public init() {}

    /// A ledger as a journal recorded it.
    public init(unexpectedDeltaPnL: Double, expectedDriftPnL: Double, riskVariance: Double) {
        (self.unexpectedDeltaPnL, self.expectedDriftPnL, self.riskVariance) = (unexpectedDeltaPnL, expectedDriftPnL, riskVariance)
    }

    /// One step: the net delta held over it (shares), the realized move and its moments.
    mutating func addStep(netDelta: Double, move: Double, moments: StepMoments) {
        unexpectedDeltaPnL += netDelta * (move - moments.mean)
        expectedDriftPnL += netDelta * moments.mean
        riskVariance += netDelta * netDelta * moments.variance
    }

    /// The risk taken as one standard deviation, currency: √(Σ Δₜ²·Varₜ).
    public var riskStandardDeviation: Double { riskVariance.squareRoot() }
}
