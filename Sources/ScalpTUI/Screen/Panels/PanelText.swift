import ScalpFormat

/// A column of a panel's table: its title, its width in cells, and how its text sits in it.
struct TableColumn {
    var title: String
    var width: Int
    var align: Alignment = .right

    /// `columns` and after them a left-aligned `title` column that takes the rest of `width`
    /// (each column is followed by one cell of space).
    static func rest(after columns: [TableColumn], title: String, width: Int) -> [TableColumn] {
        let used = columns.reduce(0) { $0 + $1.width + 1 }
        return columns + [TableColumn(title: title, width: max(width - used, 0), align: .left)]
    }
}

extension Style {
    /// Profit color above half a cent, loss color below minus half a cent, plain text between.
    static func signed(_ value: Double) -> Style {
        value > 0.004 ? Style(.profit) : value < -0.004 ? Style(.loss) : Style(.text)
    }
}

extension Array where Element == Span {
    /// Cells the spans take on the screen.
    var width: Int { reduce(0) { $0 + TextLayout.width($1.text) } }
}
