import ScalpEngine
import ScalpJournal
import ScalpFormat

/// The training overlays: the scenario's introduction at the start, the option ticket, and
/// the end-of-session summary with the score against the benchmark hedger.
extension Overlays {
    // MARK: - Intro

    static func intro(_ state: AppState, into grid: inout Grid) {
        let scenario = state.scenario
        let bounds = grid.bounds.inset(horizontal: 2, vertical: 1)
        let width = min(bounds.width, 76)
        let text = width - 6
        let label = 11
        let muted = Style(.muted)
        func labelled(_ name: String, _ value: String, _ style: Style = Style(.text)) -> [[Span]] {
            TextLayout.wrap(value, width: text - label).enumerated().map { index, part in
                [Span(TextLayout.pad(index == 0 ? name : "", label), muted), Span(part, style)]
            }
        }
        var lines: [[Span]] = TextLayout.wrap(TextLayout.sanitize(scenario.description), width: text)
            .map { [Span($0, Style(.text))] }
        lines.append([])
        let goal = TextLayout.sanitize(scenario.learningGoal)
        if !goal.isEmpty { lines += labelled("Goal", goal, Style(.accent)) }
        lines += labelled("Benchmark", "a hedger on \(scenario.benchmarkRule.label) (\(scenario.benchmarkRule.description)) "
                          + "trades the same book on the same price path; your score is measured against it")
        var limits: [String] = []
        if let delta = scenario.riskLimits.netDelta { limits.append("net delta ±\(Format.shares(delta)) shares") }
        if let loss = scenario.riskLimits.loss { limits.append("loss \(Format.number(loss, 0))") }
        var limitsText = limits.isEmpty ? "none" : limits.joined(separator: ", ")
        if scenario.riskLimits.netDelta != nil { limitsText += "; time over the delta limit costs points" }
        if scenario.riskLimits.loss != nil { limitsText += "; a loss beyond the limit costs the limit points" }
        lines += labelled("Limits", limitsText)
        let you = labelled("You", "hedge with h, b/s and a; trade options with o; ? lists every key")
        let start = state.paused ? "Press any key to close this (the session is paused)." : "Press any key to start."
        let footer: [[Span]] = [[], [Span(start, Style(.accent, on: .background, .bold))]]
        // A long description gives up the key hints, then its last lines; the prompt always shows.
        let room = bounds.height - 4 - footer.count
        if lines.count + you.count <= room { lines += you }
        if lines.count > room, room > 0 {
            lines = Array(lines.prefix(room))
            lines[room - 1] = [Span("…", muted)]
        }
        lines += footer
        let rect = bounds.centered(width: width, height: min(lines.count + 4, bounds.height))
        let area = panel(state.title, into: &grid, rect)
        for (index, line) in lines.enumerated() where index < area.height {
            grid.put(line, x: area.x, y: area.y + index, limit: area.width)
        }
    }

    // MARK: - Option ticket

