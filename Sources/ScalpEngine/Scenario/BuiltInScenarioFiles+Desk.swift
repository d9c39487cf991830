/// The hedging, limits, training and session sections several built-in scenarios share word
/// for word, each written once and interpolated into their TOML.
extension BuiltInScenarioFiles {
    /// `[hedging]`'s costs for a stock: 100-share lots, 1 bp of half-spread and half a cent a
    /// share; a scenario adds its policy.
    static let stockHedgingCosts = """
        [hedging]
        lot = 100
        cost_bps = 1
        fee = 0.005
        """

    /// The stock hedged by hand, with a 100-share band for the auto-hedger when it is turned on.
    static let handHedgedBand = """
        \(stockHedgingCosts)
        policy = "band:100"
        auto = false
        """

    /// `[training]` for ten straddles of 100 shares: risk aversion λ = 0.001 per currency.
    static let tenStraddleTraining = """
        [training]
        risk_aversion = 0.001
        """

    /// `[session]`'s realized-vol estimators on five-minute steps: a rolling day (288 steps)
    /// and an EWMA with a half-day half-life (144 steps).
    static let fiveMinuteEstimators = """
        [session]
        vol_window = 288
        ewma_half_life = 144
        """

    /// Everything after the book for ten straddles hedged by hand on five-minute steps: the
    /// band, at most 1,500 shares of net delta, the training λ and the vol estimators.
    static let handHedgedTenStraddles = """
        \(handHedgedBand)

        [limits]
        net_delta = 1500

        \(tenStraddleTraining)

        \(fiveMinuteEstimators)
        """
}
