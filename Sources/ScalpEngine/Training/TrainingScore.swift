import Foundation

/// How well a trainee hedged, against the benchmark hedger on the same path.
///
/// Points out of 100: P&L against the benchmark (40), hedging error (30), costs (20) and time
/// within the net-delta limit (10). Matching the benchmark exactly scores 80: half the P&L
/// points, since beating the benchmark earns the rest. Hedging error is the standard deviation of the per-step
/// P&L against the ideal continuously hedged book (`Session.hedgingError`), in currency.
public struct TrainingScore: Sendable, Hashable, Codable {
    public var traineePnL: Double
    public var benchmarkPnL: Double
    public var traineeHedgingError: Double
    public var benchmarkHedgingError: Double
    /// Costs paid, currency (≥ 0).
    public var traineeCosts: Double
    public var benchmarkCosts: Double
    public var traineeTrades: Int
    public var benchmarkTrades: Int
    /// Fraction of steps spent over the net-delta limit, 0 without a limit.
    public var timeOverLimit: Double
    public var deltaLimitBreaches: Int
    public var lossLimitBreached: Bool
    public var points: Double
    /// One or two plain sentences.
    public var verdict: String

    /// The names of the journal's `end` line `score` object, which a journal reader decodes.
    enum CodingKeys: String, CodingKey {
        case points, verdict
        case traineePnL = "pnl", benchmarkPnL = "benchmark_pnl", traineeHedgingError = "hedging_error"
        case benchmarkHedgingError = "benchmark_hedging_error", traineeCosts = "costs", benchmarkCosts = "benchmark_costs"
        case traineeTrades = "trades", benchmarkTrades = "benchmark_trades", timeOverLimit = "time_over_limit"
        case deltaLimitBreaches = "delta_limit_breaches", lossLimitBreached = "loss_limit_breached"
    }

    public init(_ training: TrainingSession) {
        let trainee = training.trainee
        let benchmark = training.benchmark
        traineePnL = trainee.pnl
        benchmarkPnL = benchmark.pnl
        traineeHedgingError = trainee.hedgingError.standardDeviation
        benchmarkHedgingError = benchmark.hedgingError.standardDeviation
        traineeCosts = -trainee.attribution.costs
        benchmarkCosts = -benchmark.attribution.costs
        traineeTrades = trainee.tradeCount
        benchmarkTrades = benchmark.tradeCount
        timeOverLimit = trainee.step > 0 ? Double(training.stepsOverDeltaLimit) / Double(trainee.step) : 0
        deltaLimitBreaches = training.deltaLimitBreaches
        lossLimitBreached = training.lossLimitBreached

        // The P&L gap is judged against the noise a session's hedging leaves: the benchmark's
        // per-step error grown over the steps taken (at least a cent, so a perfect benchmark
        // does not divide by zero).
        let steps = Double(max(trainee.step, 1))
        let noise = max(max(benchmarkHedgingError, traineeHedgingError) * steps.squareRoot(), 0.01)
        let pnlPoints = 20 + 20 * tanh((traineePnL - benchmarkPnL) / noise)
        let errorPoints = 30 * Self.ratioScore(better: benchmarkHedgingError, candidate: traineeHedgingError)
        let costPoints = 20 * Self.ratioScore(better: benchmarkCosts + 0.01, candidate: traineeCosts + 0.01)
        let limitPoints = 10 * (1 - timeOverLimit) * (lossLimitBreached ? 0 : 1)
        points = (pnlPoints + errorPoints + costPoints + limitPoints).rounded()
        verdict = Self.verdict(gap: traineePnL - benchmarkPnL, noise: noise,
                               errorRatio: traineeHedgingError / max(benchmarkHedgingError, 1e-12),
                               costRatio: (traineeCosts + 0.01) / (benchmarkCosts + 0.01),
                               timeOverLimit: timeOverLimit, lossBreached: lossLimitBreached)
    }

    /// 1 when the candidate is as good as or better than the reference, falling as it gets worse.
    static func ratioScore(better reference: Double, candidate: Double) -> Double {
        guard candidate > 0 else { return 1 }
        return min(1, reference / candidate)
    }

    static func verdict(gap: Double, noise: Double, errorRatio: Double, costRatio: Double,
                        timeOverLimit: Double, lossBreached: Bool) -> String {
        var sentences: [String] = []
        let money = String(format: "%.0f", abs(gap))
        if abs(gap) < 0.25 * noise {
            sentences.append("You kept pace with the benchmark hedger (within \(money)).")
        } else if gap > 0 {
            sentences.append("You beat the benchmark hedger by \(money).")
        } else {
            sentences.append("The benchmark hedger made \(money) more than you.")
        }
        var notes: [String] = []
        if errorRatio < 0.9 { notes.append("your hedging was tighter") }
        if errorRatio > 1.25 { notes.append(String(format: "your P&L swung %.1f× as much per step", errorRatio)) }
        if costRatio < 0.8 { notes.append("you paid less in costs") }
        if costRatio > 1.25 { notes.append(String(format: "you paid %.1f× the costs", costRatio)) }
        if timeOverLimit > 0 { notes.append(String(format: "you spent %.0f%% of the time over the delta limit", timeOverLimit * 100)) }
        if lossBreached { notes.append("you breached the loss limit") }
        if !notes.isEmpty {
            let joined = notes.count == 1 ? notes[0] : notes.dropLast().joined(separator: ", ") + " and " + notes.last!
            sentences.append(joined.prefix(1).uppercased() + joined.dropFirst() + ".")
        }
        return sentences.joined(separator: " ")
    }
}
