import ScalpFormat

extension TableColumn {
    /// Draws a row of `columns` from (x, y), one cell a column, a space between: each cell's
    /// text and style from `cell` (nil leaves the cell as it is), fitted and aligned to the
    /// column's width: cut with "…" when `ellipsis` (cells), else cut short (titles).
    static func drawRow(_ columns: [TableColumn], into grid: inout Grid, x: Int, y: Int, ellipsis: Bool = true,
                        cell: (TableColumn) -> (text: String, style: Style)?) {
        var left = x
        for column in columns {
            if let (text, style) = cell(column) {
                grid.put(TextLayout.pad(ellipsis ? TextLayout.fit(text, width: column.width) : text, column.width, align: column.align),
                         x: left, y: y, style: style, limit: column.width)
            }
            left += column.width + 1
        }
    }
}
