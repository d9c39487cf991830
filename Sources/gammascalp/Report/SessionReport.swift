import Foundation
import ScalpJournal
import ScalpEngine
import ScalpFormat

/// `gammascalp report`: one self-contained HTML page about a replayed session: the header
/// (scenario, seed, session time, verdict), the score against the benchmark, the charts as
/// inline SVG, the P&L attribution and the trade list. No script, no external file, no
/// network; the same journal always gives the same bytes.
struct SessionReport {
    let session: RecordedSession
    let timeline: ReplayTimeline
    /// nil when the replay matched the journal, else the first difference.
    let mismatch: String?
    /// The replayed session's grade, derived once for the header, the score and the charts.
    let grade: SessionGrade

    init(session: RecordedSession, timeline: ReplayTimeline, mismatch: String?) {
        (self.session, self.timeline, self.mismatch) = (session, timeline, mismatch)
        grade = timeline.training.grade
    }

    /// Most rows of the trade table; longer lists show their first and last halves.
    static let tableLimit = 400

    var html: String {
        let scenario = session.start.scenario
        let title = "gammascalp report: \(scenario.name), seed \(session.start.seed)"
        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title))</title>
        <style>\(Self.css)</style>
        </head>
        <body>

        """
        page += header + score + charts + attribution + optionTradeList + tradeList
        page += "<footer>Written by gammascalp \(HTML.escape(GammaScalp.version)) from \(HTML.escape(session.location)), "
            + "by replaying its recorded actions on the engine. Self-contained: no script, no network.</footer>\n"
        page += "</body>\n</html>\n"
        return page
    }

    // MARK: - Sections

    private var header: String {
        let scenario = session.start.scenario
        let final = timeline.training.trainee
        let score = grade
        var facts: [(String, String)] = [
            ("Played", session.start.startedAt.map { JournalStart.timestamp($0) + " (UTC)" }
                ?? "not recorded (a journal from before gammascalp 0.3.0)"),
            ("Session", "\(Format.clock(0, on: final.config.clock)) → \(Format.clock(final.time, on: final.config.clock)) (step \(Format.number(Double(final.step), 0)) "
                + "of \(Format.number(Double(final.config.steps), 0)))"),
            ("Ended", ending),
            ("Start", "hedge rule \(session.start.config.hedgeRule.label), auto-hedge \(session.start.config.autoHedge ? "on" : "off"), "
                + (session.start.config.lotSize > 0 ? "lot \(Format.shares(session.start.config.lotSize)) \(session.start.config.tradingUnit.name)"
                   : "fractional \(session.start.config.tradingUnit.name)")),
            ("Benchmark", "auto-hedges \(scenario.benchmarkRule.label) on the same price path"),
            ("Limits", limits),
            ("Journal", session.location + (session.start.version.map { " (gammascalp \($0))" } ?? "")),
        ]
        facts.append(("Replay", mismatch.map { "differs from the journal: \($0)" } ?? "reproduces every recorded trade, tick and the final P&L exactly"))
        var out = "<header>\n<h1>\(HTML.escape(scenario.name)) <span class=\"seed\">seed \(session.start.seed)</span></h1>\n"
        out += "<p class=\"description\">\(HTML.escape(scenario.description))</p>\n"
        if !scenario.learningGoal.isEmpty {
            out += "<p class=\"goal\"><b>Goal:</b> \(HTML.escape(scenario.learningGoal))</p>\n"
        }
        out += "<div class=\"verdict\"><div class=\"points\">\(Int(score.points))<small>/100</small></div>"
            + "<p>\(HTML.escape(score.verdict))"
            + (score.costliestStretch.flatMap { stretch in
                score.bestRule.map { " " + HTML.escape(stretch.sentence(against: $0, unit: final.config.tradingUnit.name) {
                    Format.clock($0, on: final.config.clock)
                }) }
            } ?? "")
            + (SessionSummary(timeline.training).why.map { " " + HTML.escape($0) } ?? "")
            + "</p></div>\n<dl class=\"facts\">\n"
        for (name, value) in facts {
            let warn = name == "Replay" && mismatch != nil || name == "Ended" && session.isTruncated
            out += "<dt>\(name)</dt><dd\(warn ? " class=\"warn\"" : "")>\(HTML.escape(value))</dd>\n"
        }
        return out + "</dl>\n</header>\n"
    }

    private var ending: String {
        guard let end = session.end?.end else {
            return "journal truncated after line \(session.lastCompleteLine) (no end line): replayed to step \(session.lastStep), session still open"
        }
        let final = timeline.training.trainee
        let left = final.timeToNextExpiry.flatMap { $0 > OptionBook.timeTolerance ? $0 : nil }
        return end.reason.sentence(sessionLength: final.time, optionsLeft: left, clock: final.config.dayCount)
    }

    private var limits: String {
        let risk = session.start.scenario.riskLimits
        var parts: [String] = []
        if let delta = risk.netDelta { parts.append("net delta ±\(Format.shares(delta)) \(session.start.config.tradingUnit.name)") }
        if let loss = risk.loss { parts.append("loss \(Format.number(loss, 0))") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    private var score: String {
        let s = grade
        func money(_ value: Double) -> String { Format.money(value) }
        let rows: [(String, String, String)] = [
            ("P&L", money(s.traineePnL), money(s.benchmarkPnL)),
            ("Hedging error per step", Format.number(s.traineeHedgingError), Format.number(s.benchmarkHedgingError)),
            ("Costs paid", Format.number(s.traineeCosts), Format.number(s.benchmarkCosts)),
            ("Trades", Format.number(Double(s.traineeTrades), 0), Format.number(Double(s.benchmarkTrades), 0)),
        ]
        var out = "<section class=\"score\">\n<h2>Score</h2>\n<table>\n<thead><tr><th></th><th>Trainee</th><th>Benchmark</th></tr></thead>\n<tbody>\n"
        for (name, trainee, benchmark) in rows {
            out += "<tr><th>\(name)</th><td>\(trainee)</td><td>\(benchmark)</td></tr>\n"
        }
        out += "<tr><th>P&amp;L against the benchmark</th><td colspan=\"2\">\(money(s.traineePnL - s.benchmarkPnL))</td></tr>\n"
        out += "<tr><th>Time over the delta limit</th><td colspan=\"2\">\(Format.percent(s.timeOverLimit)) "
            + "(\(s.deltaLimitBreaches) breach\(s.deltaLimitBreaches == 1 ? "" : "es"))</td></tr>\n"
        out += "<tr><th>Loss limit</th><td colspan=\"2\">\(s.lossLimitBreached ? "breached" : "kept")</td></tr>\n"
        if let nearest = s.nearestRule, let best = s.bestRule {
            out += "<tr><th>Hedged most like</th><td colspan=\"2\">\(HTML.escape(nearest))</td></tr>\n"
            out += "<tr><th>Best rule on this path</th><td colspan=\"2\">\(HTML.escape(best))</td></tr>\n"
        }
        if let parts = s.decomposition {
            for (name, value) in [("Luck: the market's part", parts.market), ("Skill: the hedging part", parts.hedging),
                                  ("Costs", parts.costs), ("The rest (vega and the like)", parts.rest)] {
                out += "<tr><th>\(HTML.escape(name))</th><td colspan=\"2\">\(money(value))</td></tr>\n"
            }
        }
        out += "<tr class=\"total\"><th>Points</th><td colspan=\"2\">\(Int(s.points)) of 100</td></tr>\n"
        out += "</tbody>\n</table>\n<p class=\"note\">Points place the trainee's decision utility, P&amp;L − the open delta's "
            + "luck Σ Δ·(ΔS − E[ΔS]) − (λ/2)·Σ Δ²·Var(ΔS) (the risk the open delta took under the scenario's model), among the utilities of the scenario's reference hedge rules run on the same "
            + "path (λ = \(Format.trimmed(session.start.scenario.riskAversion)) per unit of currency): 0 at or below the worst "
            + "rule, 100 at or above the best, linear by rank between; time over the net-delta limit and a loss-limit "
            + "breach take up to 20 points each. The market's part is what the same options continuously hedged at "
            + "implied vol for free made on this path: the luck of the path, the same for every hedger.</p>\n</section>\n"
        return out
    }

    private var charts: String {
        let charts = SessionCharts(timeline: timeline, grade: grade, scenario: session.start.scenario)
        var out = "<section class=\"charts\">\n<h2>The session</h2>\n"
        for chart in charts.all {
            out += "<figure id=\"chart-\(chart.id)\">\n<figcaption>\(HTML.escape(chart.title))</figcaption>\n\(chart.svg)\n</figure>\n"
        }
        return out + "</section>\n"
    }

    private var attribution: String {
        let trainee = timeline.training.trainee.attribution
        let benchmark = timeline.training.benchmark.attribution
        // A bucket only some sessions have (a perpetual's funding) only where either book has it.
        let rows = PnLBucket.all.filter { $0.isPresent(in: trainee) || $0.isPresent(in: benchmark) }
            .map { ($0.name, "", trainee[$0], benchmark[$0]) } + [("total", " class=\"total\"", trainee.total, benchmark.total)]
        var out = "<section class=\"attribution\">\n<h2>P&amp;L attribution</h2>\n<table>\n"
            + "<thead><tr><th></th><th>Trainee</th><th>Benchmark</th></tr></thead>\n<tbody>\n"
        for (name, rowClass, own, bench) in rows {
            out += "<tr\(rowClass)><th>\(name)</th><td>\(Format.money(own))</td><td>\(Format.money(bench))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    /// The option ticket's fills, every one (a session makes a few).
    private var optionTradeList: String {
        let fills = timeline.optionFills
        guard !fills.isEmpty else { return "" }
        let clock = session.start.config.clock
        var out = "<section class=\"trades\">\n<h2>Option trades (\(fills.count))</h2>\n<table>\n<thead><tr><th>#</th>"
            + "<th>Time</th><th>Step</th><th>Side</th><th>Contracts</th><th>Option</th><th>Price</th><th>Premium</th>"
            + "<th>Cost</th></tr></thead>\n<tbody>\n"
        for (index, fill) in fills.enumerated() {
            let o = fill.order
            let side = o.quantity > 0 ? "<span class=\"buy\">BUY</span>" : "<span class=\"sell\">SELL</span>"
            out += "<tr><td>\(index + 1)</td><td>\(Format.clock(fill.time, on: clock))</td><td>\(fill.step)</td><td>\(side)</td>"
                + "<td>\(Format.number(abs(o.quantity), 0)) × \(Format.number(o.multiplier, 0))</td>"
                + "<td>\(o.kind.rawValue) \(Format.number(o.strike, 2)) expiring \(Format.clock(o.expiry, on: clock))</td>"
                + "<td>\(Format.number(fill.price, 2))</td><td>\(Format.money(fill.premium))</td>"
                + "<td>\(Format.number(fill.cost, 2))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    private var tradeList: String {
        let trades = timeline.trades
        var out = "<section class=\"trades\">\n<h2>Trades (\(Format.number(Double(trades.count), 0)))</h2>\n"
        guard !trades.isEmpty else { return out + "<p>No trades.</p>\n</section>\n" }
        out += "<table>\n<thead><tr><th>#</th><th>Time</th><th>Step</th><th>Side</th><th>\(session.start.config.tradingUnit.instrument == "stock" ? "Shares" : HTML.escape(session.start.config.tradingUnit.name))</th><th>Price</th>"
            + "<th>Cost</th><th>By</th></tr></thead>\n<tbody>\n"
        let half = Self.tableLimit / 2
        let shown = trades.count <= Self.tableLimit ? Array(trades.indices) : Array(0..<half) + Array((trades.count - half)..<trades.count)
        var previous = -1
        for index in shown {
            if index != previous + 1 {
                out += "<tr class=\"gap\"><td colspan=\"8\">… \(index - previous - 1) trades not shown "
                    + "(<code>gammascalp export JOURNAL --csv FILE --trades TRADES.csv</code> lists them all) …</td></tr>\n"
            }
            previous = index
            let trade = trades[index]
            let side = trade.quantity > 0 ? "<span class=\"buy\">BUY</span>" : "<span class=\"sell\">SELL</span>"
            out += "<tr><td>\(index + 1)</td><td>\(Format.clock(trade.time, on: session.start.config.clock))</td><td>\(trade.step)</td><td>\(side)</td>"
                + "<td>\(Format.shares(abs(trade.quantity)))</td><td>\(Format.number(trade.price, 2))</td>"
                + "<td>\(Format.number(trade.cost, 2))</td><td>\(SessionCharts.reasonName(trade.reason))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    static let css = """

    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328;
           max-width: 1160px; margin: 24px auto; padding: 0 20px; background: #fff; }
    h1 { font-size: 26px; margin: 0 0 4px; } h1 .seed { font-weight: 400; color: #59636e; font-size: 20px; }
    h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; }
    .description { margin: 4px 0; } .goal { margin: 4px 0 12px; color: #59636e; }
    .verdict { display: flex; align-items: center; gap: 18px; background: #f6f8fa; border: 1px solid #d1d9e0;
               border-radius: 8px; padding: 12px 18px; margin: 12px 0; }
    .verdict .points { font-size: 40px; font-weight: 700; color: #1f4e79; white-space: nowrap; }
    .verdict .points small { font-size: 16px; color: #59636e; font-weight: 400; }
    .verdict p { margin: 0; font-size: 16px; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
    dl.facts dt { color: #59636e; } dl.facts dd { margin: 0; } .warn { color: #b35900; font-weight: 600; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
    th, td { padding: 3px 12px; border-bottom: 1px solid #eaeef2; text-align: right; }
    th:first-child { text-align: left; } thead th { color: #59636e; font-weight: 600; border-bottom: 1px solid #d1d9e0; }
    tr.total th, tr.total td { font-weight: 700; border-top: 1px solid #d1d9e0; }
    tr.gap td { text-align: center; color: #59636e; }
    .trades :is(td, th):is(:nth-child(2), :nth-child(4), :nth-child(8)) { text-align: left; }
    .buy { color: #1a7f37; font-weight: 600; } .sell { color: #c62828; font-weight: 600; }
    .note { color: #59636e; font-size: 13px; }
    figure { margin: 0 0 18px; } figcaption { font-weight: 600; margin-bottom: 2px; }
    svg.chart { width: 100%; height: auto; display: block; font-size: 12px; }
    svg .plot { fill: #fbfcfd; stroke: #d1d9e0; } svg .grid { stroke: #eaeef2; } svg .zero { stroke: #8c959f; }
    svg .ylabel { text-anchor: end; dominant-baseline: middle; fill: #59636e; }
    svg .xlabel, svg .xtitle { text-anchor: middle; fill: #59636e; }
    svg .rule { dominant-baseline: middle; font-size: 11px; } svg .legend text { dominant-baseline: middle; fill: #1f2328; }
    svg .marker { stroke: #fff; stroke-width: 0.8; }
    footer { margin: 32px 0 8px; color: #59636e; font-size: 12px; }

    """
}
