import ScalpEngine
import ScalpJournal
import ScalpFormat

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
        let bounds = grid.bounds.inset(horizontal: 2, vertical: 1)
        let keyStyle = Style(.accent, on: .background, .bold)
        let bindings = keyMap.bindings.map { ($0.keys.map(\.description).joined(separator: " "), $0.help) }
        let policies = state.policyCycle.map(\.description)
        let ladder = state.lotLadder.map { Format.shares($0) }.joined(separator: " ")
        let label = 10

        // Everything after the key list, wrapped to `width`.
        func tail(width: Int) -> [[Span]] {
            var lines: [[Span]] = [[]]
            var cycle: [String] = []
            var current = ""
            for policy in policies {
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
            lines.append([Span(TextLayout.pad("Now", label), Style(.muted)),
                          Span(state.session.hedgeRule.label + (state.session.autoHedge ? " (auto on)" : " (auto off)"),
                               Style(.text))])
            lines.append([Span(TextLayout.pad("Lots", label), Style(.muted)), Span(ladder, Style(.text))])
            lines.append([Span(TextLayout.pad("Speed", label), Style(.muted)),
                          Span("\(Format.trimmed(state.scenario.stepsPerSecond)) steps/s at ×1, ×1/64 to ×1024", Style(.text))])
            lines.append([])
            lines.append([Span("Esc or ? closes this help", Style(.muted))])
            return lines
        }

        // One column of keys if it fits the height, else two side by side.
        let width = min(bounds.width, 76)
        let inner = width - 6
        var lines = bindings.map { [Span(TextLayout.pad($0.0, 14), keyStyle), Span($0.1, Style(.text))] } + tail(width: inner)
        if lines.count + 4 > bounds.height {
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
        }
        let rect = bounds.centered(width: width, height: min(lines.count + 4, bounds.height))
        let area = panel("Keys", into: &grid, rect)
        for (index, line) in lines.enumerated() where index < area.height {
            grid.put(line, x: area.x, y: area.y + index, limit: area.width)
        }
    }
}
