/// The `[[book]]` tables: one option line each (a straddle is a call and a put).
extension ScenarioFile {
    /// One `[[book]]` table as written; its implied vol may wait for the ATM vol and skew.
    struct BookEntry {
        var path: String
        var kinds: [OptionKind]
        var strike: Double
        var expiry: Double
        var quantity: Double
        var multiplier: Double
        var impliedVol: Double?
    }

    /// Reads a `[[book]]` table: kind, strike or moneyness, expiry_days, quantity, multiplier, implied_vol.
    static func readBookEntry(_ t: inout ScenarioTable, market: MarketTerms) throws(ScenarioFileError) -> BookEntry {
        guard let kind = try t.choice("kind", OptionStructure.self) else { throw t.missing("kind") }
        let strike: Double
        if let given = try t.number("strike") {
            try t.check(given, in: InputLimits.price, "strike", "currency")
            if t.contains("moneyness") { throw t.error("moneyness", "give strike or moneyness, not both") }
            strike = given
        } else {
            let moneyness = try t.number("moneyness") ?? 1
            try t.check(moneyness > 0 && InputLimits.price.contains(moneyness * market.spot), "moneyness", moneyness,
                        "must be > 0 (strike ÷ spot), with a strike in \(InputLimits.price.describe())")
            strike = moneyness * market.spot
        }
        let days = try t.requiredNumber("expiry_days")
        try t.check(days, in: InputLimits.days, "expiry_days", "days")
        let quantity = try t.requiredNumber("quantity")
        try t.check(quantity, in: InputLimits.contracts, "quantity", "contracts; negative is short")
        try t.check(quantity != 0, "quantity", quantity, "must not be 0 (contracts; negative is short)")
        let multiplier = try t.number("multiplier", in: InputLimits.multiplier, "units of the underlying a contract") ?? 100
        let impliedVol = try t.number("implied_vol")
        if let impliedVol {
            try t.check(impliedVol >= ImpliedVolDynamics.minimumVol && impliedVol <= 10, "implied_vol", impliedVol,
                        "must be between \(decimal(ImpliedVolDynamics.minimumVol)) and 10")
        }
        return BookEntry(path: t.path, kinds: kind.legs, strike: strike, expiry: market.years(days: days), quantity: quantity,
                         multiplier: multiplier, impliedVol: impliedVol)
    }

    /// The positions of `entries`, each at its own implied vol or, without one, at the
    /// scenario's vol for its strike at time 0 (the ATM vol through the skew, read by the
    /// sticky rule, at its expiry's ATM vol with the variance of the `events` it spans);
    /// `carry` = rate − dividend yield.
    static func positions(_ entries: [BookEntry], spot: Double, model: ImpliedVolModel, carry: Double,
                          events: EventSchedule) -> OptionBook {
        var positions: [OptionPosition] = []
        for entry in entries {
            let vol = entry.impliedVol ?? model.impliedVol(strike: entry.strike, expiry: entry.expiry, spot: spot, time: 0,
                                                           atmVol: model.atmVol, openingSpot: spot, carry: carry,
                                                           events: events)
            for kind in entry.kinds {
                positions.append(OptionPosition(kind: kind, strike: entry.strike, expiry: entry.expiry,
                                                 quantity: entry.quantity, multiplier: entry.multiplier, impliedVol: vol))
            }
        }
        return OptionBook(positions)
    }
}
