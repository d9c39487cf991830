import ScalpEngine
import ScalpJournal
import ScalpFormat

/// The end-of-session summary over the screen: how it ended, the score and verdict, the
/// trainee against the benchmark, the P&L attribution and the session's facts.
struct SummaryOverlay: Widget {
    let snapshot: ScreenSnapshot
    let summary: SessionSummary

    static let width = 86

    /// The end-of-session summary: the score and verdict, the trainee against the benchmark,
    /// the P&L attribution and the session's facts. Sections give up detail (then blank lines)
    /// until the box fits the screen, so a small terminal keeps the score and the comparison.
    func render(into grid: inout Grid, _ area: Rect) {
        let s = summary
        let a = s.attribution
        let muted = Style(.muted)
        let bounds = area.inset(horizontal: 1, vertical: 1)
        let width = min(bounds.width, Self.width)
        let text = width - 6
        let session = snapshot.session
        let how: String
        switch snapshot.endReason {
        case .quit, nil: how = "You ended the session"
        case let reason?:
            let left = session.timeToNextExpiry.flatMap { $0 > OptionBook.timeTolerance ? $0 : nil }
            let sentence = reason.sentence(sessionLength: session.time, optionsLeft: left, clock: session.config.dayCount)
            how = sentence.prefix(1).uppercased() + sentence.dropFirst()
        }
        func row(_ label: String, _ value: String, _ style: Style = Style(.text)) -> [Span] {
            [Span(TextLayout.pad(label, 14), muted), Span(value, style)]
        }
        func pair(_ l1: String, _ v1: Double, _ l2: String, _ v2: Double) -> [Span] {
            [Span(TextLayout.pad("  " + l1, 14), muted), Span(TextLayout.pad(Format.money(v1), 13, align: .right), Style.signed(v1)),
             Span(TextLayout.pad("   " + l2, 14), muted), Span(TextLayout.pad(Format.money(v2), 13, align: .right), Style.signed(v2))]
        }

        // Each section's variants, the fullest first.
        var sections: [[[[Span]]]] = []
        var luck: Int?
        let ending = "\(how) (\(snapshot.timeLabel(step: s.step)), step \(s.step) of \(session.config.steps))."
        sections.append([TextLayout.wrap(ending, width: text).map { [Span($0, Style(.text))] }])
        if let score = s.score {
            let head: [Span] = [Span("Score ", Style(.text, on: .background, .bold)),
                                Span("\(Int(score.points))", Style(Self.scoreRole(score.points), on: .background, .bold)),
                                Span(" / 100", Style(.text, on: .background, .bold)),
                                s.step < session.config.steps
                                    ? Span("   provisional: only a finished session is ranked", Style(.warning))
                                    : Span("   among the reference hedge rules on the same path", muted)]
            let stretch = score.bestRule.flatMap { best in
                score.costliestStretch?.sentence(against: best, unit: snapshot.session.config.tradingUnit.name) {
                    Format.clock($0, on: snapshot.session.config.clock)
                }
            }
            let coach = s.coachUses == 0 ? nil : "You asked the coach \(s.coachUses == 1 ? "once" : "\(s.coachUses) times")."
            let debrief = [score.verdict, stretch, s.why, coach].compactMap { $0 }.joined(separator: " ")
            let verdict = TextLayout.wrap(debrief, width: text).map { [Span($0, Style(.text))] }
            sections.append([[head] + verdict])
            if let parts = score.decomposition {
                let line = "Parts: market \(Format.money(parts.market, 0))  hedging \(Format.money(parts.hedging, 0))"
                    + "  costs \(Format.money(parts.costs, 0))  rest \(Format.money(parts.rest, 0))"
                luck = sections.count
                var lines = TextLayout.wrap(line, width: text).map { [Span($0, muted)] }
                if let split = parts.luckAndSkillText {
                    lines += TextLayout.wrap(split, width: text).map { [Span($0, muted)] }
                }
                sections.append([lines, []])
            }
            sections.append([Self.scoreTable(score, limits: snapshot.scenario.riskLimits)])
        }
        let total = [Span(TextLayout.pad("Total P&L", 14), Style(.text, on: .background, .bold)),
                     Span(TextLayout.pad(Format.money(s.pnl), 13, align: .right), Style.signed(s.pnl).bold())]
        // The buckets two to a row, those that move with implied vol once implied vols have
        // moved; in the one-line form the higher orders only where they round to a whole unit.
        let volsMoved = PnLBucket.all.contains { $0.movesWithImpliedVol && a[$0] != 0 }
        let listed = a.presentBuckets.filter { volsMoved || !$0.movesWithImpliedVol }
        let pairs = stride(from: 0, to: listed.count, by: 2).map { index in
            let first = listed[index]
            guard index + 1 < listed.count else { return Array(pair(first.name, a[first], "", 0).prefix(2)) }
            return pair(first.name, a[first], listed[index + 1].name, a[listed[index + 1]])
        }
        let compactAttribution = "= " + a.presentBuckets.filter { !$0.isHigherOrder || abs(a[$0]) >= 0.5 }
            .map { "\($0.abbreviation) \(Format.money(a[$0], 0))" }.joined(separator: "  ")
        sections.append([
            [total] + pairs,
            [total] + TextLayout.wrap(compactAttribution, width: text - 2).map { [Span("  " + $0, muted)] },
            [total],
        ])
        let trades = row("Trades", "\(s.trades)  (manual \(s.manualTrades), auto \(s.autoTrades), close-out \(s.closeOutTrades))")
        let unit = snapshot.session.config.tradingUnit
        let shares = row(unit.name.prefix(1).uppercased() + unit.name.dropFirst() + " traded", Format.shares(s.sharesTraded) + "   costs " + Format.money(s.costs))
        let realized = row("Realized vol", Format.percent(s.realizedVol) + " vs implied " + Format.percent(s.impliedVol)
                           + "  (gap " + Format.points(s.realizedVol.map { $0 - s.impliedVol }) + " pts)")
        let error = row("Hedging error", Format.number(s.hedgingError) + " over the session, "
                        + Format.number(s.hedgingErrorPerStep) + " per step")
        let journal = snapshot.journalLocation.map { [row("Journal", $0)] } ?? []
        let parts = s.costParts.map { p in
            [row("Cost parts", p.pnlParts.map { "\($0.name) \(Format.money($0.pnl))" }
                .joined(separator: " "))]
        } ?? []
        sections.append([
            [trades, shares] + parts + [realized, error] + journal,
            [trades, realized] + journal,
            [realized] + journal,
            journal,
            [],
        ])
        sections.append([[[Span("Press Enter, Esc or q to close.", Style(.accent, on: .background, .bold))]]])

        // Give up detail until it fits: the attribution and the facts first, then blank lines
        // between sections (the least useful first), then the rest of the facts.
        let room = bounds.height - 4
        var chosen = Array(repeating: 0, count: sections.count)
        // blank[i]: a blank line before section i (never before the first).
        var blank = Array(repeating: true, count: sections.count)
        blank[0] = false
        func height() -> Int {
            var total = 0
            for (index, section) in sections.enumerated() where !section[chosen[index]].isEmpty {
                total += section[chosen[index]].count + (blank[index] && total > 0 ? 1 : 0)
            }
            return total
        }
        let attribution = sections.count - 3, facts = sections.count - 2, last = sections.count - 1
        let blankOrder = [facts, attribution, last, attribution - 1] + Array((1..<max(attribution - 1, 1)).reversed())
        for section in [attribution, facts, facts] where height() > room {
            chosen[section] = min(chosen[section] + 1, sections[section].count - 1)
        }
        for index in blankOrder.prefix(2) where height() > room { blank[index] = false }
        if height() > room { chosen[facts] = min(chosen[facts] + 1, sections[facts].count - 1) }
        for index in blankOrder where height() > room { blank[index] = false }
        if let luck, height() > room { chosen[luck] = 1 }
        for section in [attribution, facts] where height() > room { chosen[section] = sections[section].count - 1 }
        var lines: [[Span]] = []
        for (index, section) in sections.enumerated() where !section[chosen[index]].isEmpty {
            if blank[index], !lines.isEmpty { lines.append([]) }
            lines += section[chosen[index]]
        }
        OverlayBox(title: "Session summary", lines: lines, width: Self.width).render(into: &grid, bounds)
    }

