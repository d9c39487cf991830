import ScalpFormat
/// One character cell: a single Unicode scalar (box drawing, braille and blocks are all one
/// scalar and one column wide) and its style.
public struct Cell: Sendable, Hashable {
    public var scalar: Unicode.Scalar
    public var style: Style

    public init(_ scalar: Unicode.Scalar = " ", _ style: Style = .plain) {
        self.scalar = scalar
        self.style = style
    }

    public static let blank = Cell()
}

/// A rectangle of cells, in columns and rows from the top-left corner.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(width, 0)
        self.height = max(height, 0)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var description: String { "\(width)x\(height)+\(x)+\(y)" }

    /// The rectangle shrunk by `margin` on every side.
    public func inset(_ margin: Int) -> Rect { inset(horizontal: margin, vertical: margin) }

    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    /// The row `index` rows down (1 high), or an empty rect past the bottom.
    public func row(_ index: Int) -> Rect {
        index < height ? Rect(x: x, y: y + index, width: width, height: 1) : Rect(x: x, y: y + index, width: 0, height: 0)
    }

    /// A `width`×`height` rectangle centered in this one (clipped to it).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}

/// The screen as plain data: every frame is drawn into a grid, the terminal backend copies
/// the grid (only the rows that changed), and tests read the grid as text.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(width, 0)
        self.height = max(height, 0)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Sets one cell if it is on the grid.
    public mutating func set(_ x: Int, _ y: Int, _ scalar: Unicode.Scalar, _ style: Style) {
        guard contains(x: x, y: y) else { return }
        cells[y * width + x] = Cell(scalar, style)
    }

    /// Changes the style of one cell, keeping its character.
    public mutating func restyle(_ x: Int, _ y: Int, _ change: (inout Style) -> Void) {
        guard contains(x: x, y: y) else { return }
        change(&cells[y * width + x].style)
    }

    public mutating func fill(_ rect: Rect, _ scalar: Unicode.Scalar = " ", _ style: Style = .plain) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x] = Cell(scalar, style) }
        }
    }

    /// Writes `text` from (x, y) rightwards, at most `limit` columns (and never past the
    /// grid), one scalar per column; returns the columns written. Control characters and
    /// zero-width marks should already be gone (`TextSanitizer`).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int = .max) -> Int {
        guard y >= 0, y < height else { return 0 }
        var column = x
        let end = min(width, limit == .max ? width : x + max(limit, 0))
        for scalar in text.unicodeScalars {
            if column >= end { break }
            if column >= 0 { cells[y * width + column] = Cell(scalar, style) }
            column += 1
        }
        return max(column - x, 0)
    }

    /// Writes `text` inside `rect` (first row), aligned, truncated with "…" if too long.
    public mutating func put(_ text: String, in rect: Rect, style: Style = .plain, align: Alignment = .left) {
        guard !rect.isEmpty else { return }
        let shown = TextLayout.fit(text, width: rect.width)
        let length = shown.unicodeScalars.count
        let x: Int
        switch align {
        case .left: x = rect.x
        case .right: x = rect.x + rect.width - length
        case .center: x = rect.x + (rect.width - length) / 2
        }
        put(shown, x: x, y: rect.y, style: style, limit: rect.x + rect.width - x)
    }

    /// Writes a line made of styled spans from (x, y), clipped at `limit` columns; returns
    /// the columns written.
    @discardableResult
    public mutating func put(_ spans: [Span], x: Int, y: Int, limit: Int = .max) -> Int {
        var column = x
        let end = limit == .max ? Int.max : x + limit
        for span in spans {
            guard column < end else { break }
            column += put(span.text, x: column, y: y, style: span.style, limit: end - column)
        }
        return column - x
    }

    public func clip(_ rect: Rect) -> Rect {
        let x0 = max(rect.x, 0), y0 = max(rect.y, 0)
        let x1 = min(rect.maxX, width), y1 = min(rect.maxY, height)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Row `y` as text.
    public func line(_ y: Int) -> String {
        var text = String.UnicodeScalarView()
        for x in 0..<width { text.append(cells[y * width + x].scalar) }
        return String(text)
    }

    /// The whole grid as text, one line per row, trailing spaces removed: what golden
    /// snapshots compare.
    public var text: String {
        (0..<height).map { y in
            var line = self.line(y)
            while line.last == " " { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// True if row `y` is the same in both grids (same size assumed).
    public func rowEquals(_ other: Grid, _ y: Int) -> Bool {
        let start = y * width
        return cells[start..<start + width] == other.cells[start..<start + width]
    }
}

/// A piece of a line with one style.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}
