import ScalpEngine
import ScalpFormat

/// The end-of-session report: every figure comes from the engine's session; this type only
/// gathers them for the summary screen, the journal's `end` line and the shell.
public struct SessionSummary: Sendable, Hashable {
    public var step: Int
    /// The session's length in steps; nil when read from a journal written before 0.3.0.
    public var steps: Int?
    /// Session time, years.
    public var time: Double
    public var pnl: Double
    public var attribution: PnLAttribution
    public var trades: Int
    public var manualTrades: Int
    public var autoTrades: Int
    public var closeOutTrades: Int
    public var sharesTraded: Double
    /// Costs paid, currency (the attribution's costs, a negative number).
    public var costs: Double
    /// Realized vol over the whole session, nil before two returns.
    public var realizedVol: Double?
    /// The book's implied vol as bought.
    public var impliedVol: Double
    /// Standard deviation of the per-step hedging error, currency.
    public var hedgingErrorPerStep: Double
    /// The same over the session so far (× √steps).
    public var hedgingError: Double
    /// The grade, and the trainee beside the benchmark hedger on the same path; nil for a bare session.
    public var score: SessionGrade?
    /// The benchmark hedger's rule, with `score`.
    public var benchmarkRule: HedgeRule?
    /// Costs in parts, funding and fills, when the execution layer ran (non-standard terms or
    /// limit orders); nil for the plain model, whose costs are the one `costs` figure.
    public var costParts: ExecutionCosts? = nil
    /// The clock `time` reads on (calendar days unless the session kept another).
    public var clock: SessionClock = .calendarDays
    /// What `sharesTraded` counts: "shares", or a perpetual's coin (`TradingUnit.name`).
    public var unitName = TradingUnit.shares.name
    /// Years the book's next option still had to run at the end, when the session ended
    /// before it expired (nil once the book has run off, and for journals).
    public var optionsLeft: Double?
    /// Times the trainee asked the coach (`m`): the journal's `coach` lines.
    public var coachUses = 0
}

extension SessionSummary {
    public init(_ session: Session) {
        self.init(step: session.step, steps: session.config.steps, time: session.time, pnl: session.pnl,
                  attribution: session.attribution, trades: session.tradeCount, manualTrades: session.manualTradeCount,
                  autoTrades: session.autoTradeCount, closeOutTrades: session.closeOutTradeCount,
                  sharesTraded: session.sharesTraded, costs: session.attribution.costs,
                  realizedVol: session.sessionRealizedVol, impliedVol: session.openingImpliedVol,
                  hedgingErrorPerStep: session.hedgingError.standardDeviation, hedgingError: session.hedgingErrorSoFar)
        clock = session.config.clock
        unitName = session.config.tradingUnit.name
        optionsLeft = session.timeToNextExpiry.flatMap { $0 > OptionBook.timeTolerance ? $0 : nil }
        let parts = session.executionCosts
        if !session.config.executionTerms.isStandard || parts.limitFills > 0 { costParts = parts }
    }

    /// Why the P&L came out as it did: realized against implied, gamma against theta (`WhyThePnL`).
    public var why: String? {
        WhyThePnL.sentence(realizedVol: realizedVol, impliedVol: impliedVol, gamma: attribution.gamma, theta: attribution.theta)
    }

    /// The trainee's summary with the grade.
    public init(_ training: TrainingSession) {
        self.init(training.trainee)
        score = training.grade.recorded
        benchmarkRule = training.scenario.benchmarkRule
    }

    /// Plain-text lines (for the shell after the screen closes). `labels`: a replayed price
    /// file's row labels (dates), which name the session's end instead of its clock.
    public func lines(labels: [String]? = nil) -> [String] {
        let of = steps.map { " of \($0)" } ?? ""
        let when = labels.flatMap { step < $0.count ? TextLayout.sanitize($0[step]) : nil } ?? Format.clock(time, on: clock)
        var lines = [
            "session ended at \(when) (step \(step)\(of))"
                + (optionsLeft.map { "; the options have \(Format.duration($0, on: clock.dayCount)) left, marked at implied" } ?? ""),
            "P&L \(Format.money(pnl))  =  "
                + attribution.presentBuckets.map { "\($0.name) \(Format.money(attribution[$0]))" }.joined(separator: "  "),
            "trades \(trades) (manual \(manualTrades), auto \(autoTrades), close-out \(closeOutTrades))"
                + "  \(unitName) traded \(Format.shares(sharesTraded))  costs \(Format.money(costs))",
        ]
        if let p = costParts {
            lines.append("costs in parts (P&L): " + p.pnlParts.map { "\($0.name) \(Format.money($0.pnl))" }.joined(separator: "  ")
                         + "  fills \(p.limitFills) limit, \(p.marketFills) market")
        }
        lines.append("realized vol \(Format.percent(realizedVol))  vs implied \(Format.percent(impliedVol))"
                     + "  hedging error \(Format.number(hedgingError)) (\(Format.number(hedgingErrorPerStep)) per step)")
        if let why { lines.append(why) }
        if coachUses > 0 { lines.append("you asked the coach \(coachUses == 1 ? "once" : "\(coachUses) times")") }
        if let score {
            lines.append("score \(Int(score.points))/100 among the reference hedge rules on this path: \(score.verdict)")
            if let stretch = score.costliestStretch, let best = score.bestRule {
                lines.append(stretch.sentence(against: best, unit: unitName) { Format.clock($0, on: clock) })
            }
            if let parts = score.decomposition {
                lines.append("parts: market \(Format.money(parts.market))  hedging \(Format.money(parts.hedging))"
                             + "  costs \(Format.money(parts.costs))  rest \(Format.money(parts.rest))")
                if let split = parts.luckAndSkillText { lines.append(split) }
            }
            lines.append("benchmark (\(benchmarkRule?.description ?? "?")) P&L \(Format.money(score.benchmarkPnL))"
                         + ", gap \(Format.money(score.traineePnL - score.benchmarkPnL))")
        }
        return lines
    }
}
