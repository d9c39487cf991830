import Foundation
@testable import ScalpEngine

/// |a − b| ≤ rel·|b| + abs: the tolerance a quant states for a number.
func close(_ a: Double, _ b: Double, rel: Double, abs absolute: Double = 0) -> Bool {
    abs(a - b) <= rel * abs(b) + absolute
}

/// A GBM session over `steps` steps to `expiry`, one option unit, hedged by `rule` at `hedgeVol`.
func unitOptionConfig(kind: OptionKind = .call, spot: Double = 100, strike: Double = 100, expiry: Double = 1,
                      impliedVol: Double = 0.2, realizedVol: Double = 0.2, drift: Double = 0.05, rate: Double = 0.05,
                      dividend: Double = 0, steps: Int = 52, quantity: Double = 1, rule: HedgeRule = .every(PeriodicHedge(interval: 1)),
                      hedgeVol: HedgeVolatility = .implied, costs: TransactionCosts = .free,
                      detail: SessionDetail = .full) -> SessionConfig {
    SessionConfig(
        spot: spot, rate: rate, dividendYield: dividend,
        process: .geometricBrownian(GeometricBrownianMotion(drift: drift, volatility: realizedVol, dividendYield: dividend)),
        timeStep: expiry / Double(steps), steps: steps,
        book: OptionBook([OptionPosition(kind: kind, strike: strike, expiry: expiry, quantity: quantity, impliedVol: impliedVol)]),
        costs: costs, lotSize: 0, hedgeRule: rule, autoHedge: rule != .none, hedgeVolatility: hedgeVol, detail: detail)
}

/// Runs a session to its end.
func runToEnd(_ session: inout Session) {
    while !session.isFinished { session.apply(.tick) }
}

/// Fixtures shipped beside the tests.
func fixtureURL(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
}
