import ScalpJournal

/// The column the class board's rows are sorted by (`s` cycles them).
public enum BoardSortColumn: String, CaseIterable, Sendable {
    case score, trainee, pnl = "P&L", gap, step, state

    public var next: BoardSortColumn {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// What the class board shows: the latest standing, the sort column, the selected trainee
/// (by name, so a re-rank keeps the same trainee selected) and whether that trainee's summary
/// is open. Keys change it; `BoardScreen` only draws it.
public struct BoardState: Sendable {
    /// The class folder, for the header.
    public let directory: String
    public private(set) var standing = ClassStanding()
    public private(set) var sort = BoardSortColumn.score
    public private(set) var selected: String?
    public private(set) var showingSummary = false
    public private(set) var exitRequested = false
    /// Why the folder cannot be read, if it cannot.
    public private(set) var problem: String?
    /// Bumped on every change, so the loop redraws only when something changed.
    public private(set) var revision = 0

    public init(directory: String) { self.directory = directory }

    /// A new standing from the folder.
    public mutating func update(_ standing: ClassStanding, problem: String?) {
        self.standing = standing
        self.problem = problem
        revision += 1
    }

    /// The rows in display order: the ranked ones sorted by the column, then the ones apart.
    public var rows: [ClassRow] { sorted(standing.ranked) + sorted(standing.apart) }

    /// The selected row's place in `rows` (the first row when nothing is selected yet).
    public var selectedIndex: Int? {
        let rows = self.rows
        guard !rows.isEmpty else { return nil }
        return rows.firstIndex { $0.trainee == selected } ?? 0
    }

    public var selectedRow: ClassRow? { selectedIndex.map { rows[$0] } }

    public mutating func handle(_ key: Key) {
        switch key {
        case .character("q"), .character("\u{3}"): exitRequested = true
        case .character("s"): sort = sort.next
        case .up, .character("k"): move(by: -1)
        case .down, .character("j"): move(by: 1)
        case .enter: showingSummary = selectedRow != nil
        case .escape: showingSummary = false
        default: return
        }
        revision += 1
    }

    public mutating func requestExit() {
        exitRequested = true
        revision += 1
    }

    private mutating func move(by offset: Int) {
        let rows = self.rows
        guard let index = selectedIndex else { return }
        selected = rows[min(max(index + offset, 0), rows.count - 1)].trainee
    }

    private func sorted(_ rows: [ClassRow]) -> [ClassRow] {
        func descending(_ a: Double?, _ b: Double?) -> Bool { (a ?? -.infinity) > (b ?? -.infinity) }
        let order = TraineeState.allCases
        switch sort {
        case .score: return rows
        case .trainee: return rows.sorted { $0.trainee < $1.trainee }
        case .pnl: return rows.sorted { descending($0.score?.traineePnL, $1.score?.traineePnL) }
        case .gap: return rows.sorted { descending($0.gap, $1.gap) }
        case .step: return rows.sorted { $0.step > $1.step }
        case .state:
            return rows.sorted { order.firstIndex(of: $0.state)! < order.firstIndex(of: $1.state)! }
        }
    }
}
