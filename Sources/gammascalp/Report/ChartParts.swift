/// A point of a chart, in data units.
struct ChartPoint {
    var x: Double
    var y: Double
}

/// A line on a chart.
struct ChartSeries {
    var name: String
    /// A CSS color.
    var color: String
    var points: [ChartPoint]
    /// Stroke width, pixels.
    var width = 1.5
    var dashed = false
}

/// A horizontal shaded range, e.g. the net-delta limit band.
struct ChartBand {
    var name: String
    var low: Double
    var high: Double
    var color: String
}

/// A horizontal reference line with a label at its right end, e.g. a strike.
struct ChartRule {
    var label: String
    var y: Double
    var color: String
    var dashed = true
}

/// A symbol at a point, with a hover tooltip (a trade on the price chart).
struct ChartMarker {
    enum Shape { case up, down, diamond }

    var x: Double
    var y: Double
    var shape: Shape
    var color: String
    var tooltip: String
}
