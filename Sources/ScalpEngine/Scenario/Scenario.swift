/// A named market and book to practise on: what an instructor hands out together with a seed.
public struct Scenario: Sendable, Hashable {
    /// Short identifier, e.g. "classic-scalp".
    public var name: String
    /// One or two sentences on the market.
    public var description: String
    /// What the trainee should take away.
    public var learningGoal: String
    /// The session it starts (market, book, costs, lot size, default hedge rule).
    public var config: SessionConfig
    /// Default live speed, steps per real second.
    public var stepsPerSecond: Double

    public init(name: String, description: String, learningGoal: String, config: SessionConfig, stepsPerSecond: Double = 10) {
        self.name = name
        self.description = description
        self.learningGoal = learningGoal
        self.config = config
        self.stepsPerSecond = stepsPerSecond
    }
}

extension Scenario {
    /// One five-minute step of calendar time, in years.
    public static let fiveMinutes = 1.0 / (365 * 24 * 12)

    /// The default: a long at-the-money straddle, 30 days, bought at 20% implied while the
    /// market realizes 25%. Ten straddles of 100 shares each, hedged in 100-share lots.
    public static let classicScalp: Scenario = {
        let expiry = 30.0 / 365
        let book = OptionBook([
            OptionPosition(kind: .call, strike: 100, expiry: expiry, quantity: 10, multiplier: 100, impliedVol: 0.20),
            OptionPosition(kind: .put, strike: 100, expiry: expiry, quantity: 10, multiplier: 100, impliedVol: 0.20),
        ])
        let config = SessionConfig(
            spot: 100, rate: 0.05, dividendYield: 0,
            process: .geometricBrownian(GeometricBrownianMotion(drift: 0.05, volatility: 0.25)),
            timeStep: fiveMinutes, steps: 30 * 24 * 12, book: book,
            costs: TransactionCosts(halfSpreadBps: 1, feePerShare: 0.005), lotSize: 100,
            hedgeRule: .band(DeltaBandHedge(halfWidth: 100)), autoHedge: false,
            volatilityWindow: 288, ewmaHalfLife: 144)
        return Scenario(
            name: "classic-scalp",
            description: "Long 10 ATM straddles, 30 days, bought at 20% implied; the market realizes 25%.",
            learningGoal: "Realized above implied: hedge the moves and the gamma pays more than the theta costs.",
            config: config)
    }()

    /// The scenarios built into the binary, default first.
    public static let builtIn: [Scenario] = [classicScalp]

    /// The built-in scenario called `name`, if any.
    public static func named(_ name: String) -> Scenario? {
        builtIn.first { $0.name == name.lowercased() }
    }
}
