import ScalpEngine
import ScalpFormat

/// The trades, newest first: stock trades in columns (time, side, quantity, price, cost,
/// who traded, and where there is room the slippage per share against the mid when the order
/// was sent), option trades from the ticket in words across them. Working limit orders come
/// first, under the column titles (`WorkingOrderLines`), leaving at least one row for trades.
struct BlotterPanel: Widget {
    let snapshot: ScreenSnapshot

    func render(into grid: inout Grid, _ rect: Rect) {
        let session = snapshot.session
        let options = session.optionTradeCount > 0 ? " · \(session.optionTradeCount) opt" : ""
        let working = session.desk.orders.isEmpty ? "" : " · \(session.desk.orders.count) working"
        let inner = Box("Trades", trailing: [Span("\(session.tradeCount)" + options + working, Style(.text))])
            .render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let content = inner.inset(horizontal: 1, vertical: 0)
        // The time column fits the longest time shown ("d9 14:05", "d100 14:05", a price
        // file's date); what it takes beyond 8 comes out of the optional columns' room, then
        // the price's decimals.
        let rows = snapshot.blotter.newest(max(content.height - 1, 0))
        let timeWidth = rows.map { TextLayout.width(snapshot.timeLabel(step: $0.step, short: true)) }.max().map { max($0, 8) } ?? 8
        let extra = timeWidth - 8
        let showCost = content.width >= 36 + extra
        let showReason = content.width >= 42 + extra
        let showSlippage = content.width >= 49 + extra
        let narrow = content.width < 32 + extra
        let priceWidth = narrow ? max(5, min(7, content.width - timeWidth - 4 - 5 - 3)) : 8
        var columns = [TableColumn(title: "Time", width: timeWidth, align: .left), TableColumn(title: "Side", width: 4, align: .left),
                       TableColumn(title: "Qty", width: narrow ? 5 : 6), TableColumn(title: "Price", width: priceWidth)]
        if showCost { columns.append(TableColumn(title: "Cost", width: 6)) }
        if showReason { columns.append(TableColumn(title: "By", width: 6, align: .left)) }
        if showSlippage { columns.append(TableColumn(title: "Slip", width: 6)) }
        func draw(_ cells: [(String, Style)], row: Int) {
            var x = content.x
            for (index, column) in columns.enumerated() where index < cells.count {
                grid.put(TextLayout.pad(cells[index].0, column.width, align: column.align), x: x, y: content.y + row,
                         style: cells[index].1, limit: content.maxX - x)
                x += column.width + 1
            }
        }
        // With room for only the titles and one trade, working orders take the titles' row.
        let orders = WorkingOrderLines(snapshot: snapshot)
        let titled = content.height > 2 || session.desk.orders.isEmpty
        let orderLines = orders.lines(rows: titled ? content.height - 2 : 1, width: content.width)
        if titled { draw(columns.map { ($0.title, Style(.muted, on: .background, .bold)) }, row: 0) }
        let top = titled ? 1 : 0
        for (offset, line) in orderLines.enumerated() {
            grid.put(line, x: content.x, y: content.y + top + offset, limit: content.width)
        }
        let first = top + orderLines.count - 1  // rows above the trades, less the titles' row
        let shown = rows.prefix(max(content.height - 1 - first, 0))
        if shown.isEmpty, content.height >= 2 + first {
            grid.put("no trades yet: h hedges, b/s trade, a auto", in: content.row(1 + first), style: Style(.muted))
        }
        for (index, row) in shown.enumerated() {
            let offset = index + first
            switch row {
            case .option(let fill):
                // An option trade: its time, then the trade in words across the other columns.
                let side = Style(fill.isBuy ? .up : .down, on: .background, .bold)
                grid.put([Span(TextLayout.pad(snapshot.timeLabel(step: fill.step, short: true), timeWidth + 1), Style(.muted)),
                          Span(fill.description, side), Span(" @ " + Format.number(fill.price, 2), Style(.text))],
                         x: content.x, y: content.y + offset + 1, limit: content.width)
            case .stock(let trade):
                let buy = trade.quantity > 0
                let side = Style(buy ? .up : .down, on: .background, .bold)
                let reason = trade.reason == .closeOut ? "close" : trade.reason.rawValue
                var cells: [(String, Style)] = [
                    (snapshot.timeLabel(step: trade.step, short: true), Style(.muted)), (buy ? "BUY" : "SELL", side),
                    (Format.shares(abs(trade.quantity)), Style(.text)), (Format.fit(trade.price, width: priceWidth, decimals: 2), Style(.text)),
                ]
                if showCost { cells.append((Format.number(trade.cost, 2), Style(.muted))) }
                if showReason { cells.append((reason, Style(trade.reason == .manual ? .accent : .muted))) }
                if showSlippage {
                    let slip = trade.slippagePerShare
                    cells.append((Format.number(slip, 2), Style(slip > 0 ? .down : .muted)))
                }
                draw(cells, row: offset + 1)
            }
        }
    }
}
