import ScalpEngine
import ScalpFormat

/// The option book across the bottom: one row per position with its Greeks, the stock, and
/// the total. When the rows outnumber the room, the stock and total rows stay and the last
/// position rows give way to a "+N more" line.
struct OptionBookPanel: Widget {
    let snapshot: ScreenSnapshot

    func render(into grid: inout Grid, _ rect: Rect) {
        let session = snapshot.session
        let inner = Box("Option book", trailing: [Span("options ", Style(.muted)),
                                                  Span(Format.number(snapshot.bookGreeks.price), Style(.text))])
            .render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let unit = session.config.tradingUnit
        // Lot 0 (a perpetual's coins): quantities, deltas and gammas are fractions of a unit.
        let fractional = unit.showsFractions(lot: session.lotSize)
        let (columns, gap, wide) = Self.columns(width: inner.width, fractional: fractional)
        func draw(_ cells: [String], row: Int, style: Style) {
            guard row < inner.height else { return }
            var x = inner.x + 1
            for (index, column) in columns.enumerated() where index < cells.count {
                let text = TextLayout.pad(cells[index], column.width, align: column.align)
                grid.put(text, x: x, y: inner.y + row, style: style, limit: inner.maxX - x)
                x += column.width + gap
            }
        }
        func fit(_ value: Double, _ column: Int, decimals: Int = 2, sign: Bool = true) -> String {
            Format.fit(value, width: columns[column].width, decimals: decimals, sign: sign)
        }
        draw(columns.map(\.title), row: 0, style: Style(.muted, on: .background, .bold))
        // Rows below the titles: the positions, then the stock and the total.
        let room = inner.height - 1
        let rows = snapshot.positions
        let shown = rows.count + 2 <= room ? rows.count : max(room - 3, 0)
        var row = 1
        for entry in rows.prefix(shown) {
            let position = entry.position, greeks = entry.total
            var cells = [
                Format.shares(position.quantity, sign: true),
                position.kind.rawValue,
                Format.fit(position.strike, width: columns[2].width, decimals: 2),
                position.isSettled ? "settled" : Format.timeLeft(entry.timeToExpiry, width: columns[3].width, on: session.config.dayCount),
                Format.percent(position.impliedVol),
                position.isSettled ? "-" : Format.fit(entry.unit.price, width: columns[5].width, decimals: 2),
                fit(greeks.delta, 6, decimals: fractional ? 2 : 0),
                fractional ? Format.gamma(greeks.gamma) : fit(greeks.gamma, 7, decimals: 1, sign: false),
                fit(greeks.thetaPerDay(on: session.config.dayCount), 8),
                fit(greeks.vegaPerVolPoint, 9),
            ]
            if wide { cells.append(fit(greeks.price, 10, sign: false)) }
            draw(cells, row: row, style: Style(position.isSettled ? .muted : .text))
            row += 1
        }
        if shown < rows.count, room >= 3 {
            let more = "+\(rows.count - shown) more position" + (rows.count - shown == 1 ? "" : "s")
            grid.put(more, x: inner.x + 1, y: inner.y + row, style: Style(.muted), limit: inner.width - 2)
            row += 1
        }
        var stock = [
            Format.fit(session.stockShares, width: columns[0].width, decimals: fractional ? 3 : 0, sign: true),
            unit.instrument, "", "", "",
            Format.fit(session.spot, width: columns[5].width, decimals: 2),
            fit(session.stockShares, 6, decimals: fractional ? 2 : 0), "", "", "",
        ]
        // A perpetual is worth what it has made (its notional changed no cash); a stock its notional.
        if wide { stock.append(session.perpTradingPnL.map { fit($0, 10) } ?? fit(session.stockShares * session.spot, 10, sign: false)) }
        draw(stock, row: row, style: Style(.text))
        row += 1
        let total = snapshot.bookGreeks
        var totals = [
            "", "total", "", "", Format.percent(snapshot.impliedVol), "",
            fit(snapshot.netDelta, 6, decimals: fractional ? 2 : 0),
            fractional ? Format.gamma(total.gamma) : fit(total.gamma, 7, decimals: 1, sign: false),
            fit(total.thetaPerDay(on: session.config.dayCount), 8),
            fit(total.vegaPerVolPoint, 9),
        ]
        if wide { totals.append(fit(snapshot.bookValue, 10, sign: false)) }
        draw(totals, row: row, style: Style(.text, on: .background, .bold))
    }

    /// The columns for an inner width: roomy with a value column, then without it, then narrow.
    /// The quantity column holds "-2.3k" even when narrow, and fractional quantities (a
    /// perpetual's coins) "-0.123", at the theta column's expense.
    static func columns(width: Int, fractional: Bool = false) -> (columns: [TableColumn], gap: Int, wide: Bool) {
        func columns(narrow: Bool, value: Bool) -> [TableColumn] {
            var columns = [
                TableColumn(title: "Qty", width: narrow ? (fractional ? 6 : 5) : 6),
                TableColumn(title: "Type", width: 5, align: .left),
                TableColumn(title: "Strike", width: narrow ? 7 : 8),
                TableColumn(title: "Expiry", width: narrow ? 6 : 8),
                TableColumn(title: "IV", width: 6),
                TableColumn(title: "Price", width: narrow ? 7 : 9),
                TableColumn(title: "Delta", width: narrow ? 7 : 9),
                TableColumn(title: "Gamma", width: narrow ? 6 : 8),
                TableColumn(title: "Theta/d", width: narrow ? (fractional ? 7 : 9) : 10),
                TableColumn(title: "Vega/1%", width: narrow ? 8 : 10),
            ]
            if value { columns.append(TableColumn(title: "Value", width: 12)) }
            return columns
        }
        for (narrow, value, gap) in [(false, true, 2), (false, false, 2), (false, false, 1), (true, false, 1)] {
            let candidate = columns(narrow: narrow, value: value)
            let total = candidate.reduce(0) { $0 + $1.width } + gap * (candidate.count - 1) + 2
            if total <= width { return (candidate, gap, value) }
        }
        return (columns(narrow: true, value: false), 1, false)
    }
}
