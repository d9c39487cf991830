import ScalpFormat

/// The coach's line (`m`) at the foot of the screen, over the footer's keys: one row when it
/// fits the width, else wrapped onto the row above as well (over the option book's lower
/// border), so at 80 columns the whole sentence still shows.
struct CoachBar: Widget {
    let text: String

    static let lead = " coach  "

    /// `area` is the whole screen; the bar takes its last one or two rows.
    func render(into grid: inout Grid, _ area: Rect) {
        let style = Style(.text, on: .selection)
        let indent = TextLayout.width(Self.lead)
        let width = max(area.width - indent - 1, 1)
        var lines = TextLayout.wrap(text, width: width)
        if lines.count > 2 { lines = [lines[0], TextLayout.fit(lines[1...].joined(separator: " "), width: width)] }
        let top = area.y + area.height - lines.count
        for (index, line) in lines.enumerated() {
            let y = top + index
            grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), " ", style)
            if index == 0 { _ = grid.put(Self.lead, x: area.x, y: y, style: Style(.accent, on: .selection, .bold)) }
            _ = grid.put(line, x: area.x + indent, y: y, style: style, limit: width)
        }
    }
}
