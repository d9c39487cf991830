import ScalpEngine
import ScalpJournal
import ScalpFormat

/// The text panels: header, footer, option book, risk, P&L and blotter.
enum Panels {
    static let separator = " │ "

    // MARK: - Header

    static func header(_ state: AppState, into grid: inout Grid, _ rect: Rect) {
        let bar = Style(.text, on: .selection)
        grid.fill(rect, " ", bar)
        let session = state.session
        let text = Style(.text, on: .selection)
        let muted = Style(.muted, on: .selection)
        let sep = Span(separator, Style(.border, on: .selection))
        let name = Style(.accent, on: .selection, .bold)
        let runWord: String, runSymbol: String, runStyle: Style
        if state.endReason != nil || session.isFinished {
            (runSymbol, runWord, runStyle) = ("■", "ended", Style(.muted, on: .selection, .bold))
        } else if state.paused || state.holdsTime {
            (runSymbol, runWord, runStyle) = ("❚❚", "paused", Style(.warning, on: .selection, .bold))
        } else {
            (runSymbol, runWord, runStyle) = ("▶", "running", Style(.up, on: .selection, .bold))
        }
        let speed = Span(" " + Format.multiplier(state.speed), text)
        let auto = session.autoHedge
            ? Span("auto ON", Style(.profit, on: .selection, .bold))
            : Span("auto off", Style(.muted, on: .selection))
        let policy = Span(" " + session.hedgeRule.description + " ", text)
        let expiry = session.timeToNextExpiry
        let seed = String(state.seed)
        let clock = state.timeLabel(step: session.step)

        // Longest first; the first pair that fits is drawn.
        let tiers: [([Span], [Span])] = [
            ([Span(" gammascalp", Style(.title, on: .selection, .bold)), sep, Span(state.title, name), sep,
              Span("seed ", muted), Span(seed, text), sep, Span(clock, text), sep,
              Span("expiry ", muted), Span(state.expiryLabel(short: false) ?? expiry.map { Format.duration($0) } ?? "expired", text)],
             [Span(runSymbol + " " + runWord, runStyle), speed, Span(" " + Format.trimmed(state.stepsPerSecond) + " steps/s", muted),
              sep, auto, policy]),
            ([Span(" " + state.title, name), sep, Span("seed ", muted), Span(seed, text), sep,
              Span(clock, text), sep,
              Span("exp ", muted), Span(state.expiryLabel(short: false) ?? expiry.map { Format.days($0) } ?? "expired", text)],
             [Span(runSymbol + " " + runWord, runStyle), speed, sep, auto, policy]),
            ([Span(" " + state.title, name), sep, Span("#" + seed, text), sep,
              Span(state.timeLabel(step: session.step, short: true), text), sep, Span(state.expiryLabel(short: true) ?? expiry.map { Format.days($0) } ?? "expired", text)],
             [Span(runSymbol, runStyle), speed, sep, auto, policy]),
        ]
        var (left, right) = tiers.first { width($0.0) + width($0.1) + 1 <= rect.width } ?? tiers[tiers.count - 1]
        if let problem = state.journalProblem {
            right = [Span(" ⚠ " + problem + " ", Style(.warning, on: .selection, .bold))]
        }
        let rightWidth = min(width(right), rect.width)
        grid.put(left, x: rect.x, y: rect.y, limit: max(rect.width - rightWidth - 1, 0))
        grid.put(right, x: rect.maxX - rightWidth, y: rect.y, limit: rightWidth)
    }

    // MARK: - Footer

