import ScalpEngine
import ScalpFormat

/// The price path in braille, with the strikes as lines, working limit orders as lines in
/// their side's colour, trades as ▲▼ on the path, a price axis and a time axis. With execution
/// terms other than the plain model the title shows the quote, bid × size / ask × size (the
/// displayed size, ∞ where depth is unlimited; see `addQuote` for narrow titles). A
/// scheduled event that just fired takes the strikes' place in the title for a few seconds.
struct PriceChart: Widget {
    let snapshot: ScreenSnapshot

    /// Columns for the price labels left of the plot.
    static let axisWidth = 8

    func render(into grid: inout Grid, _ rect: Rect) {
        let session = snapshot.session
        let axisWidth = Self.axisWidth
        let change = session.spot / session.config.spot - 1
        let direction: Role = change > 0 ? .up : change < 0 ? .down : .text
        let strikes = Array(Set(session.book.positions.map(\.strike))).sorted()
        let strikeText = strikes.count == 1 ? "K " + Format.trimmed(strikes[0]) : "\(strikes.count) strikes"
        var title = [Span("Price ", Style(.title, on: .background, .bold)),
                     Span(Format.number(session.spot, 2), Style(.text, on: .background, .bold)),
                     Span(" " + Format.number(change * 100, 2, sign: true) + "%", Style(direction))]
        var trailing = [Span(strikeText, Style(.muted))]
        if !session.config.executionTerms.isStandard { addQuote(to: &title, trailing: &trailing, width: rect.width) }
        if let event = snapshot.recentEvent {
            let room = rect.width - title.width - 8
            let full = AppState.describe(event), label = TextLayout.sanitize(event.label)
            if let text = [full, label].first(where: { TextLayout.width($0) <= room }) {
                trailing = [Span(text, Style(.warning, on: .background, .bold))]
            }
        }
        let inner = Box(title: title, trailing: trailing).render(into: &grid, rect)
        guard inner.height >= 2, inner.width > axisWidth + 4 else { return }
        let showTimeAxis = inner.height >= 6
        let plot = Rect(x: inner.x + axisWidth, y: inner.y, width: inner.width - axisWidth - 1,
                        height: inner.height - (showTimeAxis ? 1 : 0))
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        let history = snapshot.history
        let count = min(history.count, canvas.dotWidth)
        let spots = history.spots.suffix(count)
        let steps = history.steps.suffix(count)
        guard let firstStep = steps.first, let low = spots.min(), let high = spots.max() else { return }

        // The range: the visible path, widened to take in strikes that are near it.
        var lower = low, upper = high
        let span = max(high - low, session.spot * 0.002)
        for strike in strikes where strike > low - span && strike < high + span {
            lower = min(lower, strike)
            upper = max(upper, strike)
        }
        let pad = max((upper - lower) * 0.08, session.spot * 0.0005)
        let range = (lower - pad)...(upper + pad)

        canvas.plot(spots, in: range, .chartPrice)
        // Strike lines where the path is not, labelled at the right (over the path).
        for strike in strikes where range.contains(strike) {
            let row = canvas.cellRow(strike, in: range)
            for column in 0..<plot.width where !canvas.isSet(column: column, row: row) {
                grid.set(plot.x + column, plot.y + row, "┄", Style(.chartStrike))
            }
        }
        canvas.render(into: &grid, x: plot.x, y: plot.y)
        // Trades: ▲ bought, ▼ sold, on the path at their step (one dot column per step). Drawn
        // before the orders' and strikes' labels, which a marker must never cover.
        let lastStep = steps.last ?? firstStep
        for trade in session.recentTrades where trade.step >= firstStep && trade.step <= lastStep {
            let column = canvas.cellColumn(ofDot: trade.step - firstStep)
            let row = canvas.cellRow(trade.price, in: range)
            let buy = trade.quantity > 0
            grid.set(plot.x + column, plot.y + row, buy ? "▲" : "▼", Style(buy ? .up : .down, on: .background, .bold))
        }
        workingOrders(into: &grid, plot: plot, canvas: canvas, range: range)
        for strike in strikes {
            let label: String, row: Int
            if range.contains(strike) {
                label = "K" + Format.trimmed(strike)
                row = canvas.cellRow(strike, in: range)
            } else {
                let above = strike > range.upperBound
                label = "K" + Format.trimmed(strike) + (above ? " ↑" : " ↓")
                row = above ? 0 : plot.height - 1
            }
            grid.put(label, x: plot.maxX - TextLayout.width(label), y: plot.y + row, style: Style(.chartStrike))
        }

        // The axis: range ends, and the current spot on its row (whole above 9,999.99, to fit).
        let spotRow = canvas.cellRow(session.spot, in: range)
        let axis = Style(.muted)
        grid.put(TextLayout.pad(Format.fit(range.upperBound, width: axisWidth - 1), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.y, style: axis)
        grid.put(TextLayout.pad(Format.fit(range.lowerBound, width: axisWidth - 1), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.maxY - 1, style: axis)
        grid.put(TextLayout.pad(Format.fit(session.spot, width: axisWidth - 1), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.y + spotRow, style: Style(.accent, on: .background, .bold))
        grid.set(inner.x + axisWidth - 1, plot.y + spotRow, "▸", Style(.accent, on: .background, .bold))
        // The newest point, highlighted.
        let lastColumn = canvas.cellColumn(ofDot: count - 1)
        grid.restyle(plot.x + lastColumn, plot.y + spotRow) { $0 = Style(.accent, on: .background, .bold) }

        if showTimeAxis {
            timeAxis(into: &grid, plot: plot, y: inner.maxY - 1, from: firstStep, to: lastStep, lastColumn: lastColumn)
        }
    }

    /// Appends the quote to the title, with the sizes where they fit. Where it does not fit,
    /// the strikes' label gives way first (the chart labels the strikes too), then the change
    /// since the start (the quote's mid is the price).
    func addQuote(to title: inout [Span], trailing: inout [Span], width: Int) {
        let quote = snapshot.session.quote, size = Self.sizeText(quote.touchSize)
        let bid = Format.number(quote.bid, 2), ask = Format.number(quote.ask, 2)
        let candidates = ["  " + bid + " × " + size + " / " + ask + " × " + size, "  " + bid + " / " + ask]
        for (keepStrikes, keepChange) in [(true, true), (false, true), (false, false)] {
            let head = keepChange ? title : Array(title.prefix(2))
            let room = width - head.width - (keepStrikes ? trailing.width : 0) - 8
            if let text = candidates.first(where: { TextLayout.width($0) <= room }) {
                title = head + [Span(text, Style(.muted))]
                if !keepStrikes { trailing = [] }
                return
            }
        }
    }

    /// A displayed size: shares (compact when large), or ∞ when the depth at the touch is unlimited.
    static func sizeText(_ size: Double) -> String {
        guard size.isFinite else { return "∞" }
        return size >= 10_000 ? Format.short(size) : Format.shares(size < 10 ? (size * 10).rounded(.down) / 10 : size.rounded(.down))
    }

    /// Each resting limit order in view as a dashed line, labelled at the left with B or S and its price.
    func workingOrders(into grid: inout Grid, plot: Rect, canvas: BrailleCanvas, range: ClosedRange<Double>) {
        for order in snapshot.session.desk.orders where range.contains(order.price) {
            let row = canvas.cellRow(order.price, in: range)
            let style = Style(order.isBuy ? .up : .down)
            for column in 0..<plot.width where !canvas.isSet(column: column, row: row) {
                grid.set(plot.x + column, plot.y + row, "╌", style)
            }
            grid.put((order.isBuy ? "B " : "S ") + Format.number(order.price, 2), x: plot.x, y: plot.y + row, style: style)
        }
    }

    /// The first and last visible times under the plot, and the window's length between them.
    func timeAxis(into grid: inout Grid, plot: Rect, y: Int, from firstStep: Int, to lastStep: Int, lastColumn: Int) {
        let axis = Style(.muted)
        let from = snapshot.timeLabel(step: firstStep)
        let to = snapshot.timeLabel(step: snapshot.session.step)
        grid.put(from, x: plot.x, y: y, style: axis)
        let toX = max(plot.x + lastColumn - TextLayout.width(to) + 1, plot.x + TextLayout.width(from) + 2)
        grid.put(to, x: toX, y: y, style: axis, limit: plot.maxX - toX)
        let middle = "◂ " + Format.duration(Double(lastStep - firstStep) * snapshot.session.config.timeStep,
                                           on: snapshot.session.config.dayCount) + " ▸"
        let gapStart = plot.x + TextLayout.width(from) + 2, gapEnd = toX - 2
        if gapEnd - gapStart >= TextLayout.width(middle) {
            grid.put(middle, in: Rect(x: gapStart, y: y, width: gapEnd - gapStart, height: 1), style: axis, align: .center)
        }
    }
}
