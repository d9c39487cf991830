import ScalpEngine
import ScalpFormat

/// Every key of the active key map with its help text (one column, or two when the screen
/// is short), then the policy cycle, the lot ladder, the limit keys' distance and the speed range.
struct HelpOverlay: Widget {
    let snapshot: ScreenSnapshot
    let keyMap: KeyMap

    static let width = 76
    static let label = 10

    func render(into grid: inout Grid, _ area: Rect) {
        let place = OverlayBox.Placement(in: area, width: Self.width)
        let keyStyle = Style(.accent, on: .background, .bold)
        let bindings = keyMap.bindings.map { ($0.keys.map(\.description).joined(separator: " "), $0.help) }
        // One column of keys if it fits the height, else two side by side.
        let inner = place.textWidth
        var lines = bindings.map { [Span(TextLayout.pad($0.0, 14), keyStyle), Span($0.1, Style(.text))] } + tail(width: inner)
        if lines.count > place.textRows {
            let half = (bindings.count + 1) / 2
            let column = inner / 2
            lines = (0..<half).map { row in
                var line: [Span] = []
                for index in [row, row + half] where index < bindings.count {
                    let (keys, help) = bindings[index]
                    line.append(Span(TextLayout.pad(keys, 9), keyStyle))
                    line.append(Span(TextLayout.pad(TextLayout.fit(help, width: column - 10), column - 9), Style(.text)))
                }
                return line
            } + tail(width: inner)
            // Still too tall: the blank separators go first, from the bottom.
            while lines.count > place.textRows, let blank = lines.lastIndex(where: \.isEmpty) { lines.remove(at: blank) }
            // Then the speed range: the header shows the speed itself.
            if lines.count > place.textRows { lines.removeAll { $0.first?.text.hasPrefix("Speed") == true } }
        }
        OverlayBox(title: "Keys", lines: lines, width: Self.width).render(into: &grid, place.bounds)
    }

    /// Everything after the key list, wrapped to `width`.
    func tail(width: Int) -> [[Span]] {
        let label = Self.label
        var lines: [[Span]] = [[]]
        var cycle: [String] = []
        var current = ""
        for policy in snapshot.policyCycle.map(\.description) {
            let next = current.isEmpty ? policy : current + " → " + policy
            if TextLayout.width(next) > width - label, !current.isEmpty {
                cycle.append(current + " →")
                current = policy
            } else {
                current = next
            }
        }
        cycle.append(current)
        for (index, text) in cycle.enumerated() {
            lines.append([Span(TextLayout.pad(index == 0 ? "A cycles" : "", label), Style(.muted)), Span(text, Style(.text))])
        }
        let session = snapshot.session
        let ladder = snapshot.lotLadder.map { Format.shares($0) }.joined(separator: " ")
        lines.append([Span(TextLayout.pad("Now", label), Style(.muted)),
                      Span(session.hedgeRule.label + (session.autoHedge ? " (auto on)" : " (auto off)"), Style(.text))])
        lines.append([Span(TextLayout.pad("Lots", label), Style(.muted)), Span(ladder, Style(.text))])
        let tick = OrderEntry.tick(session.config), ticks = snapshot.orderEntry.ticks
        let limits = "B/S \(ticks) × " + Format.trimmed(tick) + " outside the touch (< >: "
            + OrderEntry.distances.map(String.init).joined(separator: " ") + ")"
        lines.append([Span(TextLayout.pad("Limits", label), Style(.muted)), Span(TextLayout.fit(limits, width: width - label), Style(.text))])
        lines.append([Span(TextLayout.pad("Speed", label), Style(.muted)),
                      Span("\(Format.trimmed(snapshot.scenario.stepsPerSecond)) steps/s at ×1, ×1/64 to ×1024", Style(.text))])
        lines.append([])
        lines.append([Span("Esc or ? closes this help", Style(.muted))])
        return lines
    }
}
