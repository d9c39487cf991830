/// How the session's auto-hedger sees the book's risk: at which vol it computes deltas, and
/// the per-step constants that spare it the Black-Scholes work when nothing they hold fixed
/// can move. The session reads risk through it in `Session+Hedger`.
struct HedgeRiskView: Sendable {
    /// `config.hedgeVolatility`, kept apart so the step does not read the config.
    let volSource: HedgeVolatility
    /// Whether a `pnlOnly` step must still feed the realized-vol estimators: the hedge reads one.
    let estimatesHedgeVol: Bool
    /// The hedger's per-step constants, when the book and the hedge vol are fixed (see
    /// `BookDeltaSchedule`); nil to compute the Greeks directly.
    var deltaSchedule: BookDeltaSchedule?

    init(config: SessionConfig) {
        volSource = config.hedgeVolatility
        estimatesHedgeVol = config.hedgeVolatility.isEstimated && config.detail != .full
    }
}
