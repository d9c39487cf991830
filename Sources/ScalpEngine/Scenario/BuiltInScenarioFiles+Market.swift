/// The market and book sections several built-in scenarios share word for word, each written
/// once and interpolated into their TOML, so a scenario's text still reads as a whole file.
extension BuiltInScenarioFiles {
    /// The 100-dollar stock over ten days of 15-minute steps, realizing 25% (GBM).
    static let quarterHourMarket = """
        \(hundredDollarStock)
        step_minutes = 15
        days = 10

        [process]
        kind = "gbm"
        vol = 0.25
        """

    /// A `[[book]]` of straddles at the money of the 100-dollar stock; a scenario adds the
    /// expiry, the quantity and any implied vol.
    static let atTheMoneyStraddles = """
        [[book]]
        kind = "straddle"
        strike = 100
        """

    /// `[market]`'s price and carry for a 100-dollar stock drifting at 5% a year with rates at
    /// 5%; a scenario adds its clock (`step_minutes`, `days`).
    static let hundredDollarStock = """
        [market]
        spot = 100
        drift = 0.05
        rate = 0.05
        """
}
