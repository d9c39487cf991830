/// The `[execution]` section: how the hedge's orders meet the market (see `ExecutionTerms`).
/// Omitted, it is the plain model the `[hedging]` costs describe; the writer writes it only
/// for non-standard terms, so files without it read and write back as before.
extension ScenarioFile {
    /// Reads `[execution]`: venue, tick, half_spread_bps, spread_vol_multiple, impact,
    /// daily_volume, touch_size, latency_ms, maker_fee_bps, taker_fee_bps, funding_rate,
    /// funding_interval_hours, unit. `half_spread_bps` is `[hedging] cost_bps` by another name
    /// (returned for the caller to reconcile); every other key defaults to the standard terms.
    static func readExecution(_ t: inout ScenarioTable) throws(ScenarioFileError) -> (terms: ExecutionTerms, halfSpreadBps: Double?) {
        var terms = ExecutionTerms()
        terms.venue = try t.choice("venue", Venue.self) ?? terms.venue
        if try readCalendar(&t).isEquity && terms.venue == .cryptoPerp {
            throw t.error("calendar", "must be \"continuous\" on venue \"crypto-perp\" (a perpetual trades 24/7), got \"equity\"")
        }
        func nonNegative(_ key: String, _ fallback: Double, _ unit: String,
                         in range: ValueRange = ValueRange(0, .greatestFiniteMagnitude)) throws(ScenarioFileError) -> Double {
            let value = try t.number(key) ?? fallback
            try t.check(value >= 0, key, value, "must be ≥ 0 (\(unit))")
            try t.check(value, in: range, key, unit)
            return value
        }
        let halfSpread = try t.number("half_spread_bps")
        if let halfSpread {
            try t.check(halfSpread >= 0 && halfSpread < 10_000, "half_spread_bps", halfSpread, "must be between 0 and 10000")
        }
        terms.tick = try nonNegative("tick", terms.tick, "currency; 0 for continuous prices", in: ValueRange(0, InputLimits.price.upper))
        terms.spreadVolMultiple = try nonNegative("spread_vol_multiple", terms.spreadVolMultiple, "× σ·S·√dt")
        terms.impact = try nonNegative("impact", terms.impact, "η of the square-root law")
        terms.dailyVolume = try nonNegative("daily_volume", terms.dailyVolume, "units a day", in: InputLimits.dailyVolume)
        terms.latencyMs = try nonNegative("latency_ms", terms.latencyMs, "milliseconds", in: InputLimits.latencyMs)
        terms.touchSize = try nonNegative("touch_size", terms.touchSize, "units; 0 = the impact book's depth", in: InputLimits.dailyVolume)
        terms.makerFeeBps = try t.number("maker_fee_bps") ?? terms.makerFeeBps
        try t.check(abs(terms.makerFeeBps) < 10_000, "maker_fee_bps", terms.makerFeeBps, "must be between -10000 and 10000")
        terms.takerFeeBps = try nonNegative("taker_fee_bps", terms.takerFeeBps, "basis points")
        try t.check(terms.takerFeeBps < 10_000, "taker_fee_bps", terms.takerFeeBps, "must be below 10000")
        terms.fundingRate = try t.number("funding_rate") ?? terms.fundingRate
        try t.check(abs(terms.fundingRate) < 10, "funding_rate", terms.fundingRate, "must be between -10 and 10 (per year)")
        try t.check(terms.fundingRate == 0 || terms.venue == .cryptoPerp, "funding_rate", terms.fundingRate,
                    "needs venue = \"crypto-perp\"")
        terms.unit = try t.string("unit")
        if let unit = terms.unit {
            guard terms.venue == .cryptoPerp else {
                throw t.error("unit", "needs venue = \"crypto-perp\" (equity trades shares), got \"\(unit)\"")
            }
            guard (1...8).contains(unit.count), unit.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }) else {
                throw t.error("unit", "must be 1 to 8 ASCII letters or digits (the coin, e.g. \"BTC\"), got \"\(unit)\"")
            }
        }
        terms.fundingIntervalHours = try t.number("funding_interval_hours") ?? terms.fundingIntervalHours
        try t.check(terms.fundingIntervalHours > 0, "funding_interval_hours", terms.fundingIntervalHours, "must be > 0")
        return (terms, halfSpread)
    }

    /// Reads `[execution]`'s trading calendar, `calendar` (continuous | equity) and
    /// `overnight_variance` (equity only; in [0, 1), default 0.2), from `section` (nil: no
    /// `[execution]`): `[market]` needs it first, for the clock its days count on. The keys
    /// are read again by `readExecution`, so the section's unknown-key check knows them.
    static func readCalendar(_ section: ScenarioTable?) throws(ScenarioFileError) -> ExecutionCalendar {
        guard var t = section else { return .continuous }
        return try readCalendar(&t)
    }

    private static func readCalendar(_ t: inout ScenarioTable) throws(ScenarioFileError) -> ExecutionCalendar {
        let kind = try t.choice("calendar", ExecutionCalendar.Kind.self) ?? .continuous
        let variance = try t.number("overnight_variance")
        guard kind == .equity else {
            if variance != nil { throw t.error("overnight_variance", "only with calendar = \"equity\"") }
            return .continuous
        }
        let share = variance ?? EquityCalendar.defaultOvernightVariance
        try t.check(share >= 0 && share < 1, "overnight_variance", share, "must be in [0, 1) (a share of each day's variance)")
        return .equity(overnightVariance: share)
    }

    /// Writes `[execution]` when the terms are not the standard ones or there is a trading calendar.
    static func writeExecution(_ terms: ExecutionTerms, calendar: EquityCalendar?, to out: inout TOMLWriter) {
        guard !terms.isStandard || calendar != nil else { return }
        out.section("execution", comment: "the half-spread is [hedging] cost_bps")
        out.string("venue", terms.venue.rawValue, "equity | crypto-perp")
        if let unit = terms.unit { out.string("unit", unit, "the perpetual's coin: what quantities are counted in") }
        if let calendar {
            out.string("calendar", "equity", "continuous | equity (6.5-hour days, Monday to Friday)")
            out.number("overnight_variance", calendar.overnightVariance, "share of each day's variance in the gap before it, [0, 1)")
        }
        out.number("tick", terms.tick, "price increment, currency; 0 = continuous")
        out.number("spread_vol_multiple", terms.spreadVolMultiple, "half-spread ≥ this × σ·S·√dt")
        out.number("impact", terms.impact, "η: impact per share η·σ_day·S·√(Q/ADV)")
        out.number("daily_volume", terms.dailyVolume, "ADV, shares a day; 0 = no impact")
        if terms.touchSize > 0 {
            out.number("touch_size", terms.touchSize, "shares shown at bid and ask, taken without impact")
        }
        out.number("latency_ms", terms.latencyMs, "market orders fill this much later, milliseconds")
        out.number("maker_fee_bps", terms.makerFeeBps, "limit fills, bps of notional; negative = rebate")
        out.number("taker_fee_bps", terms.takerFeeBps, "market fills, bps of notional")
        out.number("funding_rate", terms.fundingRate, "perpetual funding per year; longs pay when > 0")
        out.number("funding_interval_hours", terms.fundingIntervalHours, "hours between funding payments")
    }
}
