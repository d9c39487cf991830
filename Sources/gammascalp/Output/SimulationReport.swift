import ScalpFormat
import Foundation
import ScalpJournal
import ScalpEngine

/// What `simulate` prints: the setup, the P&L statistics and the throughput.
struct SimulationReport {
    var setup: SimulationSetup
    var simulation: MonteCarlo
    var statistics: MonteCarloStatistics
    var threads: Int
    var elapsedSeconds: Double

    static let quantiles: [(key: String, q: Double)] = [("p01", 0.01), ("p05", 0.05), ("p50", 0.50), ("p95", 0.95), ("p99", 0.99)]

    var pathStepsPerSecond: Double { Double(simulation.pathSteps) / elapsedSeconds }

    var json: JSONText {
        let pnl = statistics.pnl
        let execution = statistics.execution
        var pnlFields: [(String, JSONText)] = [
            ("mean", .number(pnl.mean)), ("stdev", .number(pnl.standardDeviation)),
            ("stderr", .number(pnl.standardError)), ("min", .number(pnl.minimum)),
        ]
        pnlFields += Self.quantiles.map { ($0.key, .number(statistics.pnlQuantiles.quantile($0.q))) }
        pnlFields += [("max", .number(pnl.maximum)), ("skew", .number(pnl.skewness)),
                      ("excess_kurtosis", .number(pnl.excessKurtosis))]
        return .object([
            ("paths", .integer(simulation.paths)), ("steps", .integer(simulation.config.steps)),
            ("seed", .integer(Int(simulation.seed))), ("premium", .number(setup.premium)),
            ("pnl", .object(pnlFields)),
            ("trades", .object([("mean", .number(statistics.trades.mean))])),
            ("costs", .object([("mean", .number(statistics.costs.mean)), ("spread", .number(execution.mean(execution.spread))),
                               ("impact", .number(execution.mean(execution.impact))), ("fees", .number(execution.mean(execution.fees)))])),
            ("funding", .object([("mean", .number(execution.mean(execution.funding)))])),
            ("fills", .object([("limit_mean", .number(execution.mean(execution.limitFills))),
                               ("market_mean", .number(execution.mean(execution.marketFills)))])),
            ("threads", .integer(threads)),
            ("elapsed_s", .number(elapsedSeconds)), ("path_steps_per_s", .number(pathStepsPerSecond)),
        ])
    }

