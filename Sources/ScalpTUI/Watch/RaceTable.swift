import ScalpEngine
import ScalpFormat

/// `watch`'s table: one row per lane, best first (rank where there is room, the lane's number
/// in its color, rule, P&L, costs, trades, net delta now, risk so far, points so far).
struct RaceTable: Widget {
    let standings: [RaceStanding]

    /// The rule column's widest: longer rules than this are rare, and a wide table reads worse.
    static let maximumRuleWidth = 24

    static func columns(width: Int) -> [TableColumn] {
        let numbers = [
            TableColumn(title: "P&L", width: 11), TableColumn(title: "costs", width: 9), TableColumn(title: "trades", width: 6),
            TableColumn(title: "net Δ", width: 8), TableColumn(title: "risk", width: 9), TableColumn(title: "points", width: 6),
        ]
        // Narrower than 90 columns the rank goes (the rows are in rank order), leaving the rule room.
        let fixed = (width < 90 ? [] : [TableColumn(title: "#", width: 2)]) + [TableColumn(title: "", width: 3, align: .left)]
        let used = (fixed + numbers).reduce(0) { $0 + $1.width + 1 }
        return fixed + [TableColumn(title: "rule", width: min(max(width - used, 4), maximumRuleWidth), align: .left)] + numbers
    }

    func render(into grid: inout Grid, _ area: Rect) {
        guard area.height >= 1 else { return }
        let columns = Self.columns(width: area.width)
        var x = area.x
        for column in columns {
            grid.put(TextLayout.pad(column.title, column.width, align: column.align), x: x, y: area.y,
                     style: Style(.muted, on: .background, .bold), limit: column.width)
            x += column.width + 1
        }
        for (rank, standing) in standings.prefix(area.height - 1).enumerated() {
            let lane = Style(LaneColors.role(standing.lane), on: .background, .bold)
            var cells: [(String, Style)] = [
                ("━━" + String(standing.lane + 1), lane),
                (TextLayout.sanitize(standing.rule.description), lane),
                (Format.money(standing.pnl), Style.signed(standing.pnl)),
                (Format.money(standing.costs), Style.signed(standing.costs)),
                (String(standing.trades), Style(.text)),
                (Format.shares(standing.netDelta, sign: true), Style(.text)),
                (Format.number(standing.risk), Style(.text)),
                (String(Int(standing.points)), Style(SummaryOverlay.scoreRole(standing.points), on: .background, .bold)),
            ]
            if columns.first?.title == "#" { cells.insert((String(rank + 1), Style(.text, on: .background, .bold)), at: 0) }
            var x = area.x
            for (column, cell) in zip(columns, cells) {
                grid.put(TextLayout.pad(TextLayout.fit(cell.0, width: column.width), column.width, align: column.align),
                         x: x, y: area.y + 1 + rank, style: cell.1, limit: column.width)
                x += column.width + 1
            }
        }
    }
}
