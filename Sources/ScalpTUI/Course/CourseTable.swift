import ScalpEngine
import ScalpFormat

/// The course screen's table: one row per level (number, title, scenario, locked, open or
/// passed, attempts, best points, what passing takes), the selected row on the selection
/// color. From 100 columns the scenario's name has a column of its own.
struct CourseTable: Widget {
    let progress: CourseProgress
    let selected: Int

    static func columns(width: Int) -> [TableColumn] {
        var columns = [
            TableColumn(title: "#", width: 3), TableColumn(title: "level", width: 22, align: .left),
            TableColumn(title: "scenario", width: 18, align: .left),
            TableColumn(title: "state", width: 7, align: .left), TableColumn(title: "tries", width: 5),
            TableColumn(title: "best", width: 4),
        ]
        if width < 100 { columns.remove(at: 2) }
        let used = columns.reduce(0) { $0 + $1.width + 1 }
        columns.append(TableColumn(title: "to pass", width: max(width - used, 0), align: .left))
        return columns
    }

    func render(into grid: inout Grid, _ area: Rect) {
        guard area.height >= 2 else { return }
        let columns = Self.columns(width: area.width)
        TableColumn.drawRow(columns, into: &grid, x: area.x, y: area.y, ellipsis: false) { ($0.title, Style(.muted, on: .background, .bold)) }
        let room = area.height - 1
        let first = max(0, min(selected - room, progress.standings.count - room))
        for (offset, standing) in progress.standings.dropFirst(first).prefix(room).enumerated() {
            draw(standing, columns: columns, into: &grid, x: area.x, y: area.y + 1 + offset, width: area.width)
        }
    }

    private func draw(_ standing: CourseProgress.Standing, columns: [TableColumn], into grid: inout Grid,
                      x: Int, y: Int, width: Int) {
        guard let level = progress.course.level(standing.level) else { return }
        let background: Role = standing.level == selected ? .selection : .background
        grid.fill(Rect(x: x, y: y, width: width, height: 1), " ", Style(.text, on: background))
        func style(_ role: Role, _ attributes: Attributes = []) -> Style { Style(role, on: background, attributes) }
        let state = Self.state(standing)
        let cells: [String: (String, Style)] = [
            "#": (String(standing.level), style(.text, .bold)),
            "level": (TextLayout.sanitize(level.title), style(standing.unlocked ? .accent : .muted, .bold)),
            "scenario": (TextLayout.sanitize(level.scenario.name), style(standing.unlocked ? .text : .muted)),
            "state": (state.text, style(state.role, .bold)),
            "tries": (standing.attempts == 0 ? "–" : String(standing.attempts), style(.text)),
            "best": (standing.bestPoints.map { String(Int($0)) } ?? "–",
                     standing.bestPoints.map { style(SummaryOverlay.scoreRole($0), .bold) } ?? style(.muted)),
            "to pass": (level.pass.summary, style(.muted)),
        ]
        TableColumn.drawRow(columns, into: &grid, x: x, y: y) { cells[$0.title] }
    }

    /// "passed", "open" or "locked", and its color.
    static func state(_ standing: CourseProgress.Standing) -> (text: String, role: Role) {
        standing.passed ? ("passed", .profit) : standing.unlocked ? ("open", .warning) : ("locked", .muted)
    }

}
