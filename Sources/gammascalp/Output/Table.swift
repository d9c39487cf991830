import ScalpFormat
import Foundation
import ScalpJournal

/// A plain text table: columns padded to their widest cell, two spaces apart.
struct Table {
    var rows: [[String]]
    var rightAligned: Set<Int>

    init(_ rows: [[String]], rightAligned: Set<Int> = []) {
        self.rows = rows
        self.rightAligned = rightAligned
    }

    var rendered: String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : (column == row.count - 1 ? cell : cell + pad)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "n/a" }
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    static func percent(_ fraction: Double, _ decimals: Int = 2) -> String { fixed(fraction * 100, decimals) + "%" }

    static func plain(_ value: Double) -> String { JSONText.format(value) }
}
