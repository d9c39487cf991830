import ScalpFormat
/// A rounded box with an optional title in its top border (btop style); returns the inner
/// area for the panel's content.
public struct Box: Sendable {
    public var title: [Span]
    public var trailing: [Span]
    public var border: Style

    public init(title: [Span] = [], trailing: [Span] = [], border: Style = Style(.border)) {
        self.title = title
        self.trailing = trailing
        self.border = border
    }

    public init(_ title: String, style: Style = Style(.title, on: .background, .bold), trailing: [Span] = []) {
        self.init(title: [Span(title, style)], trailing: trailing)
    }

    @discardableResult
    public func render(into grid: inout Grid, _ rect: Rect) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let top = rect.y, bottom = rect.maxY - 1, left = rect.x, right = rect.maxX - 1
        for x in (left + 1)..<right {
            grid.set(x, top, "─", border)
            grid.set(x, bottom, "─", border)
        }
        for y in (top + 1)..<bottom {
            grid.set(left, y, "│", border)
            grid.set(right, y, "│", border)
        }
        grid.set(left, top, "╭", border)
        grid.set(right, top, "╮", border)
        grid.set(left, bottom, "╰", border)
        grid.set(right, bottom, "╯", border)
        let room = rect.width - 4
        if !title.isEmpty, room > 2 {
            let spans = [Span(" ", border)] + title + [Span(" ", border)]
            grid.put(spans, x: left + 1, y: top, limit: room + 2)
        }
        if !trailing.isEmpty {
            let titleWidth = title.isEmpty ? 0 : title.reduce(0) { $0 + TextLayout.width($1.text) } + 2
            let width = trailing.reduce(0) { $0 + TextLayout.width($1.text) } + 2
            let x = right - 1 - width
            if x > left + 1 + titleWidth {
                grid.put([Span(" ", border)] + trailing + [Span(" ", border)], x: x, y: top, limit: width)
            }
        }
        return rect.inset(1)
    }
}
