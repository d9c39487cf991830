/// The `[market]` and `[process]` sections.
extension ScenarioFile {
    /// What `[market]` fixes: the spot, the carry and the clock.
    struct MarketTerms {
        var spot: Double
        var drift: Double
        var rate: Double
        var dividend: Double
        /// Years per step.
        var timeStep: Double
        var steps: Int
        /// Session length in days, as written (for checking event times).
        var days: Double
        /// The clock the file's days and minutes count on, and whether the file named it.
        var dayCount: DayCount = .calendarDays
        var dayCountChoice: DayCount?
        var equityCalendar: EquityCalendar?

        /// Years from the file's days.
        func years(days: Double) -> Double { ScenarioFile.years(days: days, clock: dayCount) }
    }

    /// Reads `[market]`: spot, drift, rate, dividend, step_minutes, days, calendar (the day
    /// count). `trading` is `[execution]`'s equity calendar (nil: continuous), whose clock is
    /// trading days: `days` is then whole trading days and `step_minutes` divides the 390 of one.
    static func readMarket(_ t: inout ScenarioTable, trading: ExecutionCalendar) throws(ScenarioFileError) -> MarketTerms {
        let spot = try t.number("spot", in: InputLimits.price, "currency") ?? 100
        let rate = try t.number("rate") ?? 0
        try t.check(abs(rate) < 10, "rate", rate, "must be between -10 and 10 (a fraction per year)")
        let drift = try t.number("drift") ?? rate
        try t.check(abs(drift) < 100, "drift", drift, "must be between -100 and 100 (a fraction per year)")
        let dividend = try t.number("dividend") ?? 0
        try t.check(abs(dividend) < 10, "dividend", dividend, "must be between -10 and 10 (a fraction per year)")
        let choice = try t.choice("calendar", DayCount.self)
        if choice == .calendarDays && trading.isEquity {
            throw t.error("calendar", "must be \"trading-days\" with [execution] calendar = \"equity\" (its days are trading days), got \"calendar-days\"")
        }
        let clock = choice ?? (trading.isEquity ? .tradingDays : .calendarDays)
        let minutes = try t.number("step_minutes") ?? 5
        try t.check(minutes > 0, "step_minutes", minutes, "must be > 0")
        let days = try t.requiredNumber("days")
        try t.check(days, in: InputLimits.days, "days", "days")
        if case .equity(let variance) = trading {
            let perDay = DayCount.tradingMinutesPerDay / minutes
            try t.check(perDay == perDay.rounded() && perDay <= 100_000, "step_minutes", minutes,
                        "must divide the 390-minute trading day with the equity calendar")
            try t.check(days == days.rounded() && days <= 10_000, "days", days, "must be whole trading days with the equity calendar")
            let calendar = EquityCalendar(stepsPerDay: Int(perDay), overnightVariance: variance)
            var terms = MarketTerms(spot: spot, drift: drift, rate: rate, dividend: dividend, timeStep: calendar.timeStep,
                                    steps: Int(days) * calendar.gridStepsPerDay, days: days)
            (terms.dayCount, terms.dayCountChoice, terms.equityCalendar) = (clock, choice, calendar)
            return terms
        }
        let exactSteps = days * clock.hoursPerDay * 60 / minutes
        let steps = exactSteps.rounded()
        try t.check(steps >= 1 && steps <= 50_000_000, "days", days,
                    "must be between 1 and 50,000,000 steps of \(decimal(minutes)) minutes")
        try t.check(abs(exactSteps - steps) <= 1e-9 * steps, "days", days,
                    "must be a whole number of \(decimal(minutes))-minute steps (\(decimal((exactSteps * 100).rounded() / 100)) steps)")
        var terms = MarketTerms(spot: spot, drift: drift, rate: rate, dividend: dividend,
                                timeStep: years(minutes: minutes, clock: clock), steps: Int(steps), days: days)
        (terms.dayCount, terms.dayCountChoice) = (clock, choice)
        return terms
    }

    /// The kinds of process a file can name.
    enum ProcessKind: String, CaseIterable {
        case gbm, merton, regime, heston
    }

    /// Reads `[process]`: its kind and that kind's parameters; drift and dividend come from `[market]`.
    static func readProcess(_ t: inout ScenarioTable, market: MarketTerms) throws(ScenarioFileError) -> MarketProcess {
        let kind = try t.choice("kind", ProcessKind.self) ?? .gbm
        func nonNegative(_ key: String) throws(ScenarioFileError) -> Double {
            let value = try t.requiredNumber(key)
            try t.check(value >= 0, key, value, "must be ≥ 0")
            return value
        }
        func vol(_ key: String) throws(ScenarioFileError) -> Double {
            let value = try t.requiredNumber(key)
            try t.check(value, in: InputLimits.processVol, key, "a fraction per year")
            return value
        }
        func variance(_ key: String) throws(ScenarioFileError) -> Double {
            let value = try t.requiredNumber(key)
            try t.check(value, in: InputLimits.processVariance, key, "a fraction² per year")
            return value
        }
        func rate(_ key: String) throws(ScenarioFileError) -> Double {
            let value = try t.requiredNumber(key)
            try t.check(value, in: InputLimits.eventRate, key, "per year")
            return value
        }
        switch kind {
        case .gbm:
            return .geometricBrownian(GeometricBrownianMotion(
                drift: market.drift, volatility: try vol("vol"), dividendYield: market.dividend))
        case .merton:
            let vol = try vol("vol")
            let intensity = try rate("jump_intensity")
            let mean = try t.requiredNumber("jump_mean")
            try t.check(abs(mean) <= 1, "jump_mean", mean, "must be between -1 and 1 (a log return)")
            let stdev = try t.number("jump_stdev") ?? 0
            try t.check(stdev >= 0 && stdev <= 1, "jump_stdev", stdev, "must be between 0 and 1")
            return .mertonJumpDiffusion(MertonJumpDiffusion(
                drift: market.drift, volatility: vol, dividendYield: market.dividend,
                jumpIntensity: intensity, jumpMean: mean, jumpStdev: stdev))
        case .regime:
            let calm = try vol("calm_vol")
            let stressed = try vol("stressed_vol")
            let toStressed = try rate("calm_to_stressed")
            let toCalm = try rate("stressed_to_calm")
            let start = try t.choice("start", RegimeSwitchingVolatility.Regime.self) ?? .calm
            return .regimeSwitching(RegimeSwitchingVolatility(
                drift: market.drift, dividendYield: market.dividend, calmVolatility: calm, stressedVolatility: stressed,
                calmToStressedRate: toStressed, stressedToCalmRate: toCalm, regime: start))
        case .heston:
            let v0 = try variance("initial_variance")
            let theta = try variance("long_run_variance")
            let kappa = try rate("mean_reversion")
            let xi = try rate("vol_of_vol")
            let rho = try t.requiredNumber("correlation")
            try t.check(abs(rho) <= 1, "correlation", rho, "must be between -1 and 1")
            let scheme = try t.choice("scheme", HestonProcess.Scheme.self) ?? .quadraticExponential
            return .heston(HestonProcess(
                drift: market.drift, dividendYield: market.dividend, initialVariance: v0, longRunVariance: theta,
                meanReversion: kappa, volOfVol: xi, correlation: rho, scheme: scheme))
        }
    }
}
