/// A named market and book to practise on: what an instructor hands out together with a seed.
///
/// The session's market, book, costs and hedge rule are in `config`; the rest describes what
/// the session does not run by itself: how implied vol moves, what is scheduled, the limits,
/// and the hedger the trainee is measured against. Scenario files (`ScenarioFile`) read and
/// write all of it; the built-in scenarios are such files.
public struct Scenario: Sendable, Hashable, Codable {
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
    /// The at-the-money implied vol at time 0, annualised fraction: the level the implied-vol
    /// dynamics move and the skew is centred on.
    public var atmImpliedVol: Double {
        get { volModel.atmVol }
        set { volModel.atmVol = newValue }
    }
    /// How the ATM implied vol moves from step to step.
    public var impliedVolDynamics: ImpliedVolDynamics {
        get { volModel.dynamics }
        set { volModel.dynamics = newValue }
    }
    /// The smile that gives each strike its own implied vol; nil for one vol at every strike.
    public var skew: VolSkew? {
        get { volModel.skew }
        set { volModel.skew = newValue }
    }
    /// The whole implied-vol model: with the above, the sticky rule and the spot- and realized-vol links.
    public var impliedVolModel: ImpliedVolModel {
        get { volModel }
        set { volModel = newValue }
    }
    /// Price gaps and implied-vol jumps at known times.
    public var events: EventSchedule {
        get { config.events }
        set { config.events = newValue }
    }
    /// The policy of the benchmark hedger the trainee's P&L is compared with.
    public var benchmarkRule: HedgeRule
    /// Net-delta and loss limits.
    public var riskLimits: RiskLimits
    /// λ, the trainer's risk aversion, per unit of currency (≥ 0): the grounded score rates a
    /// book by U = P&L − luck − (λ/2)·Σ Δ²·Var (see `HedgingUtility`).
    public var riskAversion: Double {
        get { trainingRiskAversion ?? Self.defaultRiskAversion }
        set { trainingRiskAversion = newValue }
    }
    /// Optional so journals written before the key existed still decode.
    private var trainingRiskAversion: Double?
    /// Whether the coach (`m` in `play`) answers in a class (`play --class`); outside a class
    /// it always does. The instructor's choice, in the scenario handed out (`[training]
    /// coach_in_class`): a trainee who switches it on in a copy plays another market, which
    /// the leaderboard refuses and the live board sets apart.
    public var coachInClass: Bool {
        get { trainingCoachInClass ?? false }
        // Nil for false, so scenarios from before the key and those without it are equal.
        set { trainingCoachInClass = newValue ? true : nil }
    }
    private var trainingCoachInClass: Bool?

    /// Whether the coach answers in this scenario, in a class (`inClass`) or not.
    public func allowsCoach(inClass: Bool) -> Bool { !inClass || coachInClass }

    /// A scenario; `atmImpliedVol` defaults to the book's vega-weighted implied vol at time 0.
    public init(name: String, description: String, learningGoal: String, config: SessionConfig,
                stepsPerSecond: Double = 10, atmImpliedVol: Double? = nil,
                impliedVolDynamics: ImpliedVolDynamics = .constant, skew: VolSkew? = nil,
                sticky: StickyRule = .moneyness, spotVolBeta: Double = 0, realizedLink: RealizedVolLink? = nil,
                term: VolTermStructure? = nil, events: EventSchedule = [], benchmarkRule: HedgeRule = Scenario.defaultBenchmarkRule,
                riskLimits: RiskLimits = .none, riskAversion: Double = Scenario.defaultRiskAversion) {
        self.name = name
        self.description = description
        self.learningGoal = learningGoal
        self.config = config
        self.stepsPerSecond = stepsPerSecond
        self.config.impliedVolModel = ImpliedVolModel(
            atmVol: atmImpliedVol ?? config.book.impliedVol(spot: config.spot, time: 0, rate: config.rate,
                                                            dividendYield: config.dividendYield),
            dynamics: impliedVolDynamics, skew: skew, sticky: sticky, spotVolBeta: spotVolBeta,
            realizedLink: realizedLink, term: term)
        self.config.events = events
        self.benchmarkRule = benchmarkRule
        self.riskLimits = riskLimits
        self.trainingRiskAversion = riskAversion
    }

    /// λ for a scenario file without `[training] risk_aversion`, per currency: a book whose
    /// summed squared hedging error is 1,000² gives up 500 of utility.
    public static let defaultRiskAversion = 0.001

    /// The benchmark hedger's default: hedge to neutral every step.
    public static let defaultBenchmarkRule = HedgeRule.every(PeriodicHedge(interval: 1))

    /// The implied vol of strike `strike` with the underlying at `spot` and the ATM vol at
    /// `atmVol`: through the skew, or `atmVol` floored at `ImpliedVolDynamics.minimumVol`.
    public func impliedVol(strike: Double, spot: Double, atmVol: Double) -> Double {
        volModel.impliedVol(strike: strike, spot: spot, atmVol: atmVol)
    }

    /// The session's implied-vol model (a scenario always has one).
    private var volModel: ImpliedVolModel {
        get { config.impliedVolModel ?? ImpliedVolModel(atmVol: 0) }
        set { config.impliedVolModel = newValue }
    }
}
