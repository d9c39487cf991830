import Foundation
import Testing
@testable import ScalpEngine

@Suite("Moving implied vol, events and the option ticket in a session")
struct ImpliedVolSessionTests {
    func config(dynamics: ImpliedVolDynamics = .constant, skew: VolSkew? = nil, events: EventSchedule = [],
                detail: SessionDetail = .full) -> SessionConfig {
        var config = unitOptionConfig(kind: .call, strike: 105, expiry: 0.5, impliedVol: 0.25, realizedVol: 0.25,
                                      steps: 200, quantity: 10, detail: detail)
        config.impliedVolModel = ImpliedVolModel(atmVol: 0.25, dynamics: dynamics, skew: skew)
        config.events = events
        return config
    }

    static let crush: EventSchedule = [ScheduledEvent(time: 0.25, logPriceJump: -0.05, impliedVolChange: -0.10, label: "earnings")]

    @Test func attributionIdentityHoldsWithVega() {
        let cases: [SessionConfig] = [
            config(dynamics: .meanReverting(speed: 4, longRun: 0.3, volOfVol: 0.5)),
            config(skew: VolSkew(slope: -0.2, curvature: 0.3)),
            config(events: Self.crush),
        ]
        for config in cases {
            var session = Session(config: config, seed: 5)
            var absoluteResidual = 0.0, absoluteVega = 0.0, absoluteGamma = 0.0
            while !session.isFinished {
                session.apply(.tick)
                #expect(close(session.attribution.total, session.pnl, rel: 1e-10, abs: 1e-9))
                absoluteResidual += abs(session.lastStep.residual)
                absoluteVega += abs(session.lastStep.vega)
                absoluteGamma += abs(session.lastStep.gamma)
            }
            #expect(absoluteVega > 0)
            // Second-order vol terms (volga, vanna) are left in the residual; they stay a small
            // fraction of what the first-order terms explain.
            #expect(absoluteResidual < 0.1 * (absoluteVega + absoluteGamma))
        }
    }

    @Test func impliedVolMovesDoNotChangeThePricePath() {
        var plain = Session(config: config(), seed: 42)
        var moving = Session(config: config(dynamics: .meanReverting(speed: 2, longRun: 0.4, volOfVol: 0.8)), seed: 42)
        for _ in 0..<99 {
            plain.apply(.tick)
            moving.apply(.tick)
            #expect(plain.spot == moving.spot)
        }
        #expect(moving.atmImpliedVol != 0.25)
    }

    /// An earnings event: the price gaps by e^{−0.05} and every implied vol drops 10 points at
    /// the step that contains it; the long book's vega P&L is about vega × −0.10.
    @Test func scheduledEventGapsThePriceAndCrushesVol() {
        var session = Session(config: config(events: Self.crush), seed: 9)
        var withoutEvent = Session(config: config(), seed: 9)
        // The event at t = 0.25 fires in the step that ends there (step 100 of 0.0025 years).
        while session.step < 99 {
            session.apply(.tick)
            withoutEvent.apply(.tick)
        }
        #expect(session.latestEvent == nil)
        let vegaBefore = session.currentGreeks().vega
        session.apply(.tick)
        withoutEvent.apply(.tick)
        #expect(session.latestEvent?.label == "earnings")
        #expect(close(session.spot, withoutEvent.spot * exp(-0.05), rel: 1e-14))
        #expect(close(session.book.positions[0].impliedVol, 0.15, rel: 1e-14))
        #expect(close(session.lastStep.vega, vegaBefore * -0.10, rel: 0.05))
        #expect(session.lastStep.vega < 0)
    }

    @Test func optionTicketPaysTheSpreadAndJoinsTheBook() {
        var session = Session(config: config(skew: VolSkew(slope: -0.1)), seed: 3)
        session.apply(.tick)
        let pnlBefore = session.pnl
        let order = OptionOrder(kind: .put, strike: 95, expiry: 0.4, quantity: 5, multiplier: 100)
        let vol = session.impliedVol(forStrike: 95, expiry: 0.4)
        #expect(close(vol, 0.25 - 0.1 * log(95 / session.spot), rel: 1e-14))
        session.apply(.tradeOption(order))
        let tau = 0.4 - session.time
        let mark = BlackScholes.price(kind: .put, spot: session.spot, strike: 95, volatility: vol, timeToExpiry: tau, rate: 0.05)
        let fill = BlackScholes.price(kind: .put, spot: session.spot, strike: 95, volatility: vol + 0.005, timeToExpiry: tau, rate: 0.05)
        #expect(session.book.positions.count == 2 && session.optionTradeCount == 1)
        #expect(close(session.pnl - pnlBefore, -500 * (fill - mark), rel: 1e-9))
        // Selling pays the spread too.
        session.apply(.tradeOption(OptionOrder(kind: .put, strike: 95, expiry: 0.4, quantity: -5, multiplier: 100)))
        #expect(session.pnl < pnlBefore - 500 * (fill - mark))
        // Orders that cannot be filled are ignored.
        session.apply(.tradeOption(OptionOrder(kind: .call, strike: 100, expiry: 0, quantity: 1, multiplier: 100)))
        session.apply(.tradeOption(OptionOrder(kind: .call, strike: -1, expiry: 0.3, quantity: 1, multiplier: 100)))
        #expect(session.optionTradeCount == 2)
        while !session.isFinished {
            session.apply(.tick)
            #expect(close(session.attribution.total, session.pnl, rel: 1e-10, abs: 1e-9))
        }
    }

