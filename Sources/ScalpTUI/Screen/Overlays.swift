import ScalpEngine

/// Boxes drawn over the dashboard: help, the end-of-session summary, and the message for a
/// terminal too small to draw in.
enum Overlays {
    static func tooSmall(into grid: inout Grid, width: Int, height: Int) {
        let lines = [
            "Terminal too small: \(width)×\(height)",
            "gammascalp needs at least \(Dashboard.minimumWidth)×\(Dashboard.minimumHeight).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = max((height - lines.count) / 2, 0)
        for (index, line) in lines.enumerated() where top + index < height {
            grid.put(line, in: Rect(x: 0, y: top + index, width: width, height: 1),
                     style: index == 0 ? Style(.warning, on: .background, .bold) : Style(.text), align: .center)
        }
    }

    /// Clears `rect` and draws a box in it; returns the inner area.
    static func panel(_ title: String, into grid: inout Grid, _ rect: Rect) -> Rect {
        grid.fill(rect, " ", Style(.text))
        let inner = Box(title: [Span(title, Style(.title, on: .background, .bold))], border: Style(.accent))
            .render(into: &grid, rect)
        return inner.inset(horizontal: 2, vertical: 1)
    }

    static func help(_ state: AppState, keyMap: KeyMap, into grid: inout Grid) {
        var lines: [[Span]] = []
        for binding in keyMap.bindings {
            let keys = binding.keys.map(\.description).joined(separator: " ")
            lines.append([Span(TextLayout.pad(keys, 14), Style(.accent, on: .background, .bold)),
                          Span(binding.help, Style(.text))])
        }
        lines.append([])
        let policies = state.policyCycle.map(\.description).joined(separator: " → ")
        lines.append([Span("A cycles  ", Style(.muted)), Span(policies, Style(.text))])
        lines.append([Span("Now       ", Style(.muted)),
                      Span(state.session.hedgeRule.label + (state.session.autoHedge ? " (auto on)" : " (auto off)"),
                           Style(.text))])
        let ladder = state.lotLadder.map { Format.shares($0) }.joined(separator: " ")
        lines.append([Span("Lots      ", Style(.muted)), Span(ladder, Style(.text))])
        lines.append([Span("Speed     ", Style(.muted)),
                      Span("\(Format.trimmed(state.scenario.stepsPerSecond)) steps/s at ×1; "
                           + "+/- double or halve (×1/64 to ×1024)", Style(.text))])
        lines.append([])
        lines.append([Span("Esc or ? closes this help", Style(.muted))])
        let bounds = grid.bounds.inset(horizontal: 2, vertical: 1)
        let width = min(max(lines.map(Panels.width).max() ?? 0, 40) + 6, bounds.width)
        let rect = bounds.centered(width: width, height: min(lines.count + 4, bounds.height))
        let inner = panel("Keys", into: &grid, rect)
        for (index, line) in lines.enumerated() where index < inner.height {
            grid.put(line, x: inner.x, y: inner.y + index, limit: inner.width)
        }
    }

    static func summary(_ state: AppState, into grid: inout Grid) {
        let s = state.summary
        let a = s.attribution
        let muted = Style(.muted)
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
        var lines: [[Span]] = [
            [Span("\(how) at \(Format.clock(s.time)), step \(s.step) of \(s.steps).", Style(.text))],
            [],
            [Span(TextLayout.pad("Total P&L", 14), Style(.text, on: .background, .bold)),
             Span(TextLayout.pad(Format.money(s.pnl), 13, align: .right), Panels.signed(s.pnl).bold())],
            pair("delta", a.delta, "gamma", a.gamma),
            pair("theta", a.theta, "vega", a.vega),
            pair("costs", a.costs, "financing", a.financing),
            [Span(TextLayout.pad("  residual", 14), muted),
             Span(TextLayout.pad(Format.money(a.residual), 13, align: .right), Panels.signed(a.residual))],
            [],
            row("Trades", "\(s.trades)  (manual \(s.manualTrades), auto \(s.autoTrades), close-out \(s.closeOutTrades))"),
            row("Shares traded", Format.shares(s.sharesTraded) + "   costs " + Format.money(s.costs)),
            row("Realized vol", Format.percent(s.realizedVol) + " vs implied " + Format.percent(s.impliedVol)
                + "  (gap " + Format.points(s.realizedVol.map { $0 - s.impliedVol }) + " pts)"),
            row("Hedging error", Format.number(s.hedgingError) + " over the session, "
                + Format.number(s.hedgingErrorPerStep) + " per step"),
        ]
        if let location = state.journalLocation {
            lines.append(row("Journal", location))
        }
        lines.append([])
        lines.append([Span("Press any key to exit.", Style(.accent, on: .background, .bold))])
        let bounds = grid.bounds.inset(horizontal: 1, vertical: 1)
        let width = min(max(lines.map(Panels.width).max() ?? 0, 60) + 6, bounds.width)
        let rect = bounds.centered(width: width, height: min(lines.count + 4, bounds.height))
        let inner = panel("Session summary", into: &grid, rect)
        for (index, line) in lines.enumerated() where index < inner.height {
            grid.put(line, x: inner.x, y: inner.y + index, limit: inner.width)
        }
    }
}
