/// The `[hedging]`, `[limits]`, `[training]` and `[session]` sections.
extension ScenarioFile {
    /// What `[hedging]` fixes.
    struct HedgingTerms {
        var lot = 100.0
        var costs = TransactionCosts.free
        var policy = HedgeRule.every(PeriodicHedge(interval: 1))
        var auto = true
        var benchmark = Scenario.defaultBenchmarkRule
        var hedgeVol = HedgeVolatility.implied
        var hedgeDelta = HedgeDelta.bs
        /// Whether the file gave cost_bps (`[execution] half_spread_bps` may not contradict it).
        var costBpsGiven = false
    }

    /// Reads `[hedging]`: lot, cost_bps, fee, option_spread_vol, policy, auto, benchmark, hedge_vol, hedge_delta.
    static func readHedging(_ t: inout ScenarioTable) throws(ScenarioFileError) -> HedgingTerms {
        var terms = HedgingTerms()
        terms.lot = try t.number("lot", in: InputLimits.lot, "units; 0 for fractional") ?? terms.lot
        let givenBps = try t.number("cost_bps")
        terms.costBpsGiven = givenBps != nil
        let bps = givenBps ?? 0
        try t.check(bps >= 0 && bps < 10_000, "cost_bps", bps, "must be between 0 and 10000")
        let fee = try t.number("fee") ?? 0
        try t.check(fee >= 0, "fee", fee, "must be ≥ 0")
        let optionSpread = try t.number("option_spread_vol") ?? TransactionCosts().optionHalfSpreadVol
        try t.check(optionSpread >= 0 && optionSpread < 1, "option_spread_vol", optionSpread,
                    "must be between 0 and 1 (vol; 0.005 is half a vol point)")
        terms.costs = TransactionCosts(halfSpreadBps: bps, feePerShare: fee, optionHalfSpreadVol: optionSpread)
        terms.policy = try t.hedgeRule("policy") ?? terms.policy
        terms.auto = try t.bool("auto") ?? terms.auto
        terms.benchmark = try t.hedgeRule("benchmark") ?? terms.benchmark
        terms.hedgeVol = try t.choice("hedge_vol", HedgeVolatility.self) ?? terms.hedgeVol
        terms.hedgeDelta = try t.choice("hedge_delta", HedgeDelta.self) ?? terms.hedgeDelta
        return terms
    }

    /// Reads `[limits]`: net_delta, loss (each optional).
    static func readLimits(_ t: inout ScenarioTable) throws(ScenarioFileError) -> RiskLimits {
        let netDelta = try t.number("net_delta")
        if let netDelta { try t.check(netDelta > 0, "net_delta", netDelta, "must be > 0 (shares)") }
        let loss = try t.number("loss")
        if let loss { try t.check(loss > 0, "loss", loss, "must be > 0 (currency; the largest loss allowed)") }
        return RiskLimits(netDelta: netDelta, loss: loss)
    }

    /// Reads `[training]`: risk_aversion (λ per currency, ≥ 0) and coach_in_class (the coach
    /// answers in a class; false unless set).
    static func readTraining(_ t: inout ScenarioTable) throws(ScenarioFileError) -> (riskAversion: Double, coachInClass: Bool) {
        let lambda = try t.number("risk_aversion") ?? Scenario.defaultRiskAversion
        try t.check(lambda >= 0, "risk_aversion", lambda, "must be ≥ 0 (per currency; 0 judges by P&L alone)")
        return (lambda, try t.bool("coach_in_class") ?? false)
    }

    /// What `[session]` fixes.
    struct SessionTerms {
        var speed = 10.0
        var volWindow = 100
        var ewmaHalfLife = 50.0
    }

    /// Reads `[session]`: speed, vol_window, ewma_half_life.
    static func readSession(_ t: inout ScenarioTable) throws(ScenarioFileError) -> SessionTerms {
        var terms = SessionTerms()
        terms.speed = try t.number("speed") ?? terms.speed
        try t.check(terms.speed > 0 && terms.speed <= 100_000, "speed", terms.speed, "must be between 0 and 100000 steps per second")
        terms.volWindow = try t.integer("vol_window") ?? terms.volWindow
        try t.check(terms.volWindow >= 2 && terms.volWindow <= 1_000_000, "vol_window", Double(terms.volWindow),
                    "must be between 2 and 1000000 steps")
        terms.ewmaHalfLife = try t.number("ewma_half_life") ?? terms.ewmaHalfLife
        try t.check(terms.ewmaHalfLife > 0, "ewma_half_life", terms.ewmaHalfLife, "must be > 0 (steps)")
        return terms
    }
}