    /// The trainee against the benchmark, one figure a row (the limits' rows where the
    /// scenario has them). The class board's trainee summary shows the same table.
    static func scoreTable(_ score: SessionGrade, limits: RiskLimits) -> [[Span]] {
        let muted = Style(.muted)
        let label = 22, column = 13
        func row(_ name: String, _ you: String, _ bench: String, _ youStyle: Style = Style(.text),
                 _ benchStyle: Style = Style(.text), note: String = "") -> [Span] {
            [Span(TextLayout.pad(name, label), muted), Span(TextLayout.pad(you, column, align: .right), youStyle),
             Span(TextLayout.pad(bench, column, align: .right), benchStyle), Span(note, muted)]
        }
        let header = Style(.muted, on: .background, .bold)
        var rows = [
            row("", "you", "benchmark", header, header),
            row("P&L", Format.money(score.traineePnL), Format.money(score.benchmarkPnL),
                Style.signed(score.traineePnL).bold(), Style.signed(score.benchmarkPnL),
                note: "  gap " + Format.money(score.traineePnL - score.benchmarkPnL)),
            row("Hedging error / step", Format.number(score.traineeHedgingError), Format.number(score.benchmarkHedgingError)),
            row("Costs paid", Format.number(score.traineeCosts), Format.number(score.benchmarkCosts)),
            row("Trades", "\(score.traineeTrades)", "\(score.benchmarkTrades)"),
        ]
        if limits.netDelta != nil {
            let breaches = score.deltaLimitBreaches
            rows.append(row("Time over delta limit", Format.percent(score.timeOverLimit), "",
                            Style(score.timeOverLimit > 0 ? .loss : .text),
                            note: breaches == 0 ? "" : "  \(breaches) breach\(breaches == 1 ? "" : "es")"))
        }
        if limits.loss != nil {
            rows.append(row("Loss limit", score.lossLimitBreached ? "breached" : "kept", "",
                            Style(score.lossLimitBreached ? .loss : .text)))
        }
        return rows
    }

    static func scoreRole(_ points: Double) -> Role {
        points >= 80 ? .profit : points >= 60 ? .warning : .loss
    }
}
