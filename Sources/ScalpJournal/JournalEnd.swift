import ScalpEngine
import ScalpFormat

/// Why a session ended: `quit` (q or Ctrl-C), `expired` (the last step was reached at the
/// options' expiry), `horizon` (the last step was reached with options still live: the session
/// is shorter than the book) or `terminated` (SIGTERM or SIGHUP).
public enum EndReason: String, Sendable, Hashable, CaseIterable {
    case quit, expired, horizon, terminated

    /// How a session that ran to its last step ended: `horizon` while an option is still
    /// live, `expired` once the book has run off.
    public static func atLastStep(of session: Session) -> EndReason {
        (session.timeToNextExpiry ?? 0) > OptionBook.timeTolerance ? .horizon : .expired
    }

    /// Whether the session ran its whole length (expired or horizon), not cut short.
    public var ranToTheEnd: Bool { self == .expired || self == .horizon }

    /// The ending in words, a sentence without its full stop, for the summary, the shell and
    /// the report: "the options expired", or for `horizon` "the session's 10 days are over;
    /// the options have 20d left, marked at implied". `sessionLength` and `optionsLeft` are
    /// years on `clock`.
    public func sentence(sessionLength: Double, optionsLeft: Double?, clock: DayCount) -> String {
        switch self {
        case .expired: return "the options expired"
        case .horizon:
            let days = clock.days(sessionLength)
            let length = Format.number(days, days == days.rounded() ? 0 : 1) + (days == 1 ? " day is" : " days are")
            let left = optionsLeft.map { "; the options have \(Format.duration($0, on: clock)) left, marked at implied" } ?? ""
            return "the session's \(length) over" + left
        case .quit: return "the trainee ended the session (stock closed out)"
        case .terminated: return "stopped by a signal (stock closed out)"
        }
    }
}

