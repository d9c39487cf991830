import ScalpEngine
import ScalpFormat

/// The bottom line: the keys that do something now. Only commands the active key map binds
/// are listed (a replay's map has no trading keys); an open ticket, intro or summary lists
/// its own keys instead.
struct FooterBar: Widget {
    let snapshot: ScreenSnapshot
    let keyMap: KeyMap

    /// A hint: the key as shown wide and narrow, its label wide and narrow, and the commands
    /// it stands for (shown only when the key map binds all of them).
    struct Hint {
        var key: String, narrowKey: String
        var label: String, narrowLabel: String
        var commands: [Command]
    }

    static func hints(lot: String, ticks: Int) -> [Hint] {
        [
            Hint(key: "space", narrowKey: "␣", label: "pause", narrowLabel: "pause", commands: [.togglePause]),
            Hint(key: ".", narrowKey: ".", label: "step", narrowLabel: "step", commands: [.stepOnce]),
            Hint(key: "h", narrowKey: "h", label: "hedge", narrowLabel: "hedge", commands: [.hedgeNow]),
            Hint(key: "b/s", narrowKey: "b/s", label: "buy/sell \(lot)", narrowLabel: lot, commands: [.buyLot, .sellLot]),
            Hint(key: "[ ]", narrowKey: "[]", label: "lot", narrowLabel: "lot", commands: [.lotDown, .lotUp]),
            Hint(key: "a", narrowKey: "a", label: "auto", narrowLabel: "auto", commands: [.toggleAutoHedge]),
            Hint(key: "A", narrowKey: "A", label: "policy", narrowLabel: "policy", commands: [.nextPolicy]),
            Hint(key: "o", narrowKey: "o", label: "options", narrowLabel: "opt", commands: [.optionTicket]),
            Hint(key: "+/-", narrowKey: "+-", label: "speed", narrowLabel: "speed", commands: [.faster, .slower]),
            Hint(key: "?", narrowKey: "?", label: "help", narrowLabel: "help", commands: [.toggleHelp]),
            Hint(key: "q", narrowKey: "q", label: "quit", narrowLabel: "quit", commands: [.quit]),
        ]
    }

    /// The limit keys and their distance from the touch, shown only where the line has room.
    static func limitHint(ticks: Int) -> Hint {
        Hint(key: "B/S <>", narrowKey: "B/S", label: "limit \(ticks)t", narrowLabel: "\(ticks)t",
             commands: [.limitBuy, .limitSell, .limitsCloser, .limitsFurther])
    }

    func render(into grid: inout Grid, _ rect: Rect) {
        grid.fill(rect, " ", Style(.text, on: .selection))
        grid.put(line(width: rect.width), x: rect.x, y: rect.y, limit: rect.width)
    }

    func line(width: Int) -> [Span] {
        let key = Style(.accent, on: .selection, .bold)
        let label = Style(.muted, on: .selection)
        func spans(_ items: [(String, String)], gap: String) -> [Span] {
            items.flatMap { [Span(gap, label), Span($0.0, key), Span(" " + $0.1, label)] }
        }
        if snapshot.endReason != nil { return [Span(" session ended: Enter, Esc or q to close", key)] }
        if let ticket = snapshot.ticket {
            var line = spans([("↑↓", "field"), ("←→", "change"), ("0-9", "type"), ("Enter", "send"), ("Esc", "cancel")], gap: "  ")
            if ticket.entry != nil { line += [Span("  ⌫", key), Span(" erase", label)] }
            return line
        }
        if snapshot.showIntro {
            return [Span(" any key", key), Span(snapshot.paused ? " closes this" : " starts the session", label),
                    Span("  ?", key), Span(" keys", label), Span("  q", key), Span(" quit", label)]
        }
        // b/s trade one lot, or the unit's manual size when trading fractionally (lot 0).
        let bound = Self.hints(lot: Format.shares(snapshot.session.manualLot), ticks: snapshot.orderEntry.ticks)
            .filter { $0.commands.allSatisfy { !keyMap.keys(for: $0).isEmpty } }
        let limit = [Self.limitHint(ticks: snapshot.orderEntry.ticks)]
            .filter { $0.commands.allSatisfy { !keyMap.keys(for: $0).isEmpty } }
        // The limit hint goes before the option ticket's, in the form the rest of the line takes.
        func withLimit(_ hints: [Hint]) -> [Hint] {
            var hints = hints
            hints.insert(contentsOf: limit, at: hints.firstIndex { $0.commands == [.optionTicket] } ?? hints.endIndex)
            return hints
        }
        for candidate in [withLimit(bound), bound] {
            let wide = spans(candidate.map { ($0.key, $0.label) }, gap: "  ")
            if wide.width <= width { return wide }
        }
        for candidate in [withLimit(bound), bound] {
            let narrow = spans(candidate.map { ($0.narrowKey, $0.narrowLabel) }, gap: " ")
            if narrow.width <= width { return narrow }
        }
        return spans(bound.filter { $0.commands != [.stepOnce] }.map { ($0.narrowKey, $0.narrowLabel) }, gap: " ")
    }
}
