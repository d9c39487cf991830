import ScalpEngine
import ScalpFormat

/// Why a session ended.
public enum EndReason: String, Sendable, Hashable, CaseIterable {
    /// The user pressed q (or Ctrl-C).
    case quit
    /// The last step was reached.
    case expired
    /// SIGTERM or SIGHUP.
    case terminated
}

/// The `end` line: how the session ended and its summary (P&L and attribution, trades by
/// reason, costs, vols, hedging error) with the score against the benchmark hedger.
public struct JournalEnd: Sendable, Hashable {
    public var reason: EndReason
    public var summary: SessionSummary

    public init(reason: EndReason, summary: SessionSummary) {
        self.reason = reason
        self.summary = summary
    }

    public var step: Int { summary.step }
    /// Session time, years.
    public var time: Double { summary.time }

    var fields: [(String, JSONText)] {
        let s = summary
        let a = s.attribution
        var fields: [(String, JSONText)] = [("step", .integer(s.step))]
        if let steps = s.steps { fields.append(("steps", .integer(steps))) }
        fields += [
            ("reason", .string(reason.rawValue)), ("pnl", .number(s.pnl)),
            ("attribution", .object([
                ("delta", .number(a.delta)), ("gamma", .number(a.gamma)), ("theta", .number(a.theta)),
                ("vega", .number(a.vega)), ("costs", .number(a.costs)), ("financing", .number(a.financing)),
            ] + (a.funding != 0 ? [("funding", .number(a.funding))] : []) + [("residual", .number(a.residual))])),
            ("trades", .integer(s.trades)), ("manual_trades", .integer(s.manualTrades)),
            ("auto_trades", .integer(s.autoTrades)), ("close_out_trades", .integer(s.closeOutTrades)),
            ("shares_traded", .number(s.sharesTraded)), ("costs", .number(s.costs)),
            ("realized_vol", s.realizedVol.map { .number($0) } ?? .null), ("implied_vol", .number(s.impliedVol)),
            ("hedging_error", .number(s.hedgingError)),
            ("hedging_error_per_step", .number(s.hedgingErrorPerStep)),
        ]
        if let p = s.costParts {
            fields.append(("cost_parts", .object([
                ("spread", .number(p.spread)), ("impact", .number(p.impact)), ("fees", .number(p.fees)),
                ("rebates", .number(p.rebates)), ("funding", .number(p.funding)),
                ("limit_fills", .integer(p.limitFills)), ("market_fills", .integer(p.marketFills)),
            ])))
        }
        if let score = s.score { fields.append(("score", Self.scoreObject(score, rule: s.benchmarkRule))) }
        return fields
    }

    /// The `end` line's `score`: the trainee against the benchmark hedger on the same path.
    /// Hedging errors are per step (the standard deviation the score uses); costs are paid (≥ 0).
    static func scoreObject(_ score: TrainingScore, rule: HedgeRule?) -> JSONText {
        .object([
            ("points", .number(score.points)), ("verdict", .string(score.verdict)),
            ("benchmark_rule", rule.map { .string($0.description) } ?? .null),
            ("pnl", .number(score.traineePnL)), ("benchmark_pnl", .number(score.benchmarkPnL)),
            ("pnl_gap", .number(score.traineePnL - score.benchmarkPnL)),
            ("hedging_error", .number(score.traineeHedgingError)),
            ("benchmark_hedging_error", .number(score.benchmarkHedgingError)),
            ("costs", .number(score.traineeCosts)), ("benchmark_costs", .number(score.benchmarkCosts)),
            ("trades", .integer(score.traineeTrades)), ("benchmark_trades", .integer(score.benchmarkTrades)),
            ("time_over_limit", .number(score.timeOverLimit)),
            ("delta_limit_breaches", .integer(score.deltaLimitBreaches)),
            ("loss_limit_breached", .bool(score.lossLimitBreached)),
        ])
    }
}

