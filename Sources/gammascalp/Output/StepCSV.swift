import ScalpFormat
import Foundation
import ScalpJournal
import ScalpEngine

/// `export --csv`: the replayed session, one row per step, in a tidy layout pandas and
/// spreadsheets read as is. Numbers in their shortest round-trip form; an empty cell is a
/// value that does not exist yet (realized vol before two returns, a step without trades).
enum StepCSV {
    /// The columns for a session on equity (`columns(for:)` names the hedge position's column
    /// by its unit: `stock_shares`, or `perp_btc` on a BTC perpetual).
    static let columns = columns(for: .shares)

    static func columns(for unit: TradingUnit) -> [String] { [
        "step", "t_years", "spot", "net_delta", "\(unit.instrument)_\(unit.columnSuffix)", "realized_vol", "ewma_vol", "implied_vol",
        "pnl",
    ] + PnLBucket.all.map(\.csvColumn) + [
        "benchmark_pnl", "benchmark_net_delta", "over_delta_limit", "auto_hedge", "hedge_rule",
        "trades", "trade_qty", "trade_price", "trade_cost", "trade_reason",
    ] }

    static func render(_ timeline: ReplayTimeline) -> String {
        var text = columns(for: timeline.replay.training.trainee.config.tradingUnit).joined(separator: ",") + "\n"
        text.reserveCapacity(timeline.rows.count * 320)
        for row in timeline.rows {
            let a = row.attribution
            let trades = timeline.trades[row.trades]
            var cells = [String(row.step)] + [row.time, row.spot, row.netDelta, row.stockShares].map(number)
            cells += [row.realizedVol, row.ewmaVol].map { $0.map(number) ?? "" }
            cells += ([row.impliedVol, row.pnl] + PnLBucket.all.map { a[$0] } + [row.benchmarkPnL, row.benchmarkNetDelta]).map(number)
            cells += [row.overDeltaLimit ? "1" : "0", row.autoHedge ? "1" : "0", row.hedgeRule.description,
                      String(trades.count)]
            if trades.isEmpty {
                cells += ["", "", "", ""]
            } else {
                // Every trade of a step is at that step's price.
                cells += [number(trades.map(\.quantity).reduce(0, +)), number(row.spot),
                          number(trades.map(\.cost).reduce(0, +)), trades.map(\.reason.rawValue).joined(separator: "+")]
            }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// `export --trades`: one row per trade, the underlying's and the option ticket's, by step.
    /// `qty` is signed in the instrument's unit (shares of the underlying, option contracts);
    /// `price` is per unit of the underlying; the option columns are empty on underlying rows.
    static let tradeColumns = ["step", "t_years", "instrument", "side", "qty", "price", "cost", "reason",
                               "kind", "strike", "expiry_years", "multiplier", "premium"]

    static func renderTrades(_ trades: [Trade], optionFills: [OptionFill]) -> String {
        var text = tradeColumns.joined(separator: ",") + "\n"
        var fills = optionFills[...]
        func side(_ quantity: Double) -> String { quantity > 0 ? "buy" : "sell" }
        func writeFills(before step: Int?) {
            while let fill = fills.first, step.map({ fill.step < $0 }) ?? true {
                let o = fill.order
                text += "\(fill.step),\(number(fill.time)),option,\(side(o.quantity)),\(number(o.quantity)),"
                    + "\(number(fill.price)),\(number(fill.cost)),manual,\(o.kind.rawValue),\(number(o.strike)),"
                    + "\(number(o.expiry)),\(number(o.multiplier)),\(number(fill.premium))\n"
                fills = fills.dropFirst()
            }
        }
        for trade in trades {
            writeFills(before: trade.step)
            text += "\(trade.step),\(number(trade.time)),underlying,\(side(trade.quantity)),\(number(trade.quantity)),"
                + "\(number(trade.price)),\(number(trade.cost)),\(trade.reason.rawValue),,,,,\n"
        }
        writeFills(before: nil)
        return text
    }

    private static func number(_ value: Double) -> String { value.isFinite ? JSONText.format(value) : "" }
}
