import ScalpEngine

extension JournalStart {
    /// What makes two sessions different markets (seed, scenario name or any market setting),
    /// or nil when they are the same one: the trainees of a class must all trade one market.
    public func marketDifference(from other: JournalStart) -> String? {
        if seed != other.seed { return "seed \(seed) vs \(other.seed)" }
        let x = scenario, y = other.scenario
        if x.name != y.name { return "scenario '\(x.name)' vs '\(y.name)'" }
        let c = x.config, d = y.config
        let fields: [(String, Bool)] = [
            ("spot", c.spot == d.spot), ("rate", c.rate == d.rate), ("dividend yield", c.dividendYield == d.dividendYield),
            ("price process", c.process == d.process), ("time step", c.timeStep == d.timeStep), ("steps", c.steps == d.steps),
            ("option book", c.book == d.book), ("costs", c.costs == d.costs), ("lot size", c.lotSize == d.lotSize),
            ("hedge volatility", c.hedgeVolatility == d.hedgeVolatility), ("hedge delta", c.hedgeDelta == d.hedgeDelta),
            ("implied-vol model", c.impliedVolModel == d.impliedVolModel), ("events", c.events == d.events),
            ("volatility window", c.volatilityWindow == d.volatilityWindow), ("EWMA half-life", c.ewmaHalfLife == d.ewmaHalfLife),
            ("benchmark rule", x.benchmarkRule == y.benchmarkRule), ("risk limits", x.riskLimits == y.riskLimits),
            ("risk aversion", x.riskAversion == y.riskAversion), ("coach setting", x.coachInClass == y.coachInClass),
        ]
        if let field = fields.first(where: { !$0.1 }) { return "scenario '\(x.name)' has a different \(field.0)" }
        return nil
    }
}
