import ScalpEngine
import ScalpJournal
import ScalpFormat

/// The braille charts: the price path with strikes and trades, and realized against
/// implied volatility.
enum Charts {
    static let axisWidth = 8

    // MARK: - Price

    static func price(_ state: AppState, into grid: inout Grid, _ rect: Rect) {
        let session = state.session
        let change = session.spot / session.config.spot - 1
        let direction: Role = change > 0 ? .up : change < 0 ? .down : .text
        let strikes = Array(Set(session.book.positions.map(\.strike))).sorted()
        let strikeText = strikes.count == 1 ? "K " + Format.trimmed(strikes[0]) : "\(strikes.count) strikes"
        let title = [Span("Price ", Style(.title, on: .background, .bold)),
                     Span(Format.number(session.spot, 2), Style(.text, on: .background, .bold)),
                     Span(" " + Format.number(change * 100, 2, sign: true) + "%", Style(direction))]
        // A scheduled event that just fired takes the strikes' place for a few seconds.
        var trailing = [Span(strikeText, Style(.muted))]
        if let event = state.recentEvent {
            let room = rect.width - Panels.width(title) - 8
            let full = AppState.describe(event), label = TextLayout.sanitize(event.label)
            if let text = [full, label].first(where: { TextLayout.width($0) <= room }) {
                trailing = [Span(text, Style(.warning, on: .background, .bold))]
            }
        }
        let box = Box(title: title, trailing: trailing)
        let inner = box.render(into: &grid, rect)
        guard inner.height >= 2, inner.width > axisWidth + 4 else { return }
        let showTimeAxis = inner.height >= 6
        let plot = Rect(x: inner.x + axisWidth, y: inner.y, width: inner.width - axisWidth - 1,
                        height: inner.height - (showTimeAxis ? 1 : 0))
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        let history = state.history
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
            let row = canvas.dotRow(strike, in: range) / 4
            for column in 0..<plot.width where !canvas.isSet(column: column, row: row) {
                grid.set(plot.x + column, plot.y + row, "┄", Style(.chartStrike))
            }
        }
        canvas.render(into: &grid, x: plot.x, y: plot.y)
        for strike in strikes {
            let label: String, row: Int
            if range.contains(strike) {
                label = "K" + Format.trimmed(strike)
                row = canvas.dotRow(strike, in: range) / 4
            } else {
                let above = strike > range.upperBound
                label = "K" + Format.trimmed(strike) + (above ? " ↑" : " ↓")
                row = above ? 0 : plot.height - 1
            }
            grid.put(label, x: plot.maxX - TextLayout.width(label), y: plot.y + row, style: Style(.chartStrike))
        }

        // Trades: ▲ bought, ▼ sold, on the path at their step.
        let lastStep = steps.last ?? firstStep
        for trade in session.recentTrades where trade.step >= firstStep && trade.step <= lastStep {
            let column = (trade.step - firstStep) / 2
            let row = canvas.dotRow(trade.price, in: range) / 4
            let buy = trade.quantity > 0
            grid.set(plot.x + column, plot.y + row, buy ? "▲" : "▼", Style(buy ? .up : .down, on: .background, .bold))
        }

        // The axis: range ends, and the current spot on its row.
        let spotRow = canvas.dotRow(session.spot, in: range) / 4
        let axis = Style(.muted)
        grid.put(TextLayout.pad(Format.number(range.upperBound, 2), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.y, style: axis)
        grid.put(TextLayout.pad(Format.number(range.lowerBound, 2), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.maxY - 1, style: axis)
        grid.put(TextLayout.pad(Format.number(session.spot, 2), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.y + spotRow, style: Style(.accent, on: .background, .bold))
        grid.set(inner.x + axisWidth - 1, plot.y + spotRow, "▸", Style(.accent, on: .background, .bold))
        // The newest point, highlighted.
        let lastColumn = (count - 1) / 2
        grid.restyle(plot.x + lastColumn, plot.y + spotRow) { $0 = Style(.accent, on: .background, .bold) }

        if showTimeAxis {
            let y = inner.maxY - 1
            let from = state.timeLabel(step: firstStep)
            let to = state.timeLabel(step: session.step)
            grid.put(from, x: plot.x, y: y, style: axis)
            let toX = max(plot.x + lastColumn - TextLayout.width(to) + 1, plot.x + TextLayout.width(from) + 2)
            grid.put(to, x: toX, y: y, style: axis, limit: plot.maxX - toX)
            // The window's length between the two, if there is room.
            let middle = "◂ " + Format.duration(Double(lastStep - firstStep) * session.config.timeStep) + " ▸"
            let gapStart = plot.x + TextLayout.width(from) + 2, gapEnd = toX - 2
            if gapEnd - gapStart >= TextLayout.width(middle) {
                grid.put(middle, in: Rect(x: gapStart, y: y, width: gapEnd - gapStart, height: 1), style: axis, align: .center)
            }
        }
    }

    // MARK: - Volatility

    static func volatility(_ state: AppState, into grid: inout Grid, _ rect: Rect) {
        let session = state.session
        let window = Format.days(Double(session.config.volatilityWindow) * session.config.timeStep)
        let inner = Box("Volatility", trailing: [Span("window " + window, Style(.muted))]).render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let realized = session.rollingRealizedVol
        let ewma = session.ewmaRealizedVol
        let implied = session.book.live.isEmpty ? session.openingImpliedVol : session.impliedVol
        let gap = realized.map { $0 - implied }
        let gapRole: Role = (gap ?? 0) > 0 ? .up : (gap ?? 0) < 0 ? .down : .text
        let compact = inner.width < 56
        let line: [Span] = [
            Span(compact ? "rv " : "realized ", Style(.chartRealized, on: .background, .bold)),
            Span(Format.percent(realized), Style(.text)),
            Span(compact ? "  ewma " : "  EWMA ", Style(.chartEWMA)),
            Span(Format.percent(ewma), Style(.text)),
            Span(compact ? "  iv " : "  implied ", Style(.chartImplied, on: .background, .bold)),
            Span(Format.percent(implied), Style(.text)),
            Span("  gap ", Style(.muted)),
            Span(Format.points(gap) + (compact ? "" : " pts"), Style(gapRole, on: .background, .bold)),
        ]
        grid.put(line, x: inner.x + 1, y: inner.y, limit: inner.width - 2)
        guard inner.height >= 3, inner.width > axisWidth + 4 else { return }
        let plot = Rect(x: inner.x + axisWidth, y: inner.y + 1, width: inner.width - axisWidth - 1,
                        height: inner.height - 1)
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        let count = min(state.history.count, canvas.dotWidth)
        let rolling = state.history.rollingVols.suffix(count)
        let implieds = state.history.impliedVols.suffix(count)
        let values = (rolling + implieds).filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return }
        let pad = max((high - low) * 0.1, 0.005)
        let range = max(low - pad, 0)...(high + pad)
        canvas.plot(implieds, in: range, .chartImplied)
        canvas.plot(rolling, in: range, .chartRealized)
        canvas.render(into: &grid, x: plot.x, y: plot.y)
        let axis = Style(.muted)
        grid.put(TextLayout.pad(Format.percent(range.upperBound), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.y, style: axis)
        grid.put(TextLayout.pad(Format.percent(range.lowerBound), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.maxY - 1, style: axis)
    }
}