    var text: String {
        let config = setup.config
        let unit = config.tradingUnit
        let pnl = statistics.pnl
        let decimals = Self.decimals(forSpread: pnl.standardDeviation)
        func number(_ value: Double) -> String { Table.fixed(value, decimals) }
        var lines: [String] = []
        lines.append("simulate  \(simulation.paths) paths × \(config.steps) steps  seed \(simulation.seed)"
            + (setup.scenarioName.map { "  scenario \($0)" } ?? ""))
        lines.append(Table([
            ["market", Self.describe(config)],
            ["book", config.book.positions.map(Self.describe).joined(separator: "; ")],
            ["premium", Table.fixed(setup.premium, 6) + (setup.premiumIsPerUnit ? " per unit" : " (book value at t=0)")],
            ["hedge", "\(config.hedgeRule.label) at \(config.hedgeVolatility.rawValue) vol"
                + (config.hedgeDelta == .smile ? " with the smile's delta" : "") + ", "
                + (config.lotSize > 0 ? "lots of \(Table.plain(config.lotSize)) \(unit.name)" : "fractional \(unit.name)")],
            ["costs", "\(Table.plain(config.costs.halfSpreadBps)) bps half-spread + \(Table.plain(config.costs.feePerShare)) per \(unit.instrument == "stock" ? "share" : unit.name)"],
        ] + Self.venue(config.executionTerms, unit: unit)).rendered)
        lines.append("")
        lines.append("P&L at expiry, currency, financing included (quantiles within 0.1%)")
        var rows: [[String]] = [
            ["mean", number(pnl.mean), "± \(number(pnl.standardError)) (standard error)"],
            ["stdev", number(pnl.standardDeviation)],
            ["min", number(pnl.minimum)],
        ]
        rows += Self.quantiles.map { [$0.key, number(statistics.pnlQuantiles.quantile($0.q))] }
        rows += [
            ["max", number(pnl.maximum)],
            ["skew", Table.fixed(pnl.skewness, 3)],
            ["excess kurtosis", Table.fixed(pnl.excessKurtosis, 3)],
            ["trades", Table.fixed(statistics.trades.mean, 2), "per path"],
            ["costs", number(-statistics.costs.mean), "per path (P&L: negative is paid)"],
        ]
        if !config.executionTerms.isStandard || config.hedgeRule.restsOrders {
            // The parts only when the execution layer ran: plain runs print as they always did.
            let execution = statistics.execution
            rows += [
                ["  spread", number(-execution.mean(execution.spread)), "per path"],
                ["  impact", number(-execution.mean(execution.impact)), "per path"],
                ["  fees", number(-execution.mean(execution.fees)), "per path, net of maker rebates"],
                ["funding", number(execution.mean(execution.funding)), "per path (P&L: positive is received)"],
                ["limit fills", Table.fixed(execution.mean(execution.limitFills), 2), "per path"],
                ["market fills", Table.fixed(execution.mean(execution.marketFills), 2), "per path"],
            ]
        }
        lines.append(Table(rows.map { ["  " + $0[0]] + $0.dropFirst() }, rightAligned: [1]).rendered)
        lines.append("")
        lines.append(TextHistogram(sketch: statistics.pnlQuantiles, decimals: decimals).rendered)
        lines.append("")
        lines.append("\(simulation.paths) paths in \(Table.fixed(elapsedSeconds, 3)) s on \(threads) thread"
            + (threads == 1 ? "" : "s") + ": \(Table.fixed(pathStepsPerSecond / 1e6, 1)) M path-steps/s")
        return lines.joined(separator: "\n")
    }

    /// Decimals that show a few significant digits of numbers spread by `spread`.
    static func decimals(forSpread spread: Double) -> Int {
        guard spread.isFinite, spread > 0 else { return 6 }
        return min(max(3 - Int(log10(spread).rounded(.down)), 2), 8)
    }

    static func describe(_ config: SessionConfig) -> String {
        let process: String
        if case .geometricBrownian(let gbm) = config.process {
            process = "GBM drift \(Table.percent(gbm.drift))  realized vol \(Table.percent(gbm.volatility))"
        } else {
            process = "\(config.process.name)  vol now \(Table.percent(config.process.instantaneousVolatility))"
        }
        return "spot \(Table.plain(config.spot))  \(process)  rate \(Table.percent(config.rate))"
            + "  dividend \(Table.percent(config.dividendYield))"
    }

    /// The header's venue row on a perpetual: its coin, maker and taker fees, and funding.
    static func venue(_ terms: ExecutionTerms, unit: TradingUnit) -> [[String]] {
        guard terms.venue == .cryptoPerp else { return [] }
        let funding = "funding \(Table.percent(terms.fundingRate)) a year every \(Table.plain(terms.fundingIntervalHours)) h"
            + (terms.fundingRate > 0 ? " (longs pay shorts)" : terms.fundingRate < 0 ? " (shorts pay longs)" : "")
        return [["venue", "\(terms.venue.rawValue) perp in \(unit.name): maker \(Table.plain(terms.makerFeeBps)) bps, "
                 + "taker \(Table.plain(terms.takerFeeBps)) bps, \(funding)"]]
    }

    static func describe(_ position: OptionPosition) -> String {
        let units = position.units
        return (units >= 0 ? "long " : "short ") + "\(Table.plain(abs(units))) \(position.kind.rawValue)"
            + " strike \(Table.plain(position.strike))  expiry \(Table.fixed(position.expiry, 4))y"
            + "  implied vol \(Table.percent(position.impliedVol))"
    }
}
