/// One chart as inline SVG: lines over time with a y axis, a time axis, a legend, and
/// optional shaded bands, reference lines and markers. Every chart of the report is one of
/// these; it needs no script, no font file and no network.
struct LineChart {
    /// Unique within the page (names the clip path).
    var id: String
    var title: String
    var series: [ChartSeries] = []
    var bands: [ChartBand] = []
    var rules: [ChartRule] = []
    var markers: [ChartMarker] = []
    /// Legend entries for the markers: shape, color and what it means.
    var markerLegend: [(shape: ChartMarker.Shape, color: String, name: String)] = []
    /// Labels a y tick (the axis's unit).
    var yLabel: (Double) -> String = { HTML.px($0) }
    /// Names the x axis, e.g. "days since the start".
    var xTitle: String
    var xLabel: (Double) -> String = { HTML.px($0) }
    var width = 1100.0
    var height = 300.0
    /// A zero line, when zero is inside the y range.
    var showsZero = false

    private let left = 72.0
    private let right = 64.0
    private let top = 30.0
    private let bottom = 40.0

    var svg: String {
        let plotRight = width - right
        let plotBottom = height - bottom
        let xs = series.flatMap { $0.points.map(\.x) } + markers.map(\.x)
        let ys = series.flatMap { $0.points.map(\.y) } + markers.map(\.y) + rules.map(\.y)
            + bands.flatMap { [$0.low, $0.high] }
        let x = ChartScale(low: xs.min() ?? 0, high: xs.max() ?? 1, start: left, end: plotRight, tickCount: 10, widen: false)
        let y = ChartScale(low: ys.min() ?? 0, high: ys.max() ?? 1, start: plotBottom, end: top, tickCount: 5)
        let id = "clip-" + self.id

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(HTML.px(width)) \(HTML.px(height))\" "
            + "role=\"img\" aria-label=\"\(HTML.escape(title))\">\n<title>\(HTML.escape(title))</title>\n"
        out += "<defs><clipPath id=\"\(id)\"><rect x=\"\(HTML.px(left))\" y=\"\(HTML.px(top))\" "
            + "width=\"\(HTML.px(plotRight - left))\" height=\"\(HTML.px(plotBottom - top))\"/></clipPath></defs>\n"
        out += ChartGrid(x: x, y: y, left: left, right: plotRight, top: top, bottom: plotBottom,
                         xLabel: xLabel, yLabel: yLabel).svg
        for band in bands {
            let upper = y(band.high), lower = y(band.low)
            out += "<rect x=\"\(HTML.px(left))\" y=\"\(HTML.px(upper))\" width=\"\(HTML.px(plotRight - left))\" "
                + "height=\"\(HTML.px(lower - upper))\" fill=\"\(band.color)\" fill-opacity=\"0.13\"/>\n"
        }
        out += "<text x=\"\(HTML.px((left + plotRight) / 2))\" y=\"\(HTML.px(height - 4))\" class=\"xtitle\">\(HTML.escape(xTitle))</text>\n"
        if showsZero, y.domain.contains(0) {
            let py = HTML.px(y(0))
            out += "<line x1=\"\(HTML.px(left))\" x2=\"\(HTML.px(plotRight))\" y1=\"\(py)\" y2=\"\(py)\" class=\"zero\"/>\n"
        }
        for rule in rules {
            let py = HTML.px(y(rule.y))
            out += "<line x1=\"\(HTML.px(left))\" x2=\"\(HTML.px(plotRight))\" y1=\"\(py)\" y2=\"\(py)\" stroke=\"\(rule.color)\" "
                + "stroke-width=\"1\"\(rule.dashed ? " stroke-dasharray=\"5 4\"" : "")/>"
            out += "<text x=\"\(HTML.px(plotRight + 6))\" y=\"\(py)\" class=\"rule\" fill=\"\(rule.color)\">\(HTML.escape(rule.label))</text>\n"
        }
        // Lines, clipped to the plot.
        out += "<g clip-path=\"url(#\(id))\">\n"
        for line in series where !line.points.isEmpty {
            var d = ""
            d.reserveCapacity(line.points.count * 14)
            for (index, point) in line.points.enumerated() {
                d += (index == 0 ? "M" : "L") + HTML.px(x(point.x)) + " " + HTML.px(y(point.y))
            }
            out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"\(HTML.px(line.width))\" "
                + "stroke-linejoin=\"round\"\(line.dashed ? " stroke-dasharray=\"6 4\"" : "")><title>\(HTML.escape(line.name))</title></path>\n"
        }
        out += "</g>\n"
        // Markers sit on data points, inside the plot; unclipped so one at an edge shows whole.
        for marker in markers {
            out += "<path d=\"\(Self.shape(marker.shape, x: x(marker.x), y: y(marker.y)))\" fill=\"\(marker.color)\" "
                + "class=\"marker\"><title>\(HTML.escape(marker.tooltip))</title></path>\n"
        }
        out += legend(plotRight: plotRight)
        out += "</svg>"
        return out
    }

    /// The series and bands named in a row above the plot.
    private func legend(plotRight: Double) -> String {
        var out = "<g class=\"legend\">"
        var position = left
        for line in series {
            out += "<line x1=\"\(HTML.px(position))\" x2=\"\(HTML.px(position + 18))\" y1=\"14\" y2=\"14\" stroke=\"\(line.color)\" "
                + "stroke-width=\"\(HTML.px(max(line.width, 2)))\"\(line.dashed ? " stroke-dasharray=\"5 3\"" : "")/>"
            out += "<text x=\"\(HTML.px(position + 23))\" y=\"14\">\(HTML.escape(line.name))</text>"
            position += 23 + Self.textWidth(line.name) + 18
        }
        for entry in markerLegend {
            out += "<path d=\"\(Self.shape(entry.shape, x: position + 9, y: entry.shape == .down ? 19 : entry.shape == .up ? 9 : 14))\" "
                + "fill=\"\(entry.color)\"/>"
            out += "<text x=\"\(HTML.px(position + 23))\" y=\"14\">\(HTML.escape(entry.name))</text>"
            position += 23 + Self.textWidth(entry.name) + 18
        }
        for band in bands {
            out += "<rect x=\"\(HTML.px(position))\" y=\"8\" width=\"18\" height=\"12\" fill=\"\(band.color)\" fill-opacity=\"0.25\"/>"
            out += "<text x=\"\(HTML.px(position + 23))\" y=\"14\">\(HTML.escape(band.name))</text>"
            position += 23 + Self.textWidth(band.name) + 18
        }
        return out + "</g>\n"
    }

    /// A marker's outline around (x, y), pixels.
    static func shape(_ shape: ChartMarker.Shape, x: Double, y: Double) -> String {
        func p(_ dx: Double, _ dy: Double) -> String { HTML.px(x + dx) + " " + HTML.px(y + dy) }
        switch shape {
        case .up: return "M" + p(0, -1) + "L" + p(6, 10) + "L" + p(-6, 10) + "Z"
        case .down: return "M" + p(0, 1) + "L" + p(6, -10) + "L" + p(-6, -10) + "Z"
        case .diamond: return "M" + p(0, -7) + "L" + p(6, 0) + "L" + p(0, 7) + "L" + p(-6, 0) + "Z"
        }
    }

    /// A rough width of legend text at 12px, pixels.
    static func textWidth(_ text: String) -> Double { Double(text.count) * 6.6 }
}
