/// The plot area's frame and its grid: a line and a label at every tick of each axis. The
/// session report's line charts and the frontier chart draw their axes with it.
struct ChartGrid {
    var x: ChartScale
    var y: ChartScale
    /// The plot area, pixels.
    var left, right, top, bottom: Double
    var xLabel: (Double) -> String
    var yLabel: (Double) -> String

    /// The plot rectangle, then the horizontal grid lines with y labels and the vertical ones
    /// with x labels, as SVG.
    var svg: String {
        var out = "<rect x=\"\(HTML.px(left))\" y=\"\(HTML.px(top))\" width=\"\(HTML.px(right - left))\" "
            + "height=\"\(HTML.px(bottom - top))\" class=\"plot\"/>\n"
        for tick in y.ticks {
            let py = HTML.px(y(tick))
            out += "<line x1=\"\(HTML.px(left))\" x2=\"\(HTML.px(right))\" y1=\"\(py)\" y2=\"\(py)\" class=\"grid\"/>"
            out += "<text x=\"\(HTML.px(left - 8))\" y=\"\(py)\" class=\"ylabel\">\(HTML.escape(yLabel(tick)))</text>\n"
        }
        for tick in x.ticks {
            let px = HTML.px(x(tick))
            out += "<line x1=\"\(px)\" x2=\"\(px)\" y1=\"\(HTML.px(top))\" y2=\"\(HTML.px(bottom))\" class=\"grid\"/>"
            out += "<text x=\"\(px)\" y=\"\(HTML.px(bottom + 16))\" class=\"xlabel\">\(HTML.escape(xLabel(tick)))</text>\n"
        }
        return out
    }
}
