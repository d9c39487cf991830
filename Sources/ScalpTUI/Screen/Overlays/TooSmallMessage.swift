import ScalpFormat

/// What a terminal below the minimum size shows instead of the dashboard.
struct TooSmallMessage: Widget {
    func render(into grid: inout Grid, _ area: Rect) {
        let lines = [
            "Terminal too small: \(area.width)×\(area.height)",
            "gammascalp needs at least \(Dashboard.minimumWidth)×\(Dashboard.minimumHeight).",
            "Enlarge the window, or press q to quit.",
        ]
        let top = area.y + max((area.height - lines.count) / 2, 0)
        for (index, line) in lines.enumerated() where top + index < area.maxY {
            grid.put(line, in: Rect(x: area.x, y: top + index, width: area.width, height: 1),
                     style: index == 0 ? Style(.warning, on: .background, .bold) : Style(.text), align: .center)
        }
    }
}
