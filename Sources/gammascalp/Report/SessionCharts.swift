import ScalpJournal
import ScalpEngine
import ScalpFormat

/// The report's charts, all drawn by `LineChart` from the replayed session's steps: the
/// price with the trades and strikes, realized against implied vol, net delta against its
/// limit, the P&L attribution, and the trainee against the benchmark.
struct SessionCharts {
    let timeline: ReplayTimeline
    let grade: SessionGrade
    let scenario: Scenario
    /// Time axis: days since the start, or hours for sessions under two days.
    private let hours: Bool

    /// Most trades a chart marks; beyond it only manual trades and the close-out are marked.
    static let markerLimit = 300

    init(timeline: ReplayTimeline, grade: SessionGrade, scenario: Scenario) {
        self.timeline = timeline
        self.grade = grade
        self.scenario = scenario
        let span = (timeline.rows.last?.time ?? 0) * scenario.config.dayCount.daysPerYear
        hours = span < 2
    }

    /// The charts' colours: each ink written once, then what each draws.
    enum Palette {
        static let navy = "#1f4e79"
        static let green = "#1a7f37"
        static let red = "#c62828"
        static let grey = "#6e7781"
        static let violet = "#8250df"
        static let orange = "#d4720b"
        static let cyan = "#17becf"

        static let price = navy, strike = violet
        /// Trades: bought, sold, and the close-out at the end.
        static let buy = green, sell = red, closeOut = grey
        static let realized = orange, ewma = "#b8860b", implied = navy
        /// The range estimators, beside the close-to-close realized vol.
        static let parkinson = green, garmanKlass = violet, rogersSatchell = red, yangZhang = cyan
        static let delta = navy, benchmark = grey, limit = red, total = "#111111"
        /// The attribution chart's colours, one per `PnLBucket.all` in its order (cycling past the end).
        static let buckets = ["#1f77b4", green, red, violet, "#e377c2", "#8c564b", "#7f7f00", orange, cyan, "#bcbd22", "#b0b7bf"]
    }

    var all: [LineChart] { [price, volatility, rangeVolatility, netDelta, attribution, versusBenchmark] + [versusBestRule].compactMap { $0 } }

    // MARK: - Charts

    var price: LineChart {
        var chart = base("price", "Price, trades and strikes")
        chart.series = [ChartSeries(name: "spot", color: Palette.price, points: points(\.spot))]
        chart.yLabel = { Format.number($0, 2) }
        let spots = timeline.rows.map(\.spot)
        let low = spots.min() ?? 0, high = spots.max() ?? 1, span = max(high - low, high * 0.01)
        let strikes = Set(timeline.training.trainee.book.positions.map(\.strike)).sorted()
        for strike in strikes where strike >= low - span / 2 && strike <= high + span / 2 {
            chart.rules.append(ChartRule(label: "K " + Format.trimmed(strike), y: strike, color: Palette.strike))
        }
        let trades = timeline.trades
        let marked = trades.count <= Self.markerLimit ? trades : trades.filter { $0.reason != .auto }
        chart.markers = marked.map { trade in
            let side = trade.quantity > 0 ? "BUY" : "SELL"
            let shape: ChartMarker.Shape = trade.reason == .closeOut ? .diamond : trade.quantity > 0 ? .up : .down
            let color = trade.reason == .closeOut ? Palette.closeOut : trade.quantity > 0 ? Palette.buy : Palette.sell
            return ChartMarker(x: x(trade.time), y: trade.price, shape: shape, color: color,
                               tooltip: "\(side) \(Format.shares(abs(trade.quantity))) @ \(Format.number(trade.price, 2)), "
                                   + "\(Format.clock(trade.time, on: scenario.config.clock)) (step \(trade.step)), \(Self.reasonName(trade.reason))")
        }
        chart.markerLegend = [(.up, Palette.buy, "buy"), (.down, Palette.sell, "sell"), (.diamond, Palette.closeOut, "close-out")]
        if marked.count < trades.count {
            chart.markerLegend.append((.up, "none", "(\(trades.count - marked.count) auto-hedge trades not marked)"))
        }
        return chart
    }

    var volatility: LineChart {
        var chart = base("vol", "Realized against implied volatility")
        chart.series = [
            ChartSeries(name: "implied", color: Palette.implied, points: points(\.impliedVol), width: 2),
            ChartSeries(name: "realized (rolling)", color: Palette.realized,
                        points: timeline.rows.compactMap { row in row.realizedVol.map { ChartPoint(x: x(row.time), y: $0) } }),
            ChartSeries(name: "realized (EWMA)", color: Palette.ewma,
                        points: timeline.rows.compactMap { row in row.ewmaVol.map { ChartPoint(x: x(row.time), y: $0) } },
                        width: 1, dashed: true),
        ].map { line in var line = line; line.points = ChartDecimation.minMax(line.points); return line }
        chart.yLabel = { Format.number($0 * 100, 1) + "%" }
        return chart
    }

