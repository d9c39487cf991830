/// The session every Monte Carlo path runs, and the premium to report with it: what
/// `simulate` and `frontier` both start from, so a rule's numbers are the same in each.
public struct SimulationSetup: Sendable {
    public var config: SessionConfig
    public var scenarioName: String?
    /// Per unit of the option, or the whole book's value for a scenario's own book.
    public var premium: Double
    public var premiumIsPerUnit: Bool

    public init(config: SessionConfig, scenarioName: String?, premium: Double, premiumIsPerUnit: Bool) {
        self.config = config
        self.scenarioName = scenarioName
        self.premium = premium
        self.premiumIsPerUnit = premiumIsPerUnit
    }

    /// A scenario's own session, auto-hedged from the start by `hedgeRule` (default: its
    /// policy), with premium = the book's value at t=0 at implied vol.
    public init(scenario: Scenario, hedgeRule: HedgeRule? = nil) {
        var config = scenario.config
        if let hedgeRule { config.hedgeRule = hedgeRule }
        config.autoHedge = true
        let premium = config.book.greeks(spot: config.spot, time: 0, rate: config.rate, dividendYield: config.dividendYield).price
        self.init(config: config, scenarioName: scenario.name, premium: premium, premiumIsPerUnit: false)
    }

    /// Checks that `paths` paths of the session can run: the path-step count fits in an `Int`
    /// and the configuration is valid. The message names what is wrong.
    public func check(paths: Int) throws(SessionConfigError) {
        guard !paths.multipliedReportingOverflow(by: config.steps).overflow else {
            throw SessionConfigError(message: "--paths × --steps must be below 2^63, got \(paths) × \(config.steps)")
        }
        do {
            try config.validate()
        } catch {
            throw SessionConfigError(message: "the simulated session cannot run: \(error)")
        }
    }

    /// The defaults `simulate`'s flags describe: one long 1-year ATM call at 20% implied, a
    /// market realizing 20% with drift = rate = 5%, 252 steps, hedged every step at implied
    /// vol, no costs.
    public static let defaultConfig = SessionConfig(
        spot: 100, rate: 0.05, dividendYield: 0,
        process: .geometricBrownian(GeometricBrownianMotion(drift: 0.05, volatility: 0.20)),
        timeStep: DayCount.tradingDay, steps: Int(DayCount.tradingDaysPerYear),
        book: OptionBook([OptionPosition(kind: .call, strike: 100, expiry: 1, quantity: 1, impliedVol: 0.20)]),
        costs: .free, lotSize: 0, hedgeRule: .every(PeriodicHedge(interval: 1)), autoHedge: true,
        hedgeVolatility: .implied, detail: .pnlOnly)
}
