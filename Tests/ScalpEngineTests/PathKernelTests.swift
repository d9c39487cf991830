import Foundation
import Testing
@testable import ScalpEngine

/// The Monte Carlo's path kernel against the scalar session it stands in for: the same state
/// after its steps and the same outcome at the end, to the last bit, for every rule it takes.
@Suite("Path kernel")
struct PathKernelTests {
    static let costs = TransactionCosts(halfSpreadBps: 5, feePerShare: 0.002)

    /// Plain sessions the kernel takes: each rule it runs, costs, a lot size, a dividend, a
    /// short book, a zero rate, no hedger, and a book whose first leg expires mid-session.
    static let plainConfigs: [(String, SessionConfig)] = {
        var configs: [(String, SessionConfig)] = [
            ("every:1", unitOptionConfig(steps: 90, detail: .pnlOnly)),
            ("no hedge", unitOptionConfig(steps: 90, rule: .none, costs: costs, detail: .pnlOnly)),
            ("every:3 put, dividend, costs", unitOptionConfig(kind: .put, dividend: 0.03, steps: 90,
                rule: .every(PeriodicHedge(interval: 3)), costs: costs, detail: .pnlOnly)),
            ("band to edge, short", unitOptionConfig(steps: 90, quantity: -40,
                rule: .band(DeltaBandHedge(halfWidth: 2, target: .bandEdge)), costs: costs, detail: .pnlOnly)),
            ("move", unitOptionConfig(realizedVol: 0.35, steps: 90, rule: .move(PriceMoveHedge(fraction: 0.01)),
                                      costs: costs, detail: .pnlOnly)),
            ("ww to edge", unitOptionConfig(steps: 90, quantity: 50,
                rule: .whalleyWilmott(WhalleyWilmottHedge(riskAversion: 0.5)), costs: costs, detail: .pnlOnly)),
            ("ww to neutral, zero rate", unitOptionConfig(rate: 0, steps: 90, quantity: 50,
                rule: .whalleyWilmott(WhalleyWilmottHedge(riskAversion: 2, target: .neutral)), costs: costs, detail: .pnlOnly)),
        ]
        var lots = unitOptionConfig(steps: 90, quantity: 300, rule: .band(DeltaBandHedge(halfWidth: 20)), costs: costs,
                                    detail: .pnlOnly)
        lots.lotSize = 10
        configs.append(("band in lots of 10", lots))
        var twoExpiries = unitOptionConfig(steps: 90, quantity: 10, costs: costs, detail: .pnlOnly)
        twoExpiries.book = OptionBook([
            OptionPosition(kind: .put, strike: 95, expiry: 0.5, quantity: 10, impliedVol: 0.25),
            OptionPosition(kind: .call, strike: 105, expiry: 1, quantity: -5, impliedVol: 0.18),
        ])
        configs.append(("an expiry mid-session", twoExpiries))
        return configs
    }()

    /// A session taken through the kernel's steps is the session ticked through them.
    @Test(arguments: plainConfigs.map(\.0))
    func kernelStepsAreTheSessionsSteps(name: String) throws {
        let config = try #require(Self.plainConfigs.first { $0.0 == name }?.1)
        let start = Session(config: config, seed: 11)
        let kernel = try #require(PathKernel(start), "the kernel declined a plain session")
        for stream: UInt64 in [0, 1, 7] {
            var kernelled = start.onStream(stream)
            kernel.run(&kernelled)
            var ticked = Session(config: config, seed: 11, stream: stream)
            while ticked.step < kernel.lastStep { ticked.apply(.tick) }
            #expect(kernelled.step == ticked.step)
            #expect(kernelled.spot.bitPattern == ticked.spot.bitPattern)
            #expect(kernelled.logSpot.bitPattern == ticked.logSpot.bitPattern)
            #expect(kernelled.rng == ticked.rng)
            #expect(kernelled.ledger.cash.bitPattern == ticked.ledger.cash.bitPattern)
            #expect(kernelled.ledger.stockShares.bitPattern == ticked.ledger.stockShares.bitPattern)
            #expect(kernelled.ledger.attribution == ticked.ledger.attribution)
            #expect(kernelled.ledger.lastStep == ticked.ledger.lastStep)
            #expect(kernelled.ledger.tradeCount == ticked.ledger.tradeCount)
            #expect(kernelled.ledger.sharesTraded.bitPattern == ticked.ledger.sharesTraded.bitPattern)
            #expect(kernelled.ledger.notionalTraded.bitPattern == ticked.ledger.notionalTraded.bitPattern)
            #expect(kernelled.ledger.spotAtLastHedge.bitPattern == ticked.ledger.spotAtLastHedge.bitPattern)
            #expect(kernelled.ledger.markedPnL.bitPattern == ticked.ledger.markedPnL.bitPattern)
        }
    }

    /// Whole Monte Carlo paths (kernel, then the session's last step) end as the session
    /// ticked to its end does, and the kernel takes every step but the last.
    @Test(arguments: plainConfigs.map(\.0))
    func kernelPathsEndAsTheSessionDoes(name: String) throws {
        let config = try #require(Self.plainConfigs.first { $0.0 == name }?.1)
        let simulation = MonteCarlo(config: config, seed: 5, paths: 40)
        for path in 0..<40 {
            var session = Session(config: config, seed: 5, stream: UInt64(path))
            runToEnd(&session)
            let outcome = simulation.runPath(path)
            #expect(outcome.pnl.bitPattern == session.pnl.bitPattern, "path \(path)")
            #expect(outcome.trades == session.tradeCount)
            #expect(outcome.costs.bitPattern == (-session.attribution.costs).bitPattern)
            #expect(outcome.finalSpot.bitPattern == session.spot.bitPattern)
        }
    }

    /// The kernel stops before an expiry, which the session settles, and before the last step,
    /// which closes the stock out.
    @Test func kernelStopsBeforeExpiriesAndTheClose() throws {
        let plain = try #require(PathKernel(Session(config: Self.plainConfigs[0].1, seed: 1)))
        #expect(plain.lastStep == 89)
        let twoExpiries = try #require(Self.plainConfigs.first { $0.0 == "an expiry mid-session" }?.1)
        let kernel = try #require(PathKernel(Session(config: twoExpiries, seed: 1)))
        #expect(kernel.lastStep == 44) // the put expires at 0.5 years, step 45 of 90
    }

    /// What the kernel does not model goes to the session: the ladder, events, another
    /// process, moving implied vols, execution terms, full detail, an estimated hedge vol.
    @Test func kernelDeclinesStepsThatDoMore() {
        var declined: [SessionConfig] = [
            unitOptionConfig(rule: .ladder(LadderHedge(step: 0.01)), detail: .pnlOnly),
            unitOptionConfig(detail: .full),
            unitOptionConfig(hedgeVol: .ewma, detail: .pnlOnly),
        ]
        var heston = unitOptionConfig(detail: .pnlOnly)
        heston.process = .heston(HestonProcess(drift: 0.05, initialVariance: 0.04, longRunVariance: 0.04, meanReversion: 2,
                                               volOfVol: 0.3, correlation: -0.7))
        declined.append(heston)
        for config in declined {
            #expect(PathKernel(Session(config: config, seed: 1)) == nil, "\(config.hedgeRule) \(config.detail)")
        }
        for scenario in ["jumps", "stochastic-vol", "vol-crush", "btc-perp"] {
            guard let builtIn = Scenario.named(scenario) else { continue }
            #expect(PathKernel(Session(config: SimulationSetup(scenario: builtIn).config, seed: 1)) == nil, "\(scenario)")
        }
    }
}