extension JournalEnd: Decodable {
    enum CodingKeys: String, CodingKey {
        case step, steps, t, reason, pnl, attribution, trades, costs, score
        case costParts = "cost_parts"
        case manualTrades = "manual_trades", autoTrades = "auto_trades", closeOutTrades = "close_out_trades"
        case sharesTraded = "shares_traded", realizedVol = "realized_vol", impliedVol = "implied_vol"
        case hedgingError = "hedging_error", hedgingErrorPerStep = "hedging_error_per_step"
    }

    enum ScoreKeys: String, CodingKey {
        case points, verdict, pnl, costs, trades
        case benchmarkRule = "benchmark_rule", benchmarkPnL = "benchmark_pnl", hedgingError = "hedging_error"
        case benchmarkHedgingError = "benchmark_hedging_error", benchmarkCosts = "benchmark_costs"
        case benchmarkTrades = "benchmark_trades", timeOverLimit = "time_over_limit"
        case deltaLimitBreaches = "delta_limit_breaches", lossLimitBreached = "loss_limit_breached"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.choice(.reason, EndReason.self, line: "end")
        var score: TrainingScore?
        var rule: HedgeRule?
        if c.contains(.score) {
            let k = try c.nestedContainer(keyedBy: ScoreKeys.self, forKey: .score)
            score = TrainingScore(
                points: try k.decode(Double.self, forKey: .points), verdict: try k.decode(String.self, forKey: .verdict),
                traineePnL: try k.number(.pnl), benchmarkPnL: try k.number(.benchmarkPnL),
                traineeHedgingError: try k.number(.hedgingError), benchmarkHedgingError: try k.number(.benchmarkHedgingError),
                traineeCosts: try k.number(.costs), benchmarkCosts: try k.number(.benchmarkCosts),
                traineeTrades: try k.decode(Int.self, forKey: .trades), benchmarkTrades: try k.decode(Int.self, forKey: .benchmarkTrades),
                timeOverLimit: try k.number(.timeOverLimit), deltaLimitBreaches: try k.decode(Int.self, forKey: .deltaLimitBreaches),
                lossLimitBreached: try k.decode(Bool.self, forKey: .lossLimitBreached))
            if let text = try k.decodeIfPresent(String.self, forKey: .benchmarkRule) {
                do { rule = try HedgeRule.parse(text) } catch {
                    throw JournalLineError("end line: score.benchmark_rule: \(error.description)")
                }
            }
        }
        summary = SessionSummary(
            step: try c.step(.step), steps: try c.decodeIfPresent(Int.self, forKey: .steps),
            time: try c.decode(Double.self, forKey: .t), pnl: try c.number(.pnl),
            attribution: try c.decode(PnLAttribution.self, forKey: .attribution),
            trades: try c.decode(Int.self, forKey: .trades), manualTrades: try c.decode(Int.self, forKey: .manualTrades),
            autoTrades: try c.decode(Int.self, forKey: .autoTrades),
            closeOutTrades: try c.decode(Int.self, forKey: .closeOutTrades),
            sharesTraded: try c.decode(Double.self, forKey: .sharesTraded), costs: try c.number(.costs),
            realizedVol: try c.decodeIfPresent(Double.self, forKey: .realizedVol), impliedVol: try c.number(.impliedVol),
            hedgingErrorPerStep: try c.number(.hedgingErrorPerStep), hedgingError: try c.number(.hedgingError),
            score: score, benchmarkRule: rule)
        if c.contains(.costParts) {
            let p = try c.nestedContainer(keyedBy: CostPartKeys.self, forKey: .costParts)
            var parts = ExecutionCosts()
            parts.spread = try p.number(.spread)
            parts.impact = try p.number(.impact)
            parts.fees = try p.number(.fees)
            parts.rebates = try p.number(.rebates)
            parts.funding = try p.number(.funding)
            parts.limitFills = try p.decode(Int.self, forKey: .limitFills)
            parts.marketFills = try p.decode(Int.self, forKey: .marketFills)
            summary.costParts = parts
        }
    }

    enum CostPartKeys: String, CodingKey {
        case spread, impact, fees, rebates, funding
        case limitFills = "limit_fills", marketFills = "market_fills"
    }
}
