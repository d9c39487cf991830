import ScalpEngine
import ScalpFormat
import ScalpJournal

/// One trainee's summary over the class board (Enter on a row): where the session is, the
/// score so far and its verdict, the trainee against the benchmark (the table the end-of-
/// session summary shows), the P&L attribution and trades, and what is wrong with the file.
struct TraineeSummaryOverlay: Widget {
    let row: ClassRow

    func render(into grid: inout Grid, _ area: Rect) {
        let bounds = area.inset(horizontal: 1, vertical: 1)
        let width = min(bounds.width, SummaryOverlay.width)
        let text = max(width - 6, 10)
        let muted = Style(.muted)
        var lines: [[Span]] = []
        var verdictAt: Int?
        let ended = row.endReason.map { " (\($0.rawValue))" } ?? ""
        let position = row.start == nil ? "" : " at \(Format.clock(row.time)), step \(row.step) of \(row.steps)"
        lines.append([Span(row.state.rawValue.prefix(1).uppercased() + row.state.rawValue.dropFirst() + ended + position + ".",
                           Style(BoardTable.role(for: row.state), on: .background, .bold))])
        if let apart = row.apart { lines.append([Span("Not ranked: another market (\(apart)).", Style(.warning))]) }
        for note in row.notes { lines.append([Span(TextLayout.sanitize(note), Style(.warning))]) }
        if let score = row.score, let start = row.start {
            lines.append([])
            lines.append([Span("Score so far ", Style(.text, on: .background, .bold)),
                          Span("\(Int(score.points))", Style(SummaryOverlay.scoreRole(score.points), on: .background, .bold)),
                          Span(" / 100", Style(.text, on: .background, .bold)),
                          Span("   decisions among the reference rules on this path", muted)])
            verdictAt = lines.count
            lines += TextLayout.wrap(score.verdict, width: text).map { [Span($0, Style(.text))] }
            lines.append([])
            lines += SummaryOverlay.scoreTable(score, limits: start.scenario.riskLimits)
        }
        if let s = row.summary {
            let a = s.attribution
            lines.append([])
            lines += TextLayout.wrap("P&L \(Format.money(s.pnl)) = "
                                     + PnLBucket.headline.map { "\($0.abbreviation) \(Format.money(a[$0], 0))" }.joined(separator: "  "),
                                     width: text)
                .map { [Span($0, muted)] }
            // The vols go to a line of their own where both do not fit: never cut, never split.
            let trades = "Trades \(s.trades) (manual \(s.manualTrades), auto \(s.autoTrades), close-out \(s.closeOutTrades))"
            let vols = "realized vol \(Format.percent(s.realizedVol)) vs implied \(Format.percent(s.impliedVol))"
            let together = trades + "   " + vols
            lines += (TextLayout.width(together) <= text ? [together] : [trades, vols]).map { [Span($0, muted)] }
        }
        lines.append([])
        lines.append([Span("Esc closes · ↑↓ another trainee", Style(.accent, on: .background, .bold))])
        // On a short screen the verdict's later sentences give way (ending in "…"), so the
        // numbers below it are never cut.
        let room = bounds.height - 2
        if lines.count > room, let start = verdictAt, let score = row.score {
            let verdict = TextLayout.wrap(score.verdict, width: text)
            let keep = max(1, verdict.count - (lines.count - room))
            if keep < verdict.count {
                var kept = Array(verdict.prefix(keep))
                kept[keep - 1] = TextLayout.fit(kept[keep - 1] + " …", width: text)
                lines.replaceSubrange(start..<(start + verdict.count), with: kept.map { [Span($0, Style(.text))] })
            }
        }
        OverlayBox(title: TextLayout.sanitize(row.trainee), lines: lines, width: SummaryOverlay.width).render(into: &grid, bounds)
    }
}
