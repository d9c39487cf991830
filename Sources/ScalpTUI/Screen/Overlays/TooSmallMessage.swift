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

extension Grid {
    /// A blank screen of `width` × `height` cells, or nil below `minimum` (columns, rows): the
    /// board, course and race screens show `TooSmallMessage.oneLine` then.
    init?(width: Int, height: Int, minimum: (width: Int, height: Int)) {
        guard width >= minimum.width, height >= minimum.height else { return nil }
        self.init(width: width, height: height)
    }
}

extension TooSmallMessage {
    /// What the board, course and race screens show below their minimum size: one line.
    static func oneLine(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        grid.put("Terminal too small: \(width)×\(height); q quits", in: grid.bounds, style: Style(.warning, on: .background, .bold))
        return grid
    }
}