    static func footer(_ state: AppState, keyMap: KeyMap, into grid: inout Grid, _ rect: Rect) {
        grid.fill(rect, " ", Style(.text, on: .selection))
        let key = Style(.accent, on: .selection, .bold)
        let label = Style(.muted, on: .selection)
        let lot = Format.shares(state.session.lotSize)
        // The option ticket's key only where the key map has it (not in a replay).
        let ticket = !keyMap.keys(for: .optionTicket).isEmpty
        let wide: [(String, String)] = [
            ("space", "pause"), (".", "step"), ("h", "hedge"), ("b/s", "buy/sell \(lot)"), ("[ ]", "lot"),
            ("a", "auto"), ("A", "policy"), ("o", "options"), ("+/-", "speed"), ("?", "help"), ("q", "quit"),
        ].filter { ticket || $0.0 != "o" }
        let narrow: [(String, String)] = [
            ("␣", "pause"), (".", "step"), ("h", "hedge"), ("b/s", lot), ("[]", "lot"),
            ("a", "auto"), ("A", "policy"), ("o", "opt"), ("+-", "speed"), ("?", "help"), ("q", "quit"),
        ].filter { ticket || $0.0 != "o" }
        func spans(_ items: [(String, String)], gap: String) -> [Span] {
            items.flatMap { [Span(gap, label), Span($0.0, key), Span(" " + $0.1, label)] }
        }
        var line = spans(wide, gap: "  ")
        if width(line) > rect.width { line = spans(narrow, gap: " ") }
        if width(line) > rect.width { line = spans(narrow.filter { $0.0 != "." }, gap: " ") }
        if let ticketForm = state.trainingState.ticket {
            line = spans([("↑↓", "field"), ("←→", "change"), ("0-9", "type"), ("Enter", "send"), ("Esc", "cancel")], gap: "  ")
            if ticketForm.entry != nil { line += [Span("  ⌫", key), Span(" erase", label)] }
        } else if state.trainingState.showIntro {
            line = [Span(" any key", key), Span(state.paused ? " closes this" : " starts the session", label), Span("  ?", key), Span(" keys", label),
                    Span("  q", key), Span(" quit", label)]
        }
        if state.endReason != nil { line = [Span(" session ended: press any key to exit", key)] }
        grid.put(line, x: rect.x, y: rect.y, limit: rect.width)
    }

    // MARK: - Option book

    struct Column {
        var title: String
        var width: Int
        var align: Alignment = .right
    }

    static func book(_ state: AppState, into grid: inout Grid, _ rect: Rect) {
        let session = state.session
        let config = session.config
        let optionsValue = session.currentGreeks().price
        let value = optionsValue + session.stockShares * session.spot
        let inner = Box("Option book", trailing: [Span("options ", Style(.muted)),
                                                  Span(Format.number(optionsValue), Style(.text))])
            .render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let (columns, gap, wide) = bookColumns(width: inner.width)
        func draw(_ cells: [String], row: Int, style: Style) {
            guard row < inner.height else { return }
            var x = inner.x + 1
            for (index, column) in columns.enumerated() where index < cells.count {
                let text = TextLayout.pad(cells[index], column.width, align: column.align)
                grid.put(text, x: x, y: inner.y + row, style: style, limit: inner.maxX - x)
                x += column.width + gap
            }
        }
        draw(columns.map(\.title), row: 0, style: Style(.muted, on: .background, .bold))
        func fit(_ value: Double, _ column: Int, decimals: Int = 2, sign: Bool = true) -> String {
            Format.fit(value, width: columns[column].width, decimals: decimals, sign: sign)
        }
        var row = 1
        for position in session.book.positions {
            let unit = position.unitGreeks(spot: session.spot, time: session.time, rate: config.rate,
                                           dividendYield: config.dividendYield)
            let greeks = position.greeks(spot: session.spot, time: session.time, rate: config.rate,
                                         dividendYield: config.dividendYield)
            let expiry = position.isSettled ? "settled" : Format.days(position.timeToExpiry(at: session.time))
            var cells = [
                Format.shares(position.quantity, sign: true),
                position.kind.rawValue,
                Format.fit(position.strike, width: columns[2].width, decimals: 2),
                expiry,
                Format.percent(position.impliedVol),
                position.isSettled ? "-" : Format.fit(unit.price, width: columns[5].width, decimals: 2),
                fit(greeks.delta, 6, decimals: 0),
                fit(greeks.gamma, 7, decimals: 1, sign: false),
                fit(greeks.thetaPerDay, 8),
                fit(greeks.vegaPerVolPoint, 9),
            ]
            if wide { cells.append(fit(greeks.price, 10, sign: false)) }
            draw(cells, row: row, style: Style(position.isSettled ? .muted : .text))
            row += 1
        }
        var stock = [
            Format.shares(session.stockShares, sign: true), "stock", "", "", "",
            Format.fit(session.spot, width: columns[5].width, decimals: 2),
            fit(session.stockShares, 6, decimals: 0), "", "", "",
        ]
        if wide { stock.append(fit(session.stockShares * session.spot, 10, sign: false)) }
        draw(stock, row: row, style: Style(.text))
        row += 1
        let total = session.currentGreeks()
        var totals = [
            "", "total", "", "", Format.percent(session.book.live.isEmpty ? nil : session.impliedVol), "",
            fit(session.netDelta, 6, decimals: 0),
            fit(total.gamma, 7, decimals: 1, sign: false),
            fit(total.thetaPerDay, 8),
            fit(total.vegaPerVolPoint, 9),
        ]
        if wide { totals.append(fit(value, 10, sign: false)) }
        draw(totals, row: row, style: Style(.text, on: .background, .bold))
    }