    static func ticket(_ state: AppState, _ ticket: OptionTicket, into grid: inout Grid) {
        let session = state.session
        let quote = ticket.quote(session)
        let muted = Style(.muted)
        let text = Style(.text)
        let label = 10
        let valueWidth = 14
        func field(_ field: OptionTicket.Field, hint: String) -> [Span] {
            let focused = field == ticket.focus
            let value = ticket.text(for: field) + (focused && ticket.entry != nil ? "▏" : "")
            let shown = focused ? "◂ " + value + " ▸" : "  " + value
            return [Span(TextLayout.pad(field.label, label), focused ? Style(.accent, on: .background, .bold) : muted),
                    Span(shown, focused ? Style(.accent, on: .background, [.bold, .reverse]) : text.bold()),
                    Span(String(repeating: " ", count: max(valueWidth - TextLayout.width(shown), 1)), text),
                    Span(hint, muted)]
        }
        let expiryHint = ticket.bookExpiry != nil ? "days, the book's expiry" : "days"
        let multiplier = Format.trimmed(ticket.multiplier)
        let buying = ticket.side == .buy
        var lines: [[Span]] = [
            field(.side, hint: "buy or sell"),
            field(.kind, hint: "call, put or straddle"),
            field(.strike, hint: "spot " + Format.number(session.spot, 2) + ", grid " + Format.trimmed(ticket.strikeStep)),
            field(.expiry, hint: expiryHint),
            field(.quantity, hint: "contracts × " + multiplier + (ticket.kind == .straddle ? " each leg" : "")),
            [],
            [Span(TextLayout.pad("Model", label), muted), Span(Format.number(quote.modelPrice, 2), text),
             Span(" a share at IV " + Format.percent(quote.impliedVol), muted)],
            [Span(TextLayout.pad("Fill", label), muted), Span(Format.number(quote.fillPrice, 2), text.bold()),
             Span(" with the spread of ±" + Format.number(quote.halfSpreadVol * 100, 1) + " vol pt", muted)],
            [Span(TextLayout.pad("Premium", label), muted),
             Span((buying ? "pay " : "receive ") + Format.number(abs(quote.premium), 2), Style(buying ? .down : .up, on: .background, .bold)),
             Span("  spread cost " + Format.number(quote.spreadCost, 2), muted)],
            [Span(TextLayout.pad("Delta", label), muted),
             Span(Format.shares(quote.deltaChange.rounded(), sign: true) + " sh", Panels.signed(quote.deltaChange)),
             Span("  net " + Format.shares(session.netDelta.rounded(), sign: true) + " → ", muted),
             Span(Format.shares(quote.netDeltaAfter.rounded(), sign: true) + " sh", text.bold())],
        ]
        if let problem = ticket.problem {
            lines.append([Span("! " + problem, Style(.loss, on: .background, .bold))])
        } else {
            lines.append([Span("Enter sends at the fill · Esc cancels · time is stopped", muted)])
        }
        let bounds = grid.bounds.inset(horizontal: 2, vertical: 1)
        let width = min(bounds.width, 64)
        let rect = bounds.centered(width: width, height: min(lines.count + 4, bounds.height))
        let area = panel("Option ticket", into: &grid, rect)
        for (index, line) in lines.enumerated() where index < area.height {
            grid.put(line, x: area.x, y: area.y + index, limit: area.width)
        }
    }

    // MARK: - Summary

