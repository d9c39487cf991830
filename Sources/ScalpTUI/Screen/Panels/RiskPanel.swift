import ScalpEngine
import ScalpFormat

/// Net delta against the hedge band (and the net-delta limit) with a gauge, then the book's
/// gamma, theta, vega, breakevens and the move since the last hedge.
struct RiskPanel: Widget {
    let snapshot: ScreenSnapshot

    func render(into grid: inout Grid, _ rect: Rect) {
        let session = snapshot.session
        let lot = session.lotSize
        let unit = session.config.tradingUnit
        // Lot 0 trades fractional shares (b/s then trade one share). Then, where there is
        // room, how far outside the touch B/S rest their orders.
        var trailing = [Span("lot ", Style(.muted)), Span(lot > 0 ? Format.shares(lot) : "fractional", Style(.text))]
        let limits = [Span(" · limit ", Style(.muted)), Span("\(snapshot.orderEntry.ticks)t", Style(.text))]
        if trailing.width + limits.width + 10 <= rect.width { trailing += limits }
        let inner = Box("Risk", trailing: trailing).render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let delta = snapshot.netDelta
        let ruleBand = session.hedgeBandHalfWidth
        let band = ruleBand ?? session.manualLot
        let outside = abs(delta) > band
        let limitStatus = snapshot.deltaLimit
        let deltaStyle = Style(limitStatus.role ?? (outside ? .warning : .text), on: .background, .bold)
        let compact = inner.height < 5 || inner.width < 34
        let bandText = (ruleBand != nil ? "band ±" : "lot ±") + Format.shares(band, sign: false)
        var lines: [[Span]] = []
        let deltaSpans = [
            Span(compact ? "Δ " : "Net delta ", Style(.muted)),
            Span(Format.shares(unit.showsFractions(lot: lot) ? delta : delta.rounded(), sign: true) + " " + unit.symbol, deltaStyle),
        ]
        lines.append(deltaSpans + limitSpans(band: Span("  " + bandText, Style(.muted)),
                                             room: inner.width - 2 - deltaSpans.width))
        // The gauge takes line 2.
        let greeks = snapshot.bookGreeks
        let theta = greeks.thetaPerDay(on: session.config.dayCount), vega = greeks.vegaPerVolPoint
        if compact {
            lines.append([
                Span("$Γ ", Style(.muted)), Span(Format.short(snapshot.dollarGamma), Style(.text)),
                Span(" Θ/d ", Style(.muted)), Span(Format.short(theta, sign: true), .signed(theta)),
                Span(" ν ", Style(.muted)), Span(Format.short(vega, sign: true), .signed(vega)),
            ])
        } else {
            let breakeven = session.breakevenMove, daily = session.breakevenDailyMove
            lines.append([
                Span("Gamma ", Style(.muted)), Span(Format.gamma(greeks.gamma) + " " + unit.symbol + "/$", Style(.text)),
                Span("  $Gamma ", Style(.muted)), Span(Format.number(snapshot.dollarGamma, 0) + "/1%", Style(.text)),
            ])
            lines.append([
                Span("Theta/day ", Style(.muted)), Span(Format.money(theta), .signed(theta)),
                Span("  Vega/1% ", Style(.muted)), Span(Format.money(vega), .signed(vega)),
            ])
            lines.append([
                Span("Breakeven ", Style(.muted)),
                Span("±" + Format.number(breakeven, 2), Style(.text)), Span("/step ", Style(.muted)),
                Span("±" + Format.number(daily, 2), Style(.text)), Span("/day", Style(.muted)),
            ])
            lines.append([
                Span("Spot moved ", Style(.muted)),
                Span(Format.number(session.spot - session.spotAtLastHedge, 2, sign: true), Style(.text)),
                Span(" since the last hedge", Style(.muted)),
            ])
        }
        var y = inner.y
        for (index, line) in lines.enumerated() {
            guard y < inner.maxY else { break }
            grid.put(line, x: inner.x + 1, y: y, limit: inner.width - 2)
            y += 1
            if index == 0, y < inner.maxY {
                CenteredGauge(value: delta, band: band, scale: 3 * band,
                              inside: limitStatus.role ?? .gauge, outside: limitStatus.isOver ? .loss : .warning)
                    .render(into: &grid, Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: 1))
                y += 1
            }
        }
    }

    /// The net-delta line's tail: the hedge band, and the net-delta limit with a warning as it
    /// nears and an alarm over it; the longest that fits in `room` columns.
    func limitSpans(band: Span, room: Int) -> [Span] {
        guard let limit = snapshot.scenario.riskLimits.netDelta else { return [band] }
        let limitText = "±" + Format.shares(limit)
        let candidates: [[Span]]
        switch snapshot.deltaLimit {
        case .over:
            let style = Style(.loss, on: .background, .bold)
            candidates = [[band, Span("  OVER LIMIT " + limitText, style)], [Span("  OVER LIMIT " + limitText, style)],
                          [Span("  OVER LIMIT", style)], [Span(" OVER", style)]]
        case .near(let usage):
            let style = Style(.warning, on: .background, .bold)
            let used = Format.number(usage * 100, 0) + "%"
            candidates = [[band, Span("  limit \(limitText) at \(used)", style)], [Span("  \(used) of limit \(limitText)", style)],
                          [Span("  \(used) of limit", style)], [Span(" \(used)", style)]]
        case .none, .within:
            candidates = [[band, Span("  limit " + limitText, Style(.muted))], [band]]
        }
        return candidates.first { $0.width <= room } ?? []
    }
}
