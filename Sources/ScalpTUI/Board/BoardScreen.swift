import ScalpFormat
import ScalpJournal

/// Renders the class board for a state into a grid: a header (the folder, the class's
/// market, how many trainees and in which state), the table, the keys, and the selected
/// trainee's summary over it when open. Pure: the same state and size give the same grid.
public enum BoardScreen {
    public static func render(_ state: BoardState, width: Int, height: Int) -> Grid {
        guard var grid = Grid(width: width, height: height, minimum: (40, 6)) else {
            return TooSmallMessage.oneLine(width: width, height: height)
        }
        let rows = state.rows
        let parts = grid.bounds.rows([.length(1), .fill(1), .length(1)])
        header(state, rows: rows, into: &grid, parts[0])
        // The seed is the class's answer key: shown only once no session is still running.
        let running = rows.contains { [.starting, .playing, .paused, .stalled].contains($0.state) }
        let title = state.standing.market.map { "\($0.scenarioName), " + (running ? "seed hidden while sessions run" : "seed \($0.seed)") }
            ?? "waiting for trainees"
        let counts = state.standing.ranked.count
        let box = Box(title: [Span("Class: " + TextLayout.sanitize(title), Style(.title, on: .background, .bold))],
                      trailing: [Span("\(counts) ranked", Style(.muted))])
        let inner = box.render(into: &grid, parts[1])
        if rows.isEmpty {
            let message = state.problem ?? "No trainee has started yet: journals appear as DIR/NAME.jsonl (play --class DIR)."
            grid.put(TextLayout.sanitize(message), in: inner.row(1), style: Style(state.problem == nil ? .muted : .warning), align: .center)
        } else {
            BoardTable(rows: rows, rankedCount: state.standing.ranked.count, selectedIndex: state.selectedIndex, sort: state.sort)
                .render(into: &grid, inner.inset(horizontal: 1, vertical: 0))
        }
        footer(state, into: &grid, parts[2])
        if state.showingSummary, let row = state.selectedRow {
            TraineeSummaryOverlay(row: row).render(into: &grid, grid.bounds)
        }
        return grid
    }

    private static func header(_ state: BoardState, rows: [ClassRow], into grid: inout Grid, _ rect: Rect) {
        let sep = Span(" │ ", Style(.border, on: .selection))
        let left = [Span(" gammascalp class board", Style(.title, on: .selection, .bold)), sep,
                    Span(TextLayout.sanitize(state.directory), Style(.accent, on: .selection, .bold))]
        var right: [Span] = []
        for kind in TraineeState.allCases {
            let count = rows.filter { $0.state == kind }.count
            guard count > 0 else { continue }
            right.append(Span(" \(count) \(kind.rawValue) ", Style(BoardTable.role(for: kind), on: .selection, .bold)))
        }
        if let problem = state.problem { right = [Span(" ⚠ " + TextLayout.sanitize(problem) + " ", Style(.warning, on: .selection, .bold))] }
        ScreenBar.title(left, right: right, into: &grid, rect)
    }

    private static func footer(_ state: BoardState, into grid: inout Grid, _ rect: Rect) {
        let items = state.showingSummary
            ? [("Esc", "close"), ("↑↓", "other trainee"), ("q", "quit")]
            : [("q", "quit"), ("s", "sort (\(state.sort.rawValue))"), ("↑↓", "select"), ("Enter", "summary")]
        ScreenBar.keys(items, into: &grid, rect)
    }
}
