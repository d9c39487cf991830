/// A drawing surface of braille dots: each cell holds 2×4 dots, so a chart gets twice the
/// columns and four times the rows of its cells (btop's graphs). Each cell takes the color
/// of the last series that set a dot in it.
public struct BrailleCanvas: Sendable {
    public let columns: Int
    public let rows: Int
    private var bits: [UInt8]
    private var roles: [Role?]

    public init(columns: Int, rows: Int) {
        self.columns = max(columns, 0)
        self.rows = max(rows, 0)
        bits = Array(repeating: 0, count: self.columns * self.rows)
        roles = Array(repeating: nil, count: self.columns * self.rows)
    }

    /// Dots in one cell, across and down.
    public static let dotsAcross = 2
    public static let dotsDown = 4

    /// Dots across and down.
    public var dotWidth: Int { columns * Self.dotsAcross }
    public var dotHeight: Int { rows * Self.dotsDown }

    // Dot (column, row) within a cell → bit of the braille pattern (U+2800 + bits).
    private static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets the dot at (x, y), dots from the top-left; outside the canvas is ignored.
    public mutating func set(_ x: Int, _ y: Int, _ role: Role) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let index = (y / Self.dotsDown) * columns + x / Self.dotsAcross
        bits[index] |= Self.dotBits[x % Self.dotsAcross][y % Self.dotsDown]
        roles[index] = role
    }

    /// True if any dot of cell (column, row) is set.
    public func isSet(column: Int, row: Int) -> Bool { bits[row * columns + column] != 0 }

    /// A straight line between two dots (Bresenham).
    public mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ role: Role) {
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        while true {
            set(x, y, role)
            if x == x1 && y == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    /// The dot row of `value` in `range` (top = upper bound), clamped to the canvas.
    public func dotRow(_ value: Double, in range: ClosedRange<Double>) -> Int {
        let span = range.upperBound - range.lowerBound
        guard span > 0, value.isFinite else { return dotHeight / 2 }
        let fraction = (range.upperBound - value) / span
        return min(max(Int((fraction * Double(dotHeight - 1)).rounded()), 0), dotHeight - 1)
    }

    /// The cell row that holds `value`'s dot, for drawing text beside or over a plotted line.
    public func cellRow(_ value: Double, in range: ClosedRange<Double>) -> Int {
        dotRow(value, in: range) / Self.dotsDown
    }

    /// The cell column that holds dot column `x` (the `x`-th plotted value).
    public func cellColumn(ofDot x: Int) -> Int { x / Self.dotsAcross }

    /// Plots `values` as a connected line, one dot column per value from the left;
    /// non-finite values leave a gap.
    public mutating func plot(_ values: some Collection<Double>, in range: ClosedRange<Double>, _ role: Role) {
        var previous: (x: Int, y: Int)?
        for (x, value) in values.enumerated() {
            guard x < dotWidth else { break }
            guard value.isFinite else { previous = nil; continue }
            let y = dotRow(value, in: range)
            if let previous { line(previous.x, previous.y, x, y, role) } else { set(x, y, role) }
            previous = (x, y)
        }
    }

    /// Copies the dotted cells into `grid` at (x, y); empty cells are left untouched.
    public func render(into grid: inout Grid, x: Int, y: Int, background: Role = .background) {
        for row in 0..<rows {
            for column in 0..<columns {
                let index = row * columns + column
                guard bits[index] != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(bits[index])) else { continue }
                grid.set(x + column, y + row, scalar, Style(roles[index] ?? .text, on: background))
            }
        }
    }
}
