import ScalpFormat

/// The frame every overlay is drawn in: a cleared box with an accent border and a title,
/// centred in the screen and as tall as its lines (cut to the screen), text inset by two
/// columns and one row.
struct OverlayBox {
    var title: String
    var lines: [[Span]]
    /// The box's width before it is cut to the screen.
    var width: Int

    /// Draws the box and its lines centred in `bounds`.
    func render(into grid: inout Grid, _ bounds: Rect) {
        let rect = bounds.centered(width: min(bounds.width, width), height: min(lines.count + 4, bounds.height))
        let area = Self.frame(title, into: &grid, rect)
        for (index, line) in lines.enumerated() where index < area.height {
            grid.put(line, x: area.x, y: area.y + index, limit: area.width)
        }
    }

    /// `values` wrapped to `width` beside a muted `label`-wide label, shown on the first line only.
    static func labelled(_ name: String, _ values: [String], width: Int, label: Int, style: Style = Style(.text)) -> [[Span]] {
        values.flatMap { TextLayout.wrap($0, width: width - label) }.enumerated().map { index, part in
            [Span(TextLayout.pad(index == 0 ? name : "", label), Style(.muted)), Span(part, style)]
        }
    }

    /// Clears `rect` and draws a box in it; returns the area for text inside it.
    static func frame(_ title: String, into grid: inout Grid, _ rect: Rect) -> Rect {
        grid.fill(rect, " ", Style(.text))
        let inner = Box(title: [Span(title, Style(.title, on: .background, .bold))], border: Style(.accent))
            .render(into: &grid, rect)
        return inner.inset(horizontal: 2, vertical: 1)
    }
}
