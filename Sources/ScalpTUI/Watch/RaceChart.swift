import ScalpFormat

/// Every lane's P&L in braille on one chart, each in its lane's color (`LaneColors`), over
/// the whole session from left to right: the lines grow as the path unfolds. Zero is a dashed
/// line; each line ends in its lane's number, so lanes stay apart on a monochrome terminal.
struct RaceChart: Widget {
    /// Per lane: P&L after each step from step 0, currency.
    let paths: [[Double]]
    /// The session's length in steps.
    let steps: Int

    /// Columns for the P&L labels left of the plot.
    static let axisWidth = 9

    func render(into grid: inout Grid, _ rect: Rect) {
        let inner = Box("P&L by rule", trailing: [Span("whole session →", Style(.muted))]).render(into: &grid, rect)
        guard inner.height >= 2, inner.width > Self.axisWidth + 4 else { return }
        let plot = Rect(x: inner.x + Self.axisWidth, y: inner.y, width: inner.width - Self.axisWidth - 2, height: inner.height)
        var canvas = BrailleCanvas(columns: plot.width, rows: plot.height)
        let values = paths.flatMap { $0 }.filter(\.isFinite) + [0]
        guard let low = values.min(), let high = values.max() else { return }
        let pad = max((high - low) * 0.08, 1)
        let range = (low - pad)...(high + pad)

        let zeroRow = canvas.cellRow(0, in: range)
        let columns = paths.map { dotColumns($0, width: canvas.dotWidth) }
        for (lane, points) in columns.enumerated() { draw(points, lane: lane, on: &canvas, range: range) }
        for column in 0..<plot.width where !canvas.isSet(column: column, row: zeroRow) {
            grid.set(plot.x + column, plot.y + zeroRow, "┄", Style(.chartStrike))
        }
        canvas.render(into: &grid, x: plot.x, y: plot.y)
        // Each lane's number just right of its line's newest point; where lines end together,
        // the next free row above or below, so no number hides another.
        var taken = Set<Int>()
        for (lane, points) in columns.enumerated() {
            guard let last = points.last else { continue }
            let x = plot.x + canvas.cellColumn(ofDot: last.x) + 1
            let row = canvas.cellRow(last.value, in: range)
            let free = [0] + (1..<plot.height).flatMap { [-$0, $0] }
            guard let offset = free.first(where: { (0..<plot.height).contains(row + $0) && !taken.contains(row + $0) }) else { continue }
            taken.insert(row + offset)
            grid.put(String(lane + 1), x: x, y: plot.y + row + offset,
                     style: Style(LaneColors.role(lane), on: .background, .bold), limit: max(inner.maxX - x, 0))
        }

        let axis = Style(.muted), width = Self.axisWidth - 1
        func label(_ value: Double, row: Int, style: Style) {
            grid.put(TextLayout.pad(Format.fit(value, width: width, decimals: 0, sign: true), width, align: .right),
                     x: inner.x, y: plot.y + row, style: style)
        }
        label(range.upperBound, row: 0, style: axis)
        label(range.lowerBound, row: plot.height - 1, style: axis)
        if zeroRow > 0, zeroRow < plot.height - 1 { label(0, row: zeroRow, style: axis) }
    }

    /// `path`'s points as dot columns: step k at column k·(width − 1)/steps, the latest step
    /// of each column kept (so a long session fits and a short one spreads out).
    func dotColumns(_ path: [Double], width: Int) -> [(x: Int, value: Double)] {
        guard width > 0, steps > 0 else { return [] }
        var points: [(x: Int, value: Double)] = []
        for (step, value) in path.enumerated() where value.isFinite {
            let x = step * (width - 1) / steps
            if let last = points.last, last.x == x { points[points.count - 1].value = value } else { points.append((x, value)) }
        }
        return points
    }

    private func draw(_ points: [(x: Int, value: Double)], lane: Int, on canvas: inout BrailleCanvas, range: ClosedRange<Double>) {
        let role = LaneColors.role(lane)
        var previous: (x: Int, y: Int)?
        for point in points {
            let y = canvas.dotRow(point.value, in: range)
            if let previous { canvas.line(previous.x, previous.y, point.x, y, role) } else { canvas.set(point.x, y, role) }
            previous = (point.x, y)
        }
    }
}