    /// The book's columns for an inner width: roomy with a value column, then without it,
    /// then narrow.
    static func bookColumns(width: Int) -> (columns: [Column], gap: Int, wide: Bool) {
        func columns(narrow: Bool, value: Bool) -> [Column] {
            var columns = [
                Column(title: "Qty", width: narrow ? 4 : 6),
                Column(title: "Type", width: 5, align: .left),
                Column(title: "Strike", width: narrow ? 7 : 8),
                Column(title: "Expiry", width: narrow ? 6 : 8),
                Column(title: "IV", width: 6),
                Column(title: "Price", width: narrow ? 7 : 9),
                Column(title: "Delta", width: narrow ? 7 : 9),
                Column(title: "Gamma", width: narrow ? 6 : 8),
                Column(title: "Theta/d", width: narrow ? 9 : 10),
                Column(title: "Vega/1%", width: narrow ? 8 : 10),
            ]
            if value { columns.append(Column(title: "Value", width: 12)) }
            return columns
        }
        for (narrow, value, gap) in [(false, true, 2), (false, false, 2), (false, false, 1), (true, false, 1)] {
            let candidate = columns(narrow: narrow, value: value)
            let total = candidate.reduce(0) { $0 + $1.width } + gap * (candidate.count - 1) + 2
            if total <= width { return (candidate, gap, value) }
        }
        return (columns(narrow: true, value: false), 1, false)
    }

    // MARK: - Risk