    /// The range estimators on the session's bars against close-to-close on the same bars and
    /// implied, each over the session's window: what `v` cycles through on the live screen.
    var rangeVolatility: LineChart {
        let window = timeline.training.trainee.config.volatilityWindow
        var chart = base("range-vol", "Range estimators against close-to-close and implied (\(window)-step window)")
        let estimators: [(RangeVolEstimator, String, Double, Bool)] = [
            (.closeToClose, Palette.realized, 2, false), (.parkinson, Palette.parkinson, 1.3, false),
            (.garmanKlass, Palette.garmanKlass, 1.3, false), (.rogersSatchell, Palette.rogersSatchell, 1.3, true),
            (.yangZhang, Palette.yangZhang, 1.3, true),
        ]
        chart.series = [ChartSeries(name: "implied", color: Palette.implied, points: points(\.impliedVol), width: 2)]
            + estimators.map { estimator, color, width, dashed in
                let line = timeline.rows.compactMap { row in row.rangeVols[estimator].map { ChartPoint(x: x(row.time), y: $0) } }
                return ChartSeries(name: estimator.name, color: color, points: ChartDecimation.minMax(line), width: width,
                                   dashed: dashed)
            }
        chart.yLabel = { Format.number($0 * 100, 1) + "%" }
        return chart
    }

    var netDelta: LineChart {
        var chart = base("delta", "Net delta (shares)")
        chart.series = [
            ChartSeries(name: "benchmark", color: Palette.benchmark, points: points(\.benchmarkNetDelta), width: 1, dashed: true),
            ChartSeries(name: "trainee", color: Palette.delta, points: points(\.netDelta)),
        ]
        if let limit = scenario.riskLimits.netDelta {
            chart.bands = [ChartBand(name: "within the ±\(Format.shares(limit)) limit", low: -limit, high: limit, color: Palette.buy)]
            chart.rules = [ChartRule(label: "+limit", y: limit, color: Palette.limit),
                           ChartRule(label: "−limit", y: -limit, color: Palette.limit)]
        }
        chart.yLabel = { Format.shares($0) }
        chart.showsZero = true
        return chart
    }

    var attribution: LineChart {
        var chart = base("attribution", "Cumulative P&L by source")
        chart.series = PnLBucket.all.enumerated().compactMap { index, bucket in
            let line = timeline.rows.map { ChartPoint(x: x($0.time), y: $0.attribution[bucket]) }
            // Leave out sources that stayed at zero (vega without implied-vol moves).
            guard line.contains(where: { $0.y != 0 }) else { return nil }
            return ChartSeries(name: bucket.name, color: Palette.buckets[index % Palette.buckets.count],
                               points: ChartDecimation.minMax(line), width: 1.3)
        }
        chart.series.append(ChartSeries(name: "total", color: Palette.total, points: points(\.pnl), width: 2.2))
        chart.yLabel = { Format.number($0, 0) }
        chart.showsZero = true
        return chart
    }

    var versusBenchmark: LineChart {
        var chart = base("benchmark", "P&L: trainee against the benchmark hedger (\(scenario.benchmarkRule.label))")
        chart.series = [
            ChartSeries(name: "benchmark", color: Palette.benchmark, points: points(\.benchmarkPnL), width: 1.6, dashed: true),
            ChartSeries(name: "trainee", color: Palette.total, points: points(\.pnl), width: 2),
        ]
        if let loss = scenario.riskLimits.loss {
            chart.rules = [ChartRule(label: "loss limit", y: -loss, color: Palette.limit)]
        }
        chart.yLabel = { Format.number($0, 0) }
        chart.showsZero = true
        return chart
    }

    /// The trainee's net delta against the best rule's on the same path (the grade's
    /// `DecisionPath`s): where the two part is where the grade was lost.
    var versusBestRule: LineChart? {
        guard let best = grade.bestPath, let bestRule = grade.bestRule, let trainee = grade.traineePath,
              !best.samples.isEmpty else { return nil }
        let unit = scenario.config.tradingUnit.name
        var chart = base("best-rule", "Net delta (\(unit)): trainee against the best rule on this path (\(bestRule))")
        func line(_ path: DecisionPath) -> [ChartPoint] {
            ChartDecimation.minMax(path.samples.map { ChartPoint(x: x($0.time), y: $0.netDelta) })
        }
        chart.series = [
            ChartSeries(name: bestRule, color: Palette.benchmark, points: line(best), width: 1.6, dashed: true),
            ChartSeries(name: "trainee", color: Palette.delta, points: line(trainee), width: 2),
        ]
        // The costliest stretch's two ends, marked on the trainee's line.
        if let stretch = grade.costliestStretch {
            let ends = trainee.samples.filter { $0.step == stretch.fromStep || $0.step == stretch.toStep }
            chart.markers = ends.map { sample in
                ChartMarker(x: x(sample.time), y: sample.netDelta, shape: .diamond, color: Palette.limit,
                            tooltip: (sample.step == stretch.fromStep ? "costliest stretch starts" : "costliest stretch ends")
                                + " (step \(sample.step))")
            }
        }
        chart.yLabel = { Format.shares($0) }
        chart.showsZero = true
        return chart
    }

    // MARK: - Helpers

    private func base(_ id: String, _ title: String) -> LineChart {
        LineChart(id: id, title: title, xTitle: (hours ? "hours" : scenario.config.dayCount.noun) + " since the start",
                  xLabel: { Format.trimmed($0) })
    }

    /// Session time in years → the axis unit.
    private func x(_ years: Double) -> Double {
        years * scenario.config.dayCount.daysPerYear * (hours ? scenario.config.dayCount.hoursPerDay : 1)
    }

    /// One value per step, thinned for drawing.
    private func points(_ key: KeyPath<ReplayTimeline.Row, Double>) -> [ChartPoint] {
        ChartDecimation.minMax(timeline.rows.map { ChartPoint(x: x($0.time), y: $0[keyPath: key]) })
    }

    static func reasonName(_ reason: TradeReason) -> String {
        switch reason {
        case .manual: "manual"
        case .auto: "auto-hedge"
        case .closeOut: "close-out"
        }
    }
}
