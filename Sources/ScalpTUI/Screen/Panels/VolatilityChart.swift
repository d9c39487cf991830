import ScalpEngine
import ScalpFormat

/// Realized volatility (rolling window and EWMA, or the estimator `v` chose) against the book's
/// implied vol: the figures and their gap on the first line, and below in braille the history
/// of the estimate it leads with (the rolling vol by default; the title names any other) and
/// of implied.
struct VolatilityChart: Widget {
    let snapshot: ScreenSnapshot

    func render(into grid: inout Grid, _ rect: Rect) {
        let session = snapshot.session
        let axisWidth = PriceChart.axisWidth
        let window = Format.days(Double(session.config.volatilityWindow) * session.config.timeStep, on: session.config.dayCount)
        let reading = snapshot.volatilityReading
        let compact = rect.width < 58
        // The chart's line is the estimate the text leads with; the title names it unless it is
        // the rolling vol, labelled "realized" in the line's own colour.
        let title = reading == .closeToClose ? "Volatility" : "Volatility · " + (compact ? reading.shortName : reading.name)
        let inner = Box(title, trailing: [Span("window " + window, Style(.muted))]).render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let realized = session.rollingRealizedVol
        let ewma = session.ewmaRealizedVol
        let implied = snapshot.impliedVol ?? session.openingImpliedVol
        let leadRole: Role = switch reading {
        case .closeToClose: .chartRealized
        case .ewma: .chartEWMA
        default: .accent
        }
        let realizedSpans = [
            Span(compact ? "rv " : "realized ", Style(.chartRealized, on: .background, .bold)),
            Span(Format.percent(realized), Style(.text)),
        ]
        // The default leads with the rolling vol and the EWMA beside it; another reading (`v`)
        // leads with its own figure, the rolling vol beside it, and the gap is its own.
        let lead: Double?
        var line: [Span]
        if reading == .closeToClose {
            lead = realized
            line = realizedSpans + [
                Span(compact ? "  ewma " : "  EWMA ", Style(.chartEWMA)),
                Span(Format.percent(ewma), Style(.text)),
            ]
        } else {
            lead = reading.value(in: session)
            line = [
                Span((compact ? reading.shortName : reading.name) + " ", Style(leadRole, on: .background, .bold)),
                Span(Format.percent(lead), Style(.text)),
                Span("  ", Style(.text)),
            ] + realizedSpans
        }
        let gap = lead.map { $0 - implied }
        let gapRole: Role = (gap ?? 0) > 0 ? .up : (gap ?? 0) < 0 ? .down : .text
        line += [
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
        let count = min(snapshot.history.count, canvas.dotWidth)
        let realizeds = snapshot.history.realizedVols(reading).suffix(count)
        let implieds = snapshot.history.impliedVols.suffix(count)
        let values = (realizeds + implieds).filter(\.isFinite)
        guard let low = values.min(), let high = values.max() else { return }
        let pad = max((high - low) * 0.1, 0.005)
        let range = max(low - pad, 0)...(high + pad)
        canvas.plot(implieds, in: range, .chartImplied)
        canvas.plot(realizeds, in: range, leadRole)
        canvas.render(into: &grid, x: plot.x, y: plot.y)
        let axis = Style(.muted)
        grid.put(TextLayout.pad(Format.percent(range.upperBound), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.y, style: axis)
        grid.put(TextLayout.pad(Format.percent(range.lowerBound), axisWidth - 1, align: .right),
                 x: inner.x, y: plot.maxY - 1, style: axis)
    }
}
