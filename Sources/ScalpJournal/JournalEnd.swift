import ScalpEngine
import ScalpFormat

/// Why a session ended: `quit` (q or Ctrl-C), `expired` (the last step was reached) or
/// `terminated` (SIGTERM or SIGHUP).
public enum EndReason: String, Sendable, Hashable, CaseIterable {
    case quit, expired, terminated
}

/// The `end` line: how the session ended and its summary (P&L and attribution, trades by
/// reason, costs, vols, hedging error) with the score against the benchmark hedger.
public struct JournalEnd: Sendable, Hashable {
    public var reason: EndReason
    public var summary: SessionSummary

    public init(reason: EndReason, summary: SessionSummary) {
        (self.reason, self.summary) = (reason, summary)
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
                ("vega", .number(a.vega)), ("vanna", .number(a.vanna)), ("volga", .number(a.volga)),
                ("speed", .number(a.speed)), ("costs", .number(a.costs)), ("financing", .number(a.financing)),
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

    /// The `end` line's `score`: the grade against the reference family (points, verdict, the
    /// nearest and best rules, the utility), the P&L split into luck and skill, and the trainee
    /// against the benchmark hedger on the same path. Hedging errors are per step; costs are
    /// paid (≥ 0).
    static func scoreObject(_ score: TrainingScore, rule: HedgeRule?) -> JSONText {
        var grade: [(String, JSONText)] = [("points", .number(score.points)), ("verdict", .string(score.verdict))]
        if let nearest = score.nearestRule, let best = score.bestRule {
            grade += [("nearest_rule", .string(nearest)), ("best_rule", .string(best))]
        }
        if let utility = score.utility { grade.append(("utility", .number(utility))) }
        if let parts = score.decomposition {
            grade.append(("decomposition", .object([
                ("market", .number(parts.market)), ("hedging", .number(parts.hedging)), ("costs", .number(parts.costs)),
                ("rest", .number(parts.rest)),
            ])))
        }
        return .object(grade + [
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
        case benchmarkRule = "benchmark_rule"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.choice(.reason, EndReason.self, line: "end")
        let score = try c.decodeIfPresent(TrainingScore.self, forKey: .score)
        var rule: HedgeRule?
        if score != nil, let text = try c.nestedContainer(keyedBy: ScoreKeys.self, forKey: .score)
            .decodeIfPresent(String.self, forKey: .benchmarkRule) {
            do { rule = try HedgeRule.parse(text) } catch {
                throw JournalLineError("end line: score.benchmark_rule: \(error.description)")
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
