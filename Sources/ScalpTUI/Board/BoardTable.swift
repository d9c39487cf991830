import ScalpFormat
import ScalpJournal

/// The class board's table: one row per trainee (rank, trainee, step and time reached, P&L,
/// gap to the benchmark, score so far, state, notes), the ranked rows first, then a rule and
/// the rows shown apart (another market, or an unreadable file). The selected row is drawn
/// on the selection color and kept in view.
struct BoardTable: Widget {
    let rows: [ClassRow]
    /// How many of `rows` are ranked (the rest are apart).
    let rankedCount: Int
    let selectedIndex: Int?
    let sort: BoardSortColumn

    static func columns(width: Int) -> [TableColumn] {
        var columns = [
            TableColumn(title: "#", width: 4), TableColumn(title: "trainee", width: 14, align: .left),
            // "8640/8640" and "day 30 00:00" keep two spaces between them.
            TableColumn(title: "step", width: 10), TableColumn(title: "time", width: 13),
            TableColumn(title: "P&L", width: 11), TableColumn(title: "gap", width: 11), TableColumn(title: "score", width: 6),
            TableColumn(title: "state", width: 10, align: .left),
        ]
        // Narrower than 107 columns the time goes (the step says how far), leaving the notes room.
        if width < 107 { columns.remove(at: 3) }
        let used = columns.reduce(0) { $0 + $1.width + 1 }
        columns.append(TableColumn(title: "note", width: max(width - used, 0), align: .left))
        return columns
    }

    func render(into grid: inout Grid, _ area: Rect) {
        guard area.height >= 2 else { return }
        let columns = Self.columns(width: area.width)
        TableColumn.drawRow(columns, into: &grid, x: area.x, y: area.y, ellipsis: false) { column in
            column.title == titleOfSort ? (column.title + "▼", Style(.accent, on: .background, .bold))
                : (column.title, Style(.muted, on: .background, .bold))
        }
        // Lines: the ranked rows, a rule when any row is apart, the apart rows.
        var lines: [Int?] = Array(0..<rankedCount)
        if rankedCount < rows.count { lines.append(nil) }
        lines += Array(rankedCount..<rows.count).map { Optional($0) }
        let room = area.height - 1
        let selectedLine = selectedIndex.flatMap { index in lines.firstIndex { $0 == index } } ?? 0
        let first = max(0, min(selectedLine - room + 1, lines.count - room))
        for (offset, line) in lines.dropFirst(first).prefix(room).enumerated() {
            let y = area.y + 1 + offset
            guard let index = line else {
                let text = " not ranked: another market, or not a journal "
                grid.put(String(repeating: "─", count: 2) + text + String(repeating: "─", count: max(area.width - text.count - 2, 0)),
                         x: area.x, y: y, style: Style(.border), limit: area.width)
                continue
            }
            draw(rows[index], selected: index == selectedIndex, columns: columns, into: &grid, x: area.x, y: y, width: area.width)
        }
    }

    private var titleOfSort: String {
        switch sort {
        case .score: "score"
        case .trainee: "trainee"
        case .pnl: "P&L"
        case .gap: "gap"
        case .step: "step"
        case .state: "state"
        }
    }

    private func draw(_ row: ClassRow, selected: Bool, columns: [TableColumn], into grid: inout Grid, x: Int, y: Int, width: Int) {
        let background: Role = selected ? .selection : .background
        grid.fill(Rect(x: x, y: y, width: width, height: 1), " ", Style(.text, on: background))
        func style(_ role: Role, _ attributes: Attributes = []) -> Style { Style(role, on: background, attributes) }
        func signed(_ value: Double?) -> Style {
            guard let value else { return style(.muted) }
            return Style.signed(value).on(background)
        }
        let score = row.score
        var notes = row.apart.map { ["other market: " + $0] } ?? []
        notes += row.notes
        var cells: [String: (String, Style)] = [
            "#": (row.rank.map(String.init) ?? "–", style(.text, .bold)),
            "trainee": (TextLayout.sanitize(row.trainee), style(.accent, .bold)),
            "step": (row.start == nil ? "" : "\(row.step)/\(row.steps)", style(.text)),
            "time": (row.start == nil ? "" : Format.clock(row.time), style(.text)),
            "P&L": (score.map { Format.money($0.traineePnL) } ?? "", signed(score?.traineePnL)),
            "gap": (row.gap.map { Format.money($0) } ?? "", signed(row.gap)),
            "score": (score.map { String(Int($0.points)) } ?? "", style(SummaryOverlay.scoreRole(score?.points ?? 0), .bold)),
            "state": (row.state.rawValue, style(Self.role(for: row.state))),
            "note": (TextLayout.sanitize(notes.joined(separator: "; ")), style(.warning)),
        ]
        if score == nil { cells["score"]?.1 = style(.muted) }
        TableColumn.drawRow(columns, into: &grid, x: x, y: y) { cells[$0.title] }
    }

    static func role(for state: TraineeState) -> Role {
        switch state {
        case .playing: .up
        case .starting, .paused: .muted
        case .ended: .text
        case .stalled: .warning
        case .truncated, .unreadable: .loss
        }
    }
}