/// The `end` line: how the session ended and its summary (P&L and attribution, trades by
/// reason, costs, vols, hedging error) with the grade and the benchmark comparison.
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
        var fields: [(String, JSONText)] = [("step", .integer(s.step))]
        if let steps = s.steps { fields.append(("steps", .integer(steps))) }
        fields += [
            ("reason", .string(reason.rawValue)),
            // Only a finished session is ranked: one that ended before its last step is graded provisionally.
            ("finished", .bool(s.steps.map { s.step >= $0 } ?? true)),
            ("pnl", .number(s.pnl)),
            ("attribution", Self.attributionObject(s.attribution)),
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
        if let score = s.score {
            fields.append(("score", Self.scoreObject(score, rule: s.benchmarkRule, finished: s.steps.map { s.step >= $0 } ?? true)))
        }
        // Only where they say something, so other sessions' end lines read as before.
        if s.unitName != TradingUnit.shares.name { fields.append(("unit", .string(s.unitName))) }
        if let left = s.optionsLeft { fields.append(("options_left", .number(left))) }
        if s.coachUses > 0 { fields.append(("coach_uses", .integer(s.coachUses))) }
        return fields
    }

    /// The `end` line's `attribution`: every bucket by its name, in `PnLBucket.all`'s order
    /// (funding only when some was paid).
    static func attributionObject(_ attribution: PnLAttribution) -> JSONText {
        .object(attribution.presentBuckets.map { ($0.name, .number(attribution[$0])) })
    }

    /// Reads `attributionObject`. A bucket written since the first journals (vanna, volga,
    /// speed, funding) reads as 0 when absent, its part then inside the residual.
    static func attribution(from c: KeyedDecodingContainer<BucketKey>) throws -> PnLAttribution {
        var attribution = PnLAttribution()
        for bucket in PnLBucket.all {
            let key = BucketKey(bucket.name)
            attribution[bucket] = bucket.isInEveryJournal ? try c.decode(Double.self, forKey: key)
                : try c.decodeIfPresent(Double.self, forKey: key) ?? 0
        }
        return attribution
    }

    /// The `end` line's `score`: the grade against the reference family (points, verdict, the
    /// nearest and best rules, the utility, the costliest stretch), the P&L split into luck and
    /// skill, and, for comparison only, the trainee beside the benchmark hedger on the same
    /// path. Hedging errors are per step; costs are paid (≥ 0).
    /// An unfinished session's points are only provisional: `points` is null and
    /// `provisional_points` holds them, so nothing reading the line can take them for a grade.
    static func scoreObject(_ score: SessionGrade, rule: HedgeRule?, finished: Bool) -> JSONText {
        var grade: [(String, JSONText)] = finished
            ? [("points", .number(score.points))]
            : [("points", .null), ("provisional_points", .number(score.points))]
        grade.append(("verdict", .string(score.verdict)))
        if let nearest = score.nearestRule, let best = score.bestRule {
            grade += [("nearest_rule", .string(nearest)), ("best_rule", .string(best))]
        }
        if let utility = score.utility { grade.append(("utility", .number(utility))) }
        if let parts = score.decomposition {
            var fields: [(String, JSONText)] = [
                ("market", .number(parts.market)), ("hedging", .number(parts.hedging)), ("costs", .number(parts.costs)),
                ("rest", .number(parts.rest)),
            ]
            if let decisions = parts.decisions, let luck = parts.luck, let skill = parts.skill {
                fields += [("luck", .number(luck)), ("skill", .number(skill)),
                           ("open_delta_luck", .number(decisions.unexpectedDeltaPnL)),
                           ("expected_drift", .number(decisions.expectedDriftPnL)),
                           ("risk_variance", .number(decisions.riskVariance))]
            }
            grade.append(("decomposition", .object(fields)))
        }
        if let stretch = score.costliestStretch {
            grade.append(("costliest_stretch", .object([
                ("from_step", .integer(stretch.fromStep)), ("to_step", .integer(stretch.toStep)),
                ("from_t", .number(stretch.fromTime)), ("to_t", .number(stretch.toTime)),
                ("utility_lost", .number(stretch.utilityLost)), ("luck", .number(stretch.luck)),
                ("trainee_delta", .number(stretch.traineeDelta)), ("rule_delta", .number(stretch.ruleDelta)),
                ("move", .number(stretch.move)),
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
        case unit, optionsLeft = "options_left", coachUses = "coach_uses"
    }

    /// The `score` object's keys (`scoreObject` writes them, `score(from:)` reads them).
    enum ScoreKeys: String, CodingKey {
        case points, verdict, utility, decomposition
        case costliestStretch = "costliest_stretch", provisionalPoints = "provisional_points"
        case benchmarkRule = "benchmark_rule"
        case traineePnL = "pnl", benchmarkPnL = "benchmark_pnl", traineeHedgingError = "hedging_error"
        case benchmarkHedgingError = "benchmark_hedging_error", traineeCosts = "costs", benchmarkCosts = "benchmark_costs"
        case traineeTrades = "trades", benchmarkTrades = "benchmark_trades", timeOverLimit = "time_over_limit"
        case deltaLimitBreaches = "delta_limit_breaches", lossLimitBreached = "loss_limit_breached"
        case nearestRule = "nearest_rule", bestRule = "best_rule"
    }

    enum DecompositionKeys: String, CodingKey {
        case market, hedging, costs, rest
        case openDeltaLuck = "open_delta_luck", expectedDrift = "expected_drift", riskVariance = "risk_variance"
    }

    /// An attribution bucket's key: its `PnLBucket.name`.
    struct BucketKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads `scoreObject` (without the benchmark rule, read beside it). Fields written since
    /// 0.3.0 (the rules, the utility, the decomposition) are nil when absent.
    static func score(from c: KeyedDecodingContainer<ScoreKeys>) throws -> SessionGrade {
        var decomposition: PnLDecomposition?
        if c.contains(.decomposition), try !c.decodeNil(forKey: .decomposition) {
            let d = try c.nestedContainer(keyedBy: DecompositionKeys.self, forKey: .decomposition)
            decomposition = PnLDecomposition(market: try d.decode(Double.self, forKey: .market),
                                             hedging: try d.decode(Double.self, forKey: .hedging),
                                             costs: try d.decode(Double.self, forKey: .costs),
                                             rest: try d.decode(Double.self, forKey: .rest))
            // Written since 0.5.0 (the grade of decisions); luck and skill follow from them.
            if let luck = try d.decodeIfPresent(Double.self, forKey: .openDeltaLuck),
               let drift = try d.decodeIfPresent(Double.self, forKey: .expectedDrift),
               let risk = try d.decodeIfPresent(Double.self, forKey: .riskVariance) {
                decomposition?.decisions = DecisionLedger(unexpectedDeltaPnL: luck, expectedDriftPnL: drift, riskVariance: risk)
            }
        }
        var score = SessionGrade(
            traineePnL: try c.decode(Double.self, forKey: .traineePnL),
            benchmarkPnL: try c.decode(Double.self, forKey: .benchmarkPnL),
            traineeHedgingError: try c.decode(Double.self, forKey: .traineeHedgingError),
            benchmarkHedgingError: try c.decode(Double.self, forKey: .benchmarkHedgingError),
            traineeCosts: try c.decode(Double.self, forKey: .traineeCosts),
            benchmarkCosts: try c.decode(Double.self, forKey: .benchmarkCosts),
            traineeTrades: try c.decode(Int.self, forKey: .traineeTrades),
            benchmarkTrades: try c.decode(Int.self, forKey: .benchmarkTrades),
            timeOverLimit: try c.decode(Double.self, forKey: .timeOverLimit),
            deltaLimitBreaches: try c.decode(Int.self, forKey: .deltaLimitBreaches),
            lossLimitBreached: try c.decode(Bool.self, forKey: .lossLimitBreached),
            points: try c.decodeIfPresent(Double.self, forKey: .points) ?? c.decode(Double.self, forKey: .provisionalPoints), verdict: try c.decode(String.self, forKey: .verdict),
            nearestRule: try c.decodeIfPresent(String.self, forKey: .nearestRule),
            bestRule: try c.decodeIfPresent(String.self, forKey: .bestRule),
            utility: try c.decodeIfPresent(Double.self, forKey: .utility), decomposition: decomposition)
        // Written since 0.5.0.
        score.costliestStretch = try c.decodeIfPresent(CostlyStretch.self, forKey: .costliestStretch)
        return score
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        reason = try c.choice(.reason, EndReason.self, line: "end")
        var score: SessionGrade?
        var rule: HedgeRule?
        if c.contains(.score), try !c.decodeNil(forKey: .score) {
            let scoreFields = try c.nestedContainer(keyedBy: ScoreKeys.self, forKey: .score)
            score = try Self.score(from: scoreFields)
            if let text = try scoreFields.decodeIfPresent(String.self, forKey: .benchmarkRule) {
                do { rule = try HedgeRule.parse(text) } catch {
                    throw JournalLineError("end line: score.benchmark_rule: \(error.description)")
                }
            }
        }
        summary = SessionSummary(
            step: try c.step(.step), steps: try c.decodeIfPresent(Int.self, forKey: .steps),
            time: try c.decode(Double.self, forKey: .t), pnl: try c.number(.pnl),
            attribution: try Self.attribution(from: c.nestedContainer(keyedBy: BucketKey.self, forKey: .attribution)),
            trades: try c.decode(Int.self, forKey: .trades), manualTrades: try c.decode(Int.self, forKey: .manualTrades),
            autoTrades: try c.decode(Int.self, forKey: .autoTrades),
            closeOutTrades: try c.decode(Int.self, forKey: .closeOutTrades),
            sharesTraded: try c.decode(Double.self, forKey: .sharesTraded), costs: try c.number(.costs),
            realizedVol: try c.decodeIfPresent(Double.self, forKey: .realizedVol), impliedVol: try c.number(.impliedVol),
            hedgingErrorPerStep: try c.number(.hedgingErrorPerStep), hedgingError: try c.number(.hedgingError),
            score: score, benchmarkRule: rule)
        summary.unitName = try c.decodeIfPresent(String.self, forKey: .unit) ?? TradingUnit.shares.name
        summary.optionsLeft = try c.decodeIfPresent(Double.self, forKey: .optionsLeft)
        summary.coachUses = try c.decodeIfPresent(Int.self, forKey: .coachUses) ?? 0
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
