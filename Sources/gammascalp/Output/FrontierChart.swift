import ScalpEngine

/// The efficient frontier as a standalone SVG (or an HTML page holding it): P&L stdev on x,
/// mean P&L on y, one labelled point per rule, the frontier joined by a line. Drawn with the
/// report's `ChartScale` and `HTML` helpers; it carries its own style so the file stands alone.
struct FrontierChart {
    var title: String
    var frontier: HedgeFrontier
    var width = 900.0
    var height = 560.0

    private let left = 80.0, right = 40.0, top = 40.0, bottom = 48.0

    static let style = """
        .plot{fill:#fbfbfd;stroke:#c8c8d0}.grid{stroke:#e4e4ea}text{font:12px sans-serif;fill:#333}\
        .ylabel{text-anchor:end;dominant-baseline:middle}.xlabel{text-anchor:middle}.xtitle{text-anchor:middle}\
        .label{font-size:11px}.title{font-size:14px;font-weight:bold}
        """

    var svg: String {
        let points = frontier.points
        let plotRight = width - right, plotBottom = height - bottom
        let x = ChartScale(low: points.map(\.pnlStdev).min() ?? 0, high: points.map(\.pnlStdev).max() ?? 1,
                           start: left, end: plotRight, tickCount: 8)
        let y = ChartScale(low: points.map(\.pnlMean).min() ?? 0, high: points.map(\.pnlMean).max() ?? 1,
                           start: plotBottom, end: top, tickCount: 6)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(HTML.px(width)) \(HTML.px(height))\" "
            + "role=\"img\" aria-label=\"\(HTML.escape(title))\">\n<title>\(HTML.escape(title))</title>\n"
            + "<style>\(Self.style)</style>\n"
        out += "<text x=\"\(HTML.px(left))\" y=\"20\" class=\"title\">\(HTML.escape(title))</text>\n"
        out += ChartGrid(x: x, y: y, left: left, right: plotRight, top: top, bottom: plotBottom,
                         xLabel: Table.plain, yLabel: Table.plain).svg
        out += "<text x=\"\(HTML.px((left + plotRight) / 2))\" y=\"\(HTML.px(height - 8))\" class=\"xtitle\">"
            + "P&amp;L standard deviation (risk), currency</text>\n"
        out += "<text transform=\"translate(16 \(HTML.px((top + plotBottom) / 2))) rotate(-90)\" class=\"xtitle\">"
            + "mean P&amp;L, currency</text>\n"
        let line = frontier.frontier.enumerated().map { index, point in
            (index == 0 ? "M" : "L") + HTML.px(x(point.pnlStdev)) + " " + HTML.px(y(point.pnlMean))
        }.joined()
        if !line.isEmpty {
            out += "<path d=\"\(line)\" fill=\"none\" stroke=\"#2a7fff\" stroke-width=\"2\"><title>efficient frontier</title></path>\n"
        }
        for point in points {
            let px = x(point.pnlStdev), py = y(point.pnlMean)
            let color = point.onFrontier ? "#2a7fff" : "#888"
            let tip = "\(point.rule): mean \(Table.fixed(point.pnlMean, 0)), stdev \(Table.fixed(point.pnlStdev, 0)), "
                + "utility \(Table.fixed(point.utility, 0))"
            out += "<circle cx=\"\(HTML.px(px))\" cy=\"\(HTML.px(py))\" r=\"4\" fill=\"\(color)\"><title>\(HTML.escape(tip))</title></circle>"
            out += "<text x=\"\(HTML.px(px + 6))\" y=\"\(HTML.px(py - 5))\" class=\"label\" fill=\"\(color)\">"
                + "\(HTML.escape(point.rule.description))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// The chart in a minimal HTML page.
    var html: String {
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(title))</title></head>\n"
            + "<body>\n\(svg)</body></html>\n"
    }
}