    /// The end-of-session summary: the score and verdict, the trainee against the benchmark,
    /// the P&L attribution and the session's facts. Sections give up detail (then blank lines)
    /// until the box fits the screen, so a small terminal keeps the score and the comparison.
    static func summary(_ state: AppState, into grid: inout Grid) {
        let s = state.summary
        let a = s.attribution
        let muted = Style(.muted)
        let bounds = grid.bounds.inset(horizontal: 1, vertical: 1)
        let width = min(bounds.width, 86)
        let text = width - 6
        let how: String
        switch state.endReason {
        case .expired: how = "The options expired"
        case .terminated: how = "Stopped by a signal"
        default: how = "You ended the session"
        }
        func row(_ label: String, _ value: String, _ style: Style = Style(.text)) -> [Span] {
            [Span(TextLayout.pad(label, 14), muted), Span(value, style)]
        }
        func pair(_ l1: String, _ v1: Double, _ l2: String, _ v2: Double) -> [Span] {
            [Span(TextLayout.pad("  " + l1, 14), muted), Span(TextLayout.pad(Format.money(v1), 13, align: .right), Panels.signed(v1)),
             Span(TextLayout.pad("   " + l2, 14), muted), Span(TextLayout.pad(Format.money(v2), 13, align: .right), Panels.signed(v2))]
        }

        // Each section's variants, the fullest first.
        var sections: [[[[Span]]]] = []
        sections.append([[[Span("\(how) at \(state.timeLabel(step: s.step)), step \(s.step) of \(state.session.config.steps).", Style(.text))]]])
        if let score = s.score {
            let rule = s.benchmarkRule?.description ?? "?"
            let head: [Span] = [Span("Score ", Style(.text, on: .background, .bold)),
                                Span("\(Int(score.points))", Style(scoreRole(score.points), on: .background, .bold)),
                                Span(" / 100", Style(.text, on: .background, .bold)),
                                Span("   against the benchmark hedger (\(rule)) on the same path", muted)]
            let verdict = TextLayout.wrap(score.verdict, width: text).map { [Span($0, Style(.text))] }
            sections.append([[head] + verdict])
            sections.append([scoreTable(score, state: state)])
        }
        let total = [Span(TextLayout.pad("Total P&L", 14), Style(.text, on: .background, .bold)),
                     Span(TextLayout.pad(Format.money(s.pnl), 13, align: .right), Panels.signed(s.pnl).bold())]
        let compactAttribution = "= delta \(Format.money(a.delta, 0))  gamma \(Format.money(a.gamma, 0))"
            + "  theta \(Format.money(a.theta, 0))  vega \(Format.money(a.vega, 0))  costs \(Format.money(a.costs, 0))"
            + "  fin. \(Format.money(a.financing, 0))  resid. \(Format.money(a.residual, 0))"
        sections.append([
            [total, pair("delta", a.delta, "gamma", a.gamma), pair("theta", a.theta, "vega", a.vega),
             pair("costs", a.costs, "financing", a.financing),
             [Span(TextLayout.pad("  residual", 14), muted),
              Span(TextLayout.pad(Format.money(a.residual), 13, align: .right), Panels.signed(a.residual))]],
            [total] + TextLayout.wrap(compactAttribution, width: text - 2).map { [Span("  " + $0, muted)] },
            [total],
        ])
        let trades = row("Trades", "\(s.trades)  (manual \(s.manualTrades), auto \(s.autoTrades), close-out \(s.closeOutTrades))")
        let shares = row("Shares traded", Format.shares(s.sharesTraded) + "   costs " + Format.money(s.costs))
        let realized = row("Realized vol", Format.percent(s.realizedVol) + " vs implied " + Format.percent(s.impliedVol)
                           + "  (gap " + Format.points(s.realizedVol.map { $0 - s.impliedVol }) + " pts)")
        let error = row("Hedging error", Format.number(s.hedgingError) + " over the session, "
                        + Format.number(s.hedgingErrorPerStep) + " per step")
        let journal = state.journalLocation.map { [row("Journal", $0)] } ?? []
        sections.append([
            [trades, shares, realized, error] + journal,
            [trades, realized] + journal,
            [realized] + journal,
            journal,
            [],
        ])
        sections.append([[[Span("Press any key to exit.", Style(.accent, on: .background, .bold))]]])

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
        for section in [attribution, facts] where height() > room { chosen[section] = sections[section].count - 1 }
        var lines: [[Span]] = []
        for (index, section) in sections.enumerated() where !section[chosen[index]].isEmpty {
            if blank[index], !lines.isEmpty { lines.append([]) }
            lines += section[chosen[index]]
        }
        let rect = bounds.centered(width: width, height: min(lines.count + 4, bounds.height))
        let inner = panel("Session summary", into: &grid, rect)
        for (index, line) in lines.enumerated() where index < inner.height {
            grid.put(line, x: inner.x, y: inner.y + index, limit: inner.width)
        }
    }

    /// The trainee against the benchmark, one figure a row.
    static func scoreTable(_ score: TrainingScore, state: AppState) -> [[Span]] {
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
                Panels.signed(score.traineePnL).bold(), Panels.signed(score.benchmarkPnL),
                note: "  gap " + Format.money(score.traineePnL - score.benchmarkPnL)),
            row("Hedging error / step", Format.number(score.traineeHedgingError), Format.number(score.benchmarkHedgingError)),
            row("Costs paid", Format.number(score.traineeCosts), Format.number(score.benchmarkCosts)),
            row("Trades", "\(score.traineeTrades)", "\(score.benchmarkTrades)"),
        ]
        let limits = state.scenario.riskLimits
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

extension TextLayout {
    /// `text` broken into lines of at most `width` columns at spaces (a word longer than a
    /// line is cut).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            while self.width(word) > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                let scalars = word.unicodeScalars
                lines.append(String(String.UnicodeScalarView(scalars.prefix(width))))
                word = String(String.UnicodeScalarView(scalars.dropFirst(width)))
            }
            if word.isEmpty { continue }
            if current.isEmpty {
                current = word
            } else if self.width(current) + 1 + self.width(word) <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
