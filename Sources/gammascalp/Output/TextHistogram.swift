import ScalpEngine

/// A text histogram of a sketch's values: equal-width bins between the 0.5% and 99.5%
/// quantiles, one row each with its range, a bar in eighth-blocks and its count; the
/// values beyond either end are counted on rows of their own.
struct TextHistogram {
    var sketch: QuantileSketch
    var bins = 20
    /// Columns of the longest bar.
    var width = 40
    var decimals = 4

    var rendered: String {
        guard sketch.count > 0 else { return "" }
        let low = sketch.quantile(0.005)
        let high = sketch.quantile(0.995)
        guard high > low else {
            return "  all \(sketch.count) at \(Table.fixed(low, decimals))"
        }
        let binWidth = (high - low) / Double(bins)
        var counts = Array(repeating: 0, count: bins)
        var below = 0
        var above = 0
        sketch.forEachBucket { value, count in
            if value < low {
                below += count
            } else if value > high {
                above += count
            } else {
                counts[min(Int((value - low) / binWidth), bins - 1)] += count
            }
            return true
        }
        let tallest = max(counts.max() ?? 0, below, above, 1)
        var rows: [[String]] = []
        if below > 0 { rows.append(["", "below", Table.fixed(low, decimals), bar(below, tallest), String(below)]) }
        for (bin, count) in counts.enumerated() {
            let from = low + Double(bin) * binWidth
            rows.append([Table.fixed(from, decimals), "to", Table.fixed(from + binWidth, decimals),
                         bar(count, tallest), String(count)])
        }
        if above > 0 { rows.append(["", "above", Table.fixed(high, decimals), bar(above, tallest), String(above)]) }
        return Table(rows.map { ["  " + $0[0]] + $0.dropFirst() }, rightAligned: [0, 2, 4]).rendered
    }

    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `count` against `tallest`, `width` columns at most, padded to `width`.
    private func bar(_ count: Int, _ tallest: Int) -> String {
        let eighthsWide = count * width * 8 / tallest
        let text = String(repeating: "█", count: eighthsWide / 8) + Self.eighths[eighthsWide % 8]
        return "│" + text + String(repeating: " ", count: width - text.count)
    }
}
