/// The stretch of a session where the trainee's decisions lost most against the best rule on
/// the same path: the largest fall of (trainee's decision utility − the rule's) between two
/// samples of their `DecisionPath`s. What the debrief names, with its times.
public struct CostlyStretch: Sendable, Hashable, Codable {
    public var fromStep: Int
    public var toStep: Int
    /// The same as session times, years.
    public var fromTime: Double
    public var toTime: Double
    /// Decision utility lost against the rule over the stretch, currency (> 0).
    public var utilityLost: Double
    /// The trainee's luck over the stretch, Σ Δₜ·(ΔSₜ − Eₜ[ΔS]), currency.
    public var luck: Double
    /// Average net delta over the stretch's samples, units: the trainee's and the rule's.
    public var traineeDelta: Double
    public var ruleDelta: Double
    /// Spot's change over the stretch, currency.
    public var move: Double

    /// The costliest stretch of `trainee` against `rule` (paths sampled on the same steps), at
    /// most a tenth of the session long so that it points at a moment, not at the whole
    /// session; nil when the trainee never fell behind. The largest fall of the utility gap
    /// over any window of at most that many samples.
    public static func worst(trainee: DecisionPath, rule: DecisionPath, riskAversion: Double) -> CostlyStretch? {
        let count = min(trainee.samples.count, rule.samples.count)
        guard count > 1 else { return nil }
        let gaps = (0..<count).map { i in
            trainee.samples[i].utility(riskAversion: riskAversion) - rule.samples[i].utility(riskAversion: riskAversion)
        }
        let longest = max(1, count / 10)
        var best: (from: Int, to: Int, fall: Double)?
        for end in 1..<count {
            for start in max(0, end - longest)..<end where gaps[start] - gaps[end] > (best?.fall ?? 0) {
                best = (start, end, gaps[start] - gaps[end])
            }
        }
        guard let best else { return nil }
        let window = (best.from + 1)...best.to
        func average(_ path: DecisionPath) -> Double {
            window.reduce(0) { $0 + path.samples[$1].netDelta } / Double(window.count)
        }
        let (start, end) = (trainee.samples[best.from], trainee.samples[best.to])
        return CostlyStretch(fromStep: start.step, toStep: end.step, fromTime: start.time, toTime: end.time, utilityLost: best.fall, luck: end.luck - start.luck,
                             traineeDelta: average(trainee), ruleDelta: average(rule), move: end.spot - start.spot)
    }

    /// The journal's keys (the end line's `score.costliest_stretch`).
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case fromStep = "from_step", toStep = "to_step", fromTime = "from_t", toTime = "to_t"
        case utilityLost = "utility_lost", luck, traineeDelta = "trainee_delta", ruleDelta = "rule_delta", move
    }
}
