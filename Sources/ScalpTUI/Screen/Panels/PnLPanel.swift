import ScalpEngine
import ScalpFormat

/// The trainee's P&L beside the benchmark's, the gap and the attribution, two figures to a
/// row, and a sparkline of the P&L below when there is room.
struct PnLPanel: Widget {
    let snapshot: ScreenSnapshot

    func render(into grid: inout Grid, _ rect: Rect) {
        let title = " P&L "
        let inner = Box("P&L", trailing: trailing(room: rect.width - TextLayout.width(title) - 6))
            .render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let a = snapshot.session.attribution
        let content = inner.inset(horizontal: 1, vertical: 0)
        let lossRole = snapshot.lossLimit.role
        // Pairs, two to a row: the trainee against the benchmark first, then the attribution:
        // costs beside the gap, the first-order Greeks, then the higher orders and funding that
        // are not zero (vanna and volga only move with implied vol) when their rows fit with a
        // row of sparkline to spare, and the rest (financing, residual).
        let buckets = PnLBucket.all
        let occasional = buckets.filter { ($0.isHigherOrder || $0.onlyWhenNonZero) && a[$0] != 0 }
        let firstOrder = buckets.filter { $0.kind == .greek && !$0.isHigherOrder }
        let rest = buckets.filter { $0.kind != .greek && $0.kind != .costs && !$0.onlyWhenNonZero }
        func item(_ bucket: PnLBucket) -> (String, String, Double, Style?) {
            (bucket.name, bucket.abbreviation, a[bucket], nil)
        }
        var items: [(String, String, Double, Style?)] = [
            ("you", "you", snapshot.pnl, Style(lossRole ?? .text, on: .background, .bold)),
            ("bench", "bench", snapshot.benchmarkPnL, Style(.text, on: .background, .bold)),
            ("gap", "gap", snapshot.pnlGap, nil),
        ] + buckets.filter { $0.kind == .costs }.map(item) + firstOrder.map(item)
        if (items.count + occasional.count + rest.count + 1) / 2 < inner.height { items += occasional.map(item) }
        items += rest.map(item)
        let rowsOfPairs = (items.count + 1) / 2
        let pairRows = min(rowsOfPairs, inner.height)
        let half = content.width / 2
        let labelWidth = half >= 20 ? 10 : 6
        for row in 0..<pairRows {
            for column in 0..<2 {
                let index = row * 2 + column
                guard index < items.count else { continue }
                let (name, abbreviation, value, labelStyle) = items[index]
                let x = content.x + column * half
                // A short label keeps a column before the value.
                let label = TextLayout.pad(labelWidth >= 10 ? name : String(abbreviation.prefix(labelWidth - 1)), labelWidth)
                let valueWidth = half - labelWidth - 1
                let text = TextLayout.pad(Format.fit(value, width: valueWidth, sign: true), valueWidth, align: .right)
                let valueStyle = index < 2 ? Style.signed(value).bold() : Style.signed(value)
                grid.put([Span(label, labelStyle ?? Style(.muted)), Span(text, valueStyle)], x: x, y: content.y + row,
                         limit: half - 1)
            }
        }
        let sparkTop = pairRows
        guard inner.height - sparkTop >= 1 else { return }
        Sparkline(Array(snapshot.history.pnls)) { $0 >= 0 ? .profit : .loss }
            .render(into: &grid, Rect(x: content.x, y: content.y + sparkTop, width: content.width,
                                      height: min(inner.height - sparkTop, 4)))
    }

    /// The box's trailing title: the benchmark's rule, or the loss limit when it is near or
    /// breached; the longest that fits in `room` columns.
    func trailing(room: Int) -> [Span] {
        let rule = snapshot.scenario.benchmarkRule.description
        let candidates: [[Span]]
        switch snapshot.lossLimit {
        case .over:
            let style = Style(.loss, on: .background, .bold)
            candidates = [[Span("OVER LOSS LIMIT", style)], [Span("LOSS LIMIT", style)]]
        case .near(let usage):
            let style = Style(.warning, on: .background, .bold)
            let used = Format.number(usage * 100, 0) + "%"
            candidates = [[Span("loss at \(used) of limit", style)], [Span("loss \(used) of lim", style)], [Span("loss \(used)", style)]]
        case .none, .within:
            candidates = [[Span("bench ", Style(.muted)), Span(rule, Style(.text))], [Span(rule, Style(.text))]]
        }
        return candidates.first { $0.width + 2 <= room } ?? []
    }
}
