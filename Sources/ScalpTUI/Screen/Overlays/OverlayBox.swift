import ScalpFormat

/// The frame every overlay is drawn in: a cleared box with an accent border and a title,
/// centred in the screen and as tall as its lines (cut to the screen), text inset by two
/// columns and one row.
struct OverlayBox {
    var title: String
    var lines: [[Span]]
    /// The box's width before it is cut to the screen.
    var width: Int

    /// Where a box `width` columns wide goes in a screen `area`: the bounds to centre it in (the
    /// area less a margin of two columns and one row), the columns its text wraps to and the most
    /// lines of text it shows, in cells (the border and `frame`'s inset taken off).
    struct Placement {
        var bounds: Rect
        var textWidth: Int
        var textRows: Int

        init(in area: Rect, width: Int) {
            bounds = area.inset(horizontal: 2, vertical: 1)
            textWidth = min(bounds.width, width) - 6
            textRows = bounds.height - 4
        }
    }

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

    /// `lines` cut to `room` (when there is any), the last kept line then an ellipsis.
    static func clipped(_ lines: [[Span]], to room: Int) -> [[Span]] {
        guard lines.count > room, room > 0 else { return lines }
        return Array(lines.prefix(room - 1)) + [[Span("…", Style(.muted))]]
    }

    /// Clears `rect` and draws a box in it; returns the area for text inside it.
    static func frame(_ title: String, into grid: inout Grid, _ rect: Rect) -> Rect {
        grid.fill(rect, " ", Style(.text))
        let inner = Box(title: [Span(title, Style(.title, on: .background, .bold))], border: Style(.accent))
            .render(into: &grid, rect)
        return inner.inset(horizontal: 2, vertical: 1)
    }
}
