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
    /// The legend's column, right of the plot: one line a rule.
    private let legendWidth = 300.0, legendLine = 15.0

    static let style = """
        .plot{fill:#fbfbfd;stroke:#c8c8d0}.grid{stroke:#e4e4ea}text{font:12px sans-serif;fill:#333}\
        .ylabel{text-anchor:end;dominant-baseline:middle}.xlabel{text-anchor:middle}.xtitle{text-anchor:middle}\
        .label{font-size:11px}.legend{font-size:11px}.title{font-size:14px;font-weight:bold}
        """

    /// The picture's size: the plot's, the legend's column beside it, tall enough for a line a rule.
    private var pictureWidth: Double { width + legendWidth }
    private var pictureHeight: Double { max(height, top + legendLine * Double(frontier.points.count + 4) + bottom) }

    var svg: String {
        let points = frontier.points
        let plotRight = width - right, plotBottom = pictureHeight - bottom
        let x = ChartScale(low: points.map(\.pnlStdev).min() ?? 0, high: points.map(\.pnlStdev).max() ?? 1,
                           start: left, end: plotRight, tickCount: 8)
        let y = ChartScale(low: points.map(\.pnlMean).min() ?? 0, high: points.map(\.pnlMean).max() ?? 1,
                           start: plotBottom, end: top, tickCount: 6)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(HTML.px(pictureWidth)) \(HTML.px(pictureHeight))\" "
            + "role=\"img\" aria-label=\"\(HTML.escape(title))\">\n<title>\(HTML.escape(title))</title>\n"
            + "<style>\(Self.style)</style>\n"
        out += "<text x=\"\(HTML.px(left))\" y=\"20\" class=\"title\">\(HTML.escape(title))</text>\n"
        out += ChartGrid(x: x, y: y, left: left, right: plotRight, top: top, bottom: plotBottom,
                         xLabel: Table.plain, yLabel: Table.plain).svg
        out += "<text x=\"\(HTML.px((left + plotRight) / 2))\" y=\"\(HTML.px(pictureHeight - 8))\" class=\"xtitle\">"
            + "P&amp;L standard deviation (risk), currency</text>\n"
        out += "<text transform=\"translate(16 \(HTML.px((top + plotBottom) / 2))) rotate(-90)\" class=\"xtitle\">"
            + "mean P&amp;L, currency</text>\n"
        let line = frontier.frontier.enumerated().map { index, point in
            (index == 0 ? "M" : "L") + HTML.px(x(point.pnlStdev)) + " " + HTML.px(y(point.pnlMean))
        }.joined()
        if !line.isEmpty {
            out += "<path d=\"\(line)\" fill=\"none\" stroke=\"#2a7fff\" stroke-width=\"2\"><title>efficient frontier</title></path>\n"
        }
        out += labelsAndLegend(points, x: x, y: y, plot: ChartLabels.Box(minX: left, minY: top, maxX: plotRight, maxY: plotBottom))
        return out + "</svg>\n"
    }

    /// The points, each labelled with its rule where a free place is near it (`ChartLabels`),
    /// and the legend: every rule with its number, mean, standard deviation and utility, the
    /// best utility starred and ringed on the plot. A point whose name found no place shows its
    /// number instead, or nothing beyond its marker, and the legend names it.
    private func labelsAndLegend(_ points: [HedgeFrontier.Point], x: ChartScale, y: ChartScale,
                                 plot: ChartLabels.Box) -> String {
        var labels = ChartLabels(bounds: ChartLabels.Box(minX: plot.minX + 2, minY: plot.minY + 2,
                                                         maxX: plot.maxX - 2, maxY: plot.maxY - 2))
        let best = points.indices.max { points[$0].utility < points[$1].utility }
        for point in points { labels.reserve(pointAt: x(point.pnlStdev), y(point.pnlMean), radius: 5) }
        var out = ""
        // Frontier points, then the rest, best utility first: the labels that matter get the near places.
        let order = points.indices.sorted { a, b in
            (points[a].onFrontier ? 0 : 1, -points[a].utility) < (points[b].onFrontier ? 0 : 1, -points[b].utility)
        }
        var marks = [String](repeating: "", count: points.count)
        for index in order {
            let point = points[index]
            let px = x(point.pnlStdev), py = y(point.pnlMean)
            let color = point.onFrontier ? "#2a7fff" : "#888"
            let tip = "\(point.rule): mean \(Table.fixed(point.pnlMean, 0)), stdev \(Table.fixed(point.pnlStdev, 0)), "
                + "utility \(Table.fixed(point.utility, 0))"
            var mark = "<circle cx=\"\(HTML.px(px))\" cy=\"\(HTML.px(py))\" r=\"4\" fill=\"\(color)\"><title>\(HTML.escape(tip))</title></circle>"
            if index == best {
                mark += "<circle cx=\"\(HTML.px(px))\" cy=\"\(HTML.px(py))\" r=\"8\" fill=\"none\" stroke=\"#d4a000\" stroke-width=\"2\">"
                    + "<title>best utility</title></circle>"
            }
            let name = (index == best ? "★ " : "") + point.rule.description
            var text = name
            var placement = labels.place(text, nearX: px, y: py)
            if placement == nil {
                text = String(index + 1)
                placement = labels.place(text, nearX: px, y: py)
            }
            if let placed = placement {
                if placed.needsLeader {
                    let cx = min(max(px, placed.box.minX), placed.box.maxX), cy = min(max(py, placed.box.minY), placed.box.maxY)
                    mark += "<line x1=\"\(HTML.px(px))\" y1=\"\(HTML.px(py))\" x2=\"\(HTML.px(cx))\" y2=\"\(HTML.px(cy))\" "
                        + "stroke=\"\(color)\" stroke-width=\"0.7\"/>"
                }
                mark += "<text x=\"\(HTML.px(placed.x))\" y=\"\(HTML.px(placed.y))\" class=\"label\" fill=\"\(color)\">"
                    + "\(HTML.escape(text))</text>"
            }
            marks[index] = mark + "\n"
        }
        out += marks.joined()
        let legendX = width + 4
        out += "<text x=\"\(HTML.px(legendX))\" y=\"\(HTML.px(top))\" class=\"legend\">rule: mean, stdev, utility</text>\n"
        for (index, point) in points.enumerated() {
            let line = "\(index + 1). \(index == best ? "★ " : "")\(point.rule): \(Table.fixed(point.pnlMean, 0)), "
                + "\(Table.fixed(point.pnlStdev, 0)), \(Table.fixed(point.utility, 0))"
            out += "<text x=\"\(HTML.px(legendX))\" y=\"\(HTML.px(top + legendLine * Double(index + 1)))\" class=\"legend\" "
                + "fill=\"\(point.onFrontier ? "#2a7fff" : "#555")\">\(HTML.escape(line))</text>\n"
        }
        let footer = ["blue: on the efficient frontier"] + (best.map { ["★ best utility: \(points[$0].rule)"] } ?? [])
        for (line, text) in footer.enumerated() {
            out += "<text x=\"\(HTML.px(legendX))\" y=\"\(HTML.px(top + legendLine * Double(points.count + 2 + line)))\" "
                + "class=\"legend\">\(HTML.escape(text))</text>\n"
        }
        return out
    }

    /// The chart in a minimal HTML page.
    var html: String {
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(HTML.escape(title))</title></head>\n"
            + "<body>\n\(svg)</body></html>\n"
    }
}
