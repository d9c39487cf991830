import Foundation
import Testing
@testable import ScalpEngine

/// The grade reads decisions, not the path's luck: a hedger that rehedges by hand but then
/// sells two lots, sitting about 200 shares short, is a directional bet, and scores below a
/// plain band hedger on every seed, including those where the bet wins.
@Suite("Tilted hedger")
struct TiltedHedgerTests {
    struct Outcome: Sendable {
        var tiltPoints = 0.0, tiltPnL = 0.0, bandPoints = 0.0, bandPnL = 0.0
    }

    /// classic-scalp with `seed`: the tilted hedger (by hand: whenever its net delta strays more
    /// than 100 shares from 200 short, `h`, then `s` twice) and band:100 run headless.
    static func outcome(seed: UInt64) -> Outcome {
        let scenario = Scenario.builtIn.first { $0.name == "classic-scalp" }!
        var training = TrainingSession(scenario: scenario, seed: seed, autoHedge: false)
        while !training.isFinished {
            let netDelta = training.trainee.markedGreeks.delta + training.trainee.stockShares
            if abs(netDelta + 200) > 100 {
                training.apply(.hedgeNow)
                training.apply(.sellLot)
                training.apply(.sellLot)
            }
            training.apply(.tick)
        }
        let tilt = training.grade
        let band = HeadlessSession(scenario: scenario, seed: seed, rule: HedgeRule("band:100")!).run()
        return Outcome(tiltPoints: tilt.points, tiltPnL: tilt.traineePnL, bandPoints: band.points, bandPnL: band.traineePnL)
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var storage = [Outcome](repeating: Outcome(), count: 30)
        func set(_ index: Int, _ value: Outcome) { lock.withLock { storage[index] = value } }
        var values: [Outcome] { lock.withLock { storage } }
    }

    @Test func aTiltScoresBelowTheBandWhateverItsPnL() {
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 30) { index in
            results.set(index, Self.outcome(seed: UInt64(index + 1)))
        }
        let outcomes = results.values
        var winningBets: [Int] = []
        for (index, outcome) in outcomes.enumerated() {
            let seed = index + 1
            print(String(format: "tilted seed %2d: points %5.1f pnl %8.0f | band:100 points %5.1f pnl %8.0f",
                         seed, outcome.tiltPoints, outcome.tiltPnL, outcome.bandPoints, outcome.bandPnL))
            if outcome.tiltPnL > outcome.bandPnL { winningBets.append(seed) }
            #expect(outcome.tiltPoints < outcome.bandPoints, "seed \(seed): tilt \(outcome.tiltPoints) against band:100 \(outcome.bandPoints)")
            if seed <= 6 { #expect(outcome.tiltPoints <= 30, "seed \(seed): tilt scored \(outcome.tiltPoints)") }
        }
        print("tilted hedger's P&L beat band:100's on seeds \(winningBets)")
        // The point of the lesson: some bets win on P&L, and still grade below.
        #expect(!winningBets.isEmpty, "no seed where the bet won: the test shows nothing")
    }
}
