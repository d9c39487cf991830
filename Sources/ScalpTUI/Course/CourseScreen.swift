import ScalpEngine
import ScalpFormat

/// Renders the course screen for a state into a grid: a header (the course, levels passed,
/// the rating), the levels' table, a line for the last result or a refusal, the keys, and
/// the selected level's briefing over it when open. Pure: the same state and size give the
/// same grid.
public enum CourseScreen {
    public static func render(_ state: CourseState, width: Int, height: Int) -> Grid {
        guard var grid = Grid(width: width, height: height, minimum: (60, 10)) else {
            return TooSmallMessage.oneLine(width: width, height: height)
        }
        let progress = state.progress
        let parts = grid.bounds.rows([.length(1), .fill(1), .length(1)])
        header(progress, into: &grid, parts[0])
        let course = progress.course
        let box = Box(title: [Span("Course: " + TextLayout.sanitize(course.title), Style(.title, on: .background, .bold))],
                      trailing: [Span("\(course.levels.count) levels", Style(.muted))])
        let inner = box.render(into: &grid, parts[1]).inset(horizontal: 1, vertical: 0)
        // The table as tall as its rows (scrolling when the screen is shorter), then the notes.
        let tableHeight = min(progress.standings.count + 1, max(inner.height - 3, 2))
        CourseTable(progress: progress, selected: state.selected)
            .render(into: &grid, Rect(x: inner.x, y: inner.y, width: inner.width, height: tableHeight))
        let notes = noteLines(state, width: inner.width)
        for (offset, note) in notes.enumerated() where inner.y + tableHeight + 1 + offset < inner.maxY {
            grid.put(note, x: inner.x, y: inner.y + tableHeight + 1 + offset, limit: inner.width)
        }
        footer(state, into: &grid, parts[2])
        if state.showingBriefing, let level = course.level(state.selected), let standing = progress.standing(state.selected) {
            BriefingOverlay(level: level, standing: standing).render(into: &grid, grid.bounds)
        }
        return grid
    }

    /// Under the table: the message first (the last result, or why a level is locked), how
    /// many course sessions were not counted, the course's description, then the selected
    /// level and its briefing, as far as the room goes.
    private static func noteLines(_ state: CourseState, width: Int) -> [[Span]] {
        var lines: [[Span]] = []
        if let message = state.message {
            lines += TextLayout.wrap(TextLayout.sanitize(message), width: width).map { [Span($0, Style(.warning, on: .background, .bold))] }
        }
        if !state.problems.isEmpty {
            let count = state.problems.count
            lines.append([Span("\(count) course session\(count == 1 ? " was" : "s were") not counted "
                               + "(`gammascalp course status` says why)", Style(.loss))])
        }
        let description = TextLayout.sanitize(state.progress.course.description)
        if !description.isEmpty { lines += TextLayout.wrap(description, width: width).map { [Span($0, Style(.muted))] } }
        if let level = state.progress.course.level(state.selected), let standing = state.progress.standing(state.selected) {
            let status = CourseTable.state(standing)
            lines.append([])
            lines.append([Span("Level \(level.number) · " + TextLayout.sanitize(level.title), Style(.accent, on: .background, .bold)),
                          Span("  " + status.text, Style(status.role, on: .background, .bold))])
            lines += TextLayout.wrap(TextLayout.sanitize(level.briefing), width: width).map { [Span($0, Style(.text))] }
            lines += TextLayout.wrap("To pass: " + level.pass.lines.joined(separator: "; ") + ".", width: width)
                .map { [Span($0, Style(.accent))] }
            lines += TextLayout.wrap("Scenario: " + TextLayout.sanitize(level.scenario.name + ". " + level.scenario.description),
                                     width: width).map { [Span($0, Style(.muted))] }
        }
        return lines
    }

    private static func header(_ progress: CourseProgress, into grid: inout Grid, _ rect: Rect) {
        let sep = Span(" │ ", Style(.border, on: .selection))
        let left = [Span(" gammascalp course", Style(.title, on: .selection, .bold)), sep,
                    Span(TextLayout.sanitize(progress.course.name), Style(.accent, on: .selection, .bold))]
        let passed = progress.standings.filter(\.passed).count
        let rating = progress.rating.map { String(Int($0.rounded())) } ?? "–"
        let right = [Span(" \(passed)/\(progress.standings.count) passed ", Style(.text, on: .selection)), sep,
                     Span("rating \(rating) ", Style(.accent, on: .selection, .bold))]
        ScreenBar.title(left, right: right, into: &grid, rect)
    }

    private static func footer(_ state: CourseState, into grid: inout Grid, _ rect: Rect) {
        let items = state.showingBriefing
            ? [("Enter", "play"), ("Esc", "back"), ("q", "quit")]
            : [("Enter", "briefing"), ("↑↓", "select"), ("q", "quit")]
        ScreenBar.keys(items, into: &grid, rect)
    }
}
