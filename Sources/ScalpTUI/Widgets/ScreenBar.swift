/// The one-row bars at the top and bottom of the board and course screens, on the
/// selection color: a title bar with spans on the left and on the right, and a key bar.
enum ScreenBar {
    /// `left` from the bar's start, `right` against its end (the left gives way first).
    static func title(_ left: [Span], right: [Span], into grid: inout Grid, _ rect: Rect) {
        grid.fill(rect, " ", Style(.text, on: .selection))
        let rightWidth = min(right.width, rect.width)
        grid.put(left, x: rect.x, y: rect.y, limit: max(rect.width - rightWidth - 1, 0))
        grid.put(right, x: rect.maxX - rightWidth, y: rect.y, limit: rightWidth)
    }

    /// Keys and what they do: `  Enter briefing  ↑↓ select  q quit`.
    static func keys(_ items: [(key: String, action: String)], into grid: inout Grid, _ rect: Rect) {
        grid.fill(rect, " ", Style(.text, on: .selection))
        let key = Style(.accent, on: .selection, .bold), label = Style(.muted, on: .selection)
        let spans = items.flatMap { [Span("  ", label), Span($0.key, key), Span(" " + $0.action, label)] }
        grid.put(spans, x: rect.x, y: rect.y, limit: rect.width)
    }
}