    @Test func detailLevelDoesNotChangeTheNumbersWithMovingVol() {
        var full = Session(config: config(dynamics: .meanReverting(speed: 3, longRun: 0.2, volOfVol: 0.6), events: Self.crush), seed: 12)
        var lean = Session(config: config(dynamics: .meanReverting(speed: 3, longRun: 0.2, volOfVol: 0.6), events: Self.crush,
                                          detail: .pnlOnly), seed: 12)
        runToEnd(&full)
        runToEnd(&lean)
        #expect(full.cash == lean.cash && full.tradeCount == lean.tradeCount)
    }
}

@Suite("Training: a benchmark hedger beside the trainee")
struct TrainingSessionTests {
    func scenario(limits: RiskLimits = .none) -> Scenario {
        var scenario = Scenario.classicScalp
        scenario.config.steps = 600
        scenario.riskLimits = limits
        return scenario
    }

    @Test func benchmarkSeesTheSamePathAndHedgesByItsRule() {
        var training = TrainingSession(scenario: scenario(), seed: 77)
        #expect(training.benchmark.tradeCount == 1) // hedged at time 0
        #expect(training.trainee.tradeCount == 0)
        for _ in 0..<300 {
            training.apply(.tick)
            #expect(training.trainee.spot == training.benchmark.spot)
        }
        training.apply(.buyLot)
        #expect(training.benchmark.manualTradeCount == 0)
        #expect(training.pnlGap == training.trainee.pnl - training.benchmark.pnl)
        training.apply(.finish)
        #expect(training.isFinished && training.benchmark.isFinished)
    }

    @Test func optionTradesAreMirroredInTheShadowBook() {
        var training = TrainingSession(scenario: scenario(), seed: 1)
        training.apply(.tradeOption(OptionOrder(kind: .call, strike: 105, expiry: 0.05, quantity: 2, multiplier: 100)))
        #expect(training.benchmark.book.positions.count == 3 && training.trainee.book.positions.count == 3)
    }

    @Test func netDeltaLimitIsTrackedAndScored() {
        var training = TrainingSession(scenario: scenario(limits: RiskLimits(netDelta: 150, loss: 1e9)), seed: 2)
        training.apply(.trade(shares: 500))
        #expect(training.isOverDeltaLimit && training.deltaLimitBreaches == 1)
        #expect(training.lossLimitStatus == .within(usage: max(-training.trainee.pnl, 0) / 1e9))
        #expect(TrainingSession(scenario: scenario(), seed: 2).lossLimitStatus == .none)
        for _ in 0..<10 { training.apply(.tick) }
        #expect(training.stepsOverDeltaLimit == 10)
        training.apply(.hedgeNow)
        #expect(!training.isOverDeltaLimit)
        training.apply(.tick)
        #expect(training.stepsOverDeltaLimit == 10)
        let score = training.grade
        #expect(close(score.timeOverLimit, 10.0 / 11, rel: 1e-12))
        let grade = training.grade
        #expect((grade.limitPenalty ?? 0) > 0 && score.verdict.contains("The risk limits cost you"))
        #expect(score.points == grade.points && score.points >= 0 && score.points <= 100)
    }

    /// A trainee who does exactly what the benchmark does earns exactly what the benchmark's
    /// rule earns in the reference family on this path: nothing is pinned to the benchmark.
    @Test func matchingTheBenchmarkEarnsTheBenchmarkRulesPoints() throws {
        var scenario = scenario()
        scenario.config.hedgeRule = scenario.benchmarkRule
        var training = TrainingSession(scenario: scenario, seed: 4, autoHedge: true)
        while !training.isFinished { training.apply(.tick) }
        let score = training.grade
        #expect(score.traineePnL == score.benchmarkPnL)
        let benchmark = try #require(training.grade.family.first { $0.result.rule == scenario.benchmarkRule.description })
        #expect(score.points == benchmark.points)
        #expect(score.nearestRule == scenario.benchmarkRule.description)
    }

    /// Doing nothing with a long straddle leaves the P&L swinging with the market: a worse
    /// hedging error than the benchmark, and the verdict names the rule it was like.
    @Test func anUnhedgedTraineeScoresWorse() {
        var training = TrainingSession(scenario: scenario(), seed: 6)
        while !training.isFinished { training.apply(.tick) }
        let score = training.grade
        #expect(score.traineeHedgingError > 1.25 * score.benchmarkHedgingError)
        #expect(score.nearestRule == "none" && score.verdict.contains("Your hedging was like none"))
        #expect(score.points < 100)
    }
}
