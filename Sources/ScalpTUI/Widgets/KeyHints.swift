/// A bar of key hints on the selection color ("  q quit  s sort"): each key in the accent,
/// what it does muted. The class board's and the race's footers.
struct KeyHints: Widget {
    /// (key, what it does), left to right.
    let items: [(key: String, action: String)]

    func render(into grid: inout Grid, _ rect: Rect) {
        grid.fill(rect, " ", Style(.text, on: .selection))
        let key = Style(.accent, on: .selection, .bold), label = Style(.muted, on: .selection)
        let spans = items.flatMap { [Span("  ", label), Span($0.key, key), Span(" " + $0.action, label)] }
        grid.put(spans, x: rect.x, y: rect.y, limit: rect.width)
    }
}
