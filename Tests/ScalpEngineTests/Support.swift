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

/// Two trading days of hourly closes (7 rows a day) with a 4% gap over the night between
/// them: the night is step 6 (row 6 to row 7).
enum TwoDayIntradayFile {
    static let closes = [100.0, 100.2, 99.9, 100.1, 100.3, 100.0, 100.2, 104.0, 104.1, 103.9, 104.2, 104.0, 104.3, 104.1]
    static let nightStep = 6

    static func history() throws -> PriceHistory {
        let times = ["09:30", "10:30", "11:30", "12:30", "13:30", "14:30", "15:30"]
        let labels = times.map { "2024-03-04 \($0)" } + times.map { "2024-03-05 \($0)" }
        let csv = "time,close\n" + zip(labels, closes).map { "\($0),\($1)" }.joined(separator: "\n")
        return try PriceHistory.parse(csv: csv, file: "intraday.csv")
    }

    /// The log returns within a day: every step's but the night's.
    static var dayReturns: [Double] {
        zip(closes.dropFirst(), closes).enumerated().filter { $0.offset != nightStep }.map { log($0.element.0 / $0.element.1) }
    }
}
