/// A bar sparkline: one column per value, bars in eighths of a cell, `rows` high, scaled from
/// the smallest to the largest value (ratatui's Sparkline). A role per value lets bars above
/// and below a reference differ in color.
public struct Sparkline: Sendable {
    public static let eighths: [Unicode.Scalar] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public var values: [Double]
    public var role: @Sendable (Double) -> Role

    public init(_ values: [Double], role: @escaping @Sendable (Double) -> Role = { _ in .chartPnL }) {
        self.values = values
        self.role = role
    }

    /// Draws the last `rect.width` values, right-aligned, into `rect`.
    public func render(into grid: inout Grid, _ rect: Rect) {
        guard !rect.isEmpty else { return }
        let shown = values.suffix(rect.width).filter(\.isFinite)
        guard let low = shown.min(), let high = shown.max() else { return }
        let levels = rect.height * 8
        let start = rect.maxX - shown.count
        for (offset, value) in shown.enumerated() {
            // At least one eighth, so the lowest value still shows.
            let level = high > low ? 1 + Int(((value - low) / (high - low) * Double(levels - 1)).rounded()) : levels / 2
            let style = Style(role(value))
            for row in 0..<rect.height {
                let fromBottom = rect.height - 1 - row
                let fill = min(max(level - fromBottom * 8, 0), 8)
                grid.set(start + offset, rect.y + row, Self.eighths[fill], style)
            }
        }
    }
}