    static func risk(_ state: AppState, into grid: inout Grid, _ rect: Rect) {
        let session = state.session
        let lot = session.lotSize
        let inner = Box("Risk", trailing: [Span("lot ", Style(.muted)), Span(Format.shares(lot), Style(.text))])
            .render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let delta = session.netDelta
        let ruleBand = session.hedgeBandHalfWidth
        let band = ruleBand ?? (lot > 0 ? lot : 100)
        let outside = abs(delta) > band
        let limitStatus = state.deltaLimitStatus
        let deltaStyle = Style(limitStatus.role ?? (outside ? .warning : .text), on: .background, .bold)
        let compact = inner.height < 5 || inner.width < 34
        let bandText = (ruleBand != nil ? "band ±" : "lot ±") + Format.shares(band, sign: false)
        var lines: [[Span]] = []
        let deltaSpans = [
            Span(compact ? "Δ " : "Net delta ", Style(.muted)),
            Span(Format.shares(delta.rounded(), sign: true) + " sh", deltaStyle),
        ]
        lines.append(deltaSpans + deltaLimitSpans(state, band: Span("  " + bandText, Style(.muted)),
                                                  room: inner.width - 2 - width(deltaSpans)))
        // The gauge takes line 2.
        let greeks = session.currentGreeks()
        if compact {
            lines.append([
                Span("$Γ ", Style(.muted)), Span(Format.short(session.dollarGamma), Style(.text)),
                Span(" Θ/d ", Style(.muted)), Span(Format.short(greeks.thetaPerDay, sign: true), signed(greeks.thetaPerDay)),
                Span(" ν ", Style(.muted)), Span(Format.short(greeks.vegaPerVolPoint, sign: true), signed(greeks.vegaPerVolPoint)),
            ])
        } else {
            lines.append([
                Span("Gamma ", Style(.muted)), Span(Format.number(greeks.gamma, 1) + " sh/$", Style(.text)),
                Span("  $Gamma ", Style(.muted)), Span(Format.number(session.dollarGamma, 0) + "/1%", Style(.text)),
            ])
            lines.append([
                Span("Theta/day ", Style(.muted)), Span(Format.money(greeks.thetaPerDay), signed(greeks.thetaPerDay)),
                Span("  Vega/1% ", Style(.muted)), Span(Format.money(greeks.vegaPerVolPoint), signed(greeks.vegaPerVolPoint)),
            ])
            lines.append([
                Span("Breakeven ", Style(.muted)),
                Span("±" + Format.number(session.breakevenMove, 2), Style(.text)), Span("/step ", Style(.muted)),
                Span("±" + Format.number(session.breakevenDailyMove, 2), Style(.text)), Span("/day", Style(.muted)),
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

    // MARK: - P&L

    static func pnl(_ state: AppState, into grid: inout Grid, _ rect: Rect) {
        let session = state.session
        let title = " P&L "
        let inner = Box("P&L", trailing: pnlTrailing(state, room: rect.width - TextLayout.width(title) - 6))
            .render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let a = session.attribution
        let content = inner.inset(horizontal: 1, vertical: 0)
        let bench = state.benchmark.pnl
        let lossRole = state.lossLimitStatus.role
        // Pairs, two to a row: the trainee against the benchmark first, then the attribution.
        let items: [(String, Double, Style?)] = [
            ("you", session.pnl, Style(lossRole ?? .text, on: .background, .bold)),
            ("bench", bench, Style(.text, on: .background, .bold)),
            ("gap", state.pnlGap, nil), ("costs", a.costs, nil),
            ("delta", a.delta, nil), ("gamma", a.gamma, nil), ("theta", a.theta, nil), ("vega", a.vega, nil),
            ("financing", a.financing, nil), ("residual", a.residual, nil),
        ]
        let rowsOfPairs = (items.count + 1) / 2
        let pairRows = min(rowsOfPairs, inner.height)
        let half = content.width / 2
        let labelWidth = half >= 20 ? 10 : 6
        for row in 0..<pairRows {
            for column in 0..<2 {
                let index = row * 2 + column
                guard index < items.count else { continue }
                let (name, value, labelStyle) = items[index]
                let x = content.x + column * half
                let short = ["financing": "fin.", "residual": "resid"][name] ?? name
                let label = TextLayout.pad(labelWidth >= 10 ? name : short, labelWidth)
                let valueWidth = half - labelWidth - 1
                let text = TextLayout.pad(Format.fit(value, width: valueWidth, sign: true), valueWidth, align: .right)
                let valueStyle = index < 2 ? signed(value).bold() : signed(value)
                grid.put([Span(label, labelStyle ?? Style(.muted)), Span(text, valueStyle)], x: x, y: content.y + row,
                         limit: half - 1)
            }
        }
        let sparkTop = pairRows
        guard inner.height - sparkTop >= 1 else { return }
        let pnls = Array(state.history.pnls)
        Sparkline(pnls) { $0 >= 0 ? .profit : .loss }
            .render(into: &grid, Rect(x: content.x, y: content.y + sparkTop, width: content.width,
                                      height: min(inner.height - sparkTop, 4)))
    }

    /// The P&L box's trailing title: the benchmark's rule, or the loss limit when it is near
    /// or breached; the longest that fits in `room` columns.
    static func pnlTrailing(_ state: AppState, room: Int) -> [Span] {
        let rule = state.scenario.benchmarkRule.description
        let candidates: [[Span]]
        switch state.lossLimitStatus {
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
        return candidates.first { width($0) + 2 <= room } ?? []
    }

    /// The net-delta line's tail: the hedge band, and the net-delta limit with a warning as it
    /// nears and an alarm over it; the longest that fits in `room` columns.
    static func deltaLimitSpans(_ state: AppState, band: Span, room: Int) -> [Span] {
        guard let limit = state.scenario.riskLimits.netDelta else { return [band] }
        let limitText = "±" + Format.shares(limit)
        let candidates: [[Span]]
        switch state.deltaLimitStatus {
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
        return candidates.first { width($0) <= room } ?? []
    }

    // MARK: - Blotter

    static func blotter(_ state: AppState, into grid: inout Grid, _ rect: Rect) {
        let session = state.session
        let options = session.optionTradeCount > 0 ? " · \(session.optionTradeCount) opt" : ""
        let inner = Box("Trades", trailing: [Span("\(session.tradeCount)" + options, Style(.text))]).render(into: &grid, rect)
        guard inner.height >= 1 else { return }
        let content = inner.inset(horizontal: 1, vertical: 0)
        let showCost = content.width >= 36
        let showReason = content.width >= 42
        let narrow = content.width < 32
        var columns = [Column(title: "Time", width: 8, align: .left), Column(title: "Side", width: 4, align: .left),
                       Column(title: "Qty", width: narrow ? 5 : 6), Column(title: "Price", width: narrow ? 7 : 8)]
        if showCost { columns.append(Column(title: "Cost", width: 6)) }
        if showReason { columns.append(Column(title: "By", width: 6, align: .left)) }
        func draw(_ cells: [(String, Style)], row: Int) {
            var x = content.x
            for (index, column) in columns.enumerated() where index < cells.count {
                grid.put(TextLayout.pad(cells[index].0, column.width, align: column.align), x: x, y: content.y + row,
                         style: cells[index].1, limit: content.maxX - x)
                x += column.width + 1
            }
        }
        draw(columns.map { ($0.title, Style(.muted, on: .background, .bold)) }, row: 0)
        let rows = blotterRows(state, count: max(content.height - 1, 0))
        if rows.isEmpty, content.height >= 2 {
            grid.put("no trades yet: h hedges, b/s trade, a auto", in: content.row(1), style: Style(.muted))
        }
        for (offset, row) in rows.enumerated() {
            switch row {
            case .option(let fill):
                // An option trade: its time, then the trade in words across the other columns.
                let side = Style(fill.isBuy ? .up : .down, on: .background, .bold)
                grid.put([Span(TextLayout.pad(state.timeLabel(step: fill.step, short: true), 9), Style(.muted)),
                          Span(fill.description, side), Span(" @ " + Format.number(fill.price, 2), Style(.text))],
                         x: content.x, y: content.y + offset + 1, limit: content.width)
            case .stock(let trade):
                let buy = trade.quantity > 0
                let side = Style(buy ? .up : .down, on: .background, .bold)
                let reason = trade.reason == .closeOut ? "close" : trade.reason.rawValue
                var cells: [(String, Style)] = [
                    (state.timeLabel(step: trade.step, short: true), Style(.muted)), (buy ? "BUY" : "SELL", side),
                    (Format.shares(abs(trade.quantity)), Style(.text)), (Format.number(trade.price, 2), Style(.text)),
                ]
                if showCost { cells.append((Format.number(trade.cost, 2), Style(.muted))) }
                if showReason { cells.append((reason, Style(trade.reason == .manual ? .accent : .muted))) }
                draw(cells, row: offset + 1)
            }
        }
    }

    /// A blotter line: a trade in the underlying, or an option trade from the ticket.
    enum BlotterRow {
        case stock(Trade)
        case option(OptionFill)
    }

    /// The newest `count` trades, stock and options merged in the order they happened, newest first.
    static func blotterRows(_ state: AppState, count: Int) -> [BlotterRow] {
        let session = state.session
        var stock = session.recentTrades.reversed().makeIterator()
        var stockIndex = session.tradeCount - 1  // the next stock trade's index among all the session's
        var options = state.trainingState.fills.reversed().makeIterator()
        var nextStock = stock.next(), nextOption = options.next()
        var rows: [BlotterRow] = []
        while rows.count < count {
            if let fill = nextOption, nextStock == nil || fill.stockTradesBefore > stockIndex {
                rows.append(.option(fill))
                nextOption = options.next()
            } else if let trade = nextStock {
                rows.append(.stock(trade))
                nextStock = stock.next()
                stockIndex -= 1
            } else {
                break
            }
        }
        return rows
    }

    // MARK: - Helpers

    static func signed(_ value: Double) -> Style {
        value > 0.004 ? Style(.profit) : value < -0.004 ? Style(.loss) : Style(.text)
    }

    static func width(_ spans: [Span]) -> Int { spans.reduce(0) { $0 + TextLayout.width($1.text) } }
}
