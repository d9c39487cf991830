/// The `[implied]` section with its `[[implied.term]]` tables, and the `[[events]]` tables.
extension ScenarioFile {
    enum DynamicsKind: String, CaseIterable {
        case constant
        case meanReverting = "mean-reverting"
    }

    /// What `[implied]` fixes.
    struct ImpliedTerms {
        var atmVol: Double
        var dynamics: ImpliedVolDynamics
        var skew: VolSkew?
        var sticky: StickyRule
        var spotVolBeta: Double
        var realizedLink: RealizedVolLink?
        var term: VolTermStructure?
    }

    /// Reads `[implied]`: atm_vol, dynamics (+ speed, long_run, vol_of_vol), skew_slope, skew_curvature,
    /// sticky (moneyness | strike | delta), spot_vol_beta, follow_realized (+ risk_premium), and
    /// `[[implied.term]]` tables (expiry_days, atm_vol). Without atm_vol the ATM level is the
    /// term structure's vol at the first book entry's expiry, or else that entry's implied_vol.
    static func readImplied(_ t: inout ScenarioTable, book: [BookEntry]) throws(ScenarioFileError) -> ImpliedTerms {
        let floor = ImpliedVolDynamics.minimumVol
        func vol(_ key: String) throws(ScenarioFileError) -> Double? {
            guard let value = try t.number(key) else { return nil }
            try t.check(value >= floor && value <= 10, key, value, "must be between \(decimal(floor)) and 10")
            return value
        }
        let term = try readTerm(&t)
        if term != nil, t.contains("atm_vol") {
            throw t.error("atm_vol", "the [[implied.term]] tables give each expiry's ATM vol; remove atm_vol or the term tables")
        }
        let frontVol = book.first.flatMap { entry in term?.atmVol(expiry: entry.expiry) }
        let givenVol = try vol("atm_vol")
        guard let atm = frontVol ?? givenVol ?? book.first(where: { $0.impliedVol != nil })?.impliedVol else {
            throw t.error("atm_vol", "required when a [[book]] table has no implied_vol")
        }
        var dynamics = ImpliedVolDynamics.constant
        switch try t.choice("dynamics", DynamicsKind.self) ?? .constant {
        case .constant:
            for key in ["speed", "long_run", "vol_of_vol"] where t.contains(key) {
                throw t.error(key, "only for dynamics = \"mean-reverting\"")
            }
        case .meanReverting:
            let speed = try t.requiredNumber("speed")
            try t.check(speed >= 0, "speed", speed, "must be ≥ 0 (per year)")
            let longRun = try vol("long_run") ?? atm
            let volOfVol = try t.requiredNumber("vol_of_vol")
            try t.check(volOfVol >= 0, "vol_of_vol", volOfVol, "must be ≥ 0 (per √year)")
            dynamics = .meanReverting(speed: speed, longRun: longRun, volOfVol: volOfVol)
        }
        let slope = try t.number("skew_slope")
        let curvature = try t.number("skew_curvature")
        let skew = slope == nil && curvature == nil ? nil : VolSkew(slope: slope ?? 0, curvature: curvature ?? 0)
        let sticky = try t.choice("sticky", StickyRule.self) ?? .moneyness
        let beta = try t.number("spot_vol_beta") ?? 0
        try t.check(abs(beta) <= 5, "spot_vol_beta", beta, "must be between -5 and 5 (vol per unit of log return)")
        var link: RealizedVolLink?
        if let rate = try t.number("follow_realized") {
            try t.check(rate >= 0 && rate <= 1e4, "follow_realized", rate, "must be between 0 and 10000 (per year)")
            let premium = try t.number("risk_premium") ?? 0
            try t.check(abs(premium) <= 1, "risk_premium", premium, "must be between -1 and 1 (vol as a fraction)")
            link = RealizedVolLink(rate: rate, premium: premium)
        } else if t.contains("risk_premium") {
            throw t.error("risk_premium", "only with follow_realized")
        }
        return ImpliedTerms(atmVol: atm, dynamics: dynamics, skew: skew, sticky: sticky, spotVolBeta: beta,
                            realizedLink: link, term: term)
    }

    /// Reads the `[[implied.term]]` tables (expiry_days, atm_vol), refusing calendar arbitrage:
    /// each expiry's total variance atm_vol²·expiry must be at least the previous expiry's.
    static func readTerm(_ implied: inout ScenarioTable) throws(ScenarioFileError) -> VolTermStructure? {
        let floor = ImpliedVolDynamics.minimumVol
        var pillars: [(VolTermStructure.Pillar, path: String)] = []
        for var t in try implied.sections("term") {
            let days = try t.requiredNumber("expiry_days")
            try t.check(days > 0, "expiry_days", days, "must be > 0")
            let vol = try t.requiredNumber("atm_vol")
            try t.check(vol >= floor && vol <= 10, "atm_vol", vol, "must be between \(decimal(floor)) and 10")
            if let twin = pillars.first(where: { $0.0.expiry == years(days: days) }) {
                throw t.error("expiry_days", "\(decimal(days)) days is already a pillar (\(twin.path))")
            }
            try t.finish()
            pillars.append((VolTermStructure.Pillar(expiry: years(days: days), atmVol: vol), t.path))
        }
        pillars.sort { $0.0.expiry < $1.0.expiry }
        for (shorter, longer) in zip(pillars, pillars.dropFirst()) where longer.0.totalVariance < shorter.0.totalVariance {
            func pillar(_ p: VolTermStructure.Pillar) -> String {
                "\(String(format: "%.4g", p.totalVariance)) at \(daysText(years: p.expiry)) days (atm_vol \(decimal(p.atmVol)))"
            }
            throw implied.source.error(longer.path + ".atm_vol", "calendar arbitrage: total variance σ²τ falls from "
                + "\(pillar(shorter.0)) to \(pillar(longer.0)); a longer expiry needs at least the shorter one's")
        }
        return VolTermStructure(pillars.map(\.0))
    }

    /// Reads an `[[events]]` table: after_days, label, price_jump, vol_change, event_move.
    static func readEvent(_ t: inout ScenarioTable, market: MarketTerms) throws(ScenarioFileError) -> ScheduledEvent {
        let days = try t.requiredNumber("after_days")
        try t.check(days > 0 && days <= market.days, "after_days", days,
                    "must be within the session, after 0 and at most \(decimal(market.days)) days")
        let label = try t.string("label") ?? "event"
        let jump = try t.number("price_jump") ?? 0
        try t.check(abs(jump) <= 1, "price_jump", jump, "must be between -1 and 1 (a log return)")
        let change = try t.number("vol_change") ?? 0
        try t.check(abs(change) <= 5, "vol_change", change, "must be between -5 and 5 (vol as a fraction)")
        let move = try t.number("event_move")
        if let move { try t.check(move > 0 && move <= 1, "event_move", move, "must be between 0 and 1 (expected absolute move, fraction of spot)") }
        return ScheduledEvent(time: market.years(days: days), logPriceJump: jump, impliedVolChange: change, label: label,
                              expectedMove: move)
    }
}
