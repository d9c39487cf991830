/// Text labels set beside points on a chart so that no two overlap and none leaves the plot:
/// each tries places around its point, nearest first (then further out, with a leader line),
/// and takes the first that is free. A label with no free place is left for the legend.
///
/// Sizes are estimated, in pixels, for the charts' sans-serif at `fontSize`: a character is
/// at most `characterWidth` wide (0.6 em covers digits, letters and punctuation of rule names).
struct ChartLabels {
    /// A box in pixels: x to the right, y downwards.
    struct Box: Equatable {
        var minX, minY, maxX, maxY: Double

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        func inside(_ other: Box) -> Bool {
            minX >= other.minX && maxX <= other.maxX && minY >= other.minY && maxY <= other.maxY
        }
    }

    /// Where a label went: its text's left end and baseline, and whether it is far enough from
    /// its point to need a line back to it.
    struct Placement {
        var x: Double
        var y: Double
        var box: Box
        var needsLeader: Bool
    }

    var fontSize = 11.0
    /// The area labels must stay inside.
    var bounds: Box
    /// Boxes already taken: the points' markers, earlier labels.
    private(set) var taken: [Box] = []

    init(bounds: Box, fontSize: Double = 11) {
        self.bounds = bounds
        self.fontSize = fontSize
    }

    var characterWidth: Double { 0.6 * fontSize }

    /// The box of `text` written from `x` on baseline `y` (ascent 0.8 em, descent 0.25 em).
    func box(of text: String, x: Double, baseline y: Double) -> Box {
        Box(minX: x, minY: y - 0.8 * fontSize, maxX: x + Double(text.count) * characterWidth, maxY: y + 0.25 * fontSize)
    }

    /// Marks a point's marker of radius `radius` as taken, so no label covers it.
    mutating func reserve(pointAt x: Double, _ y: Double, radius: Double) {
        taken.append(Box(minX: x - radius, minY: y - radius, maxX: x + radius, maxY: y + radius))
    }

    /// Marks any box as taken (a legend, a title inside the plot).
    mutating func reserve(_ box: Box) { taken.append(box) }

    /// Places `text` near the point at (`x`, `y`): to its right or left, above or below, at
    /// growing distances. Returns nil when every place is taken or outside the bounds.
    mutating func place(_ text: String, nearX x: Double, y: Double) -> Placement? {
        let width = Double(text.count) * characterWidth
        for distance in [6.0, 14, 24, 36, 50, 66] {
            let dy = distance * 0.75
            let candidates: [(Double, Double)] = [
                (x + distance, y - dy + 0.3 * fontSize), (x + distance, y + dy + 0.6 * fontSize),
                (x - distance - width, y - dy + 0.3 * fontSize), (x - distance - width, y + dy + 0.6 * fontSize),
                (x - width / 2, y - distance - 0.25 * fontSize), (x - width / 2, y + distance + 0.8 * fontSize),
            ]
            for (left, baseline) in candidates {
                let candidate = box(of: text, x: left, baseline: baseline)
                guard candidate.inside(bounds), !taken.contains(where: candidate.overlaps) else { continue }
                taken.append(candidate)
                return Placement(x: left, y: baseline, box: candidate, needsLeader: distance > 14)
            }
        }
        return nil
    }
}
