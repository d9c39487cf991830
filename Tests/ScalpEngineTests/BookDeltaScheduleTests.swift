import Foundation
import Testing
@testable import ScalpEngine

/// The hedger's precomputed delta schedule against Black-Scholes computed directly.
@Suite("Book delta schedule")
struct BookDeltaScheduleTests {
    static let timeStep = 1.0 / 50
    static let steps = 50

    /// Calls and puts, long and short, a listed multiplier, one leg expiring mid-grid and one
    /// at zero vol (the edge cases `BlackScholes` handles).
    static let book = OptionBook([
        OptionPosition(kind: .call, strike: 100, expiry: 1, quantity: 3, impliedVol: 0.2),
        OptionPosition(kind: .put, strike: 90, expiry: 1, quantity: -2, multiplier: 100, impliedVol: 0.35),
        OptionPosition(kind: .call, strike: 110, expiry: 0.5, quantity: 1, impliedVol: 0.25),
        OptionPosition(kind: .put, strike: 105, expiry: 1, quantity: 1, impliedVol: 0),
    ])

    /// At every step and a spread of spots, delta and gamma agree with the direct formulas to
    /// 1e-13 of the book's size, at implied vols and at one overriding vol, with dividends.
    @Test(arguments: [nil, 0.3] as [Double?])
    func agreesWithBlackScholesAtEveryStep(volatility: Double?) throws {
        let rate = 0.04, dividend = 0.02
        let schedule = try #require(BookDeltaSchedule(book: Self.book, timeStep: Self.timeStep, steps: Self.steps,
                                                      rate: rate, dividendYield: dividend, volatility: volatility))
        let size = Self.book.positions.map { abs($0.units) }.reduce(0, +)
        for step in 0...Self.steps {
            let time = Double(step) * Self.timeStep
            for spot in [55.0, 88, 99.5, 100, 104.9, 131, 190] {
                let direct = Self.book.delta(spot: spot, time: time, rate: rate, dividendYield: dividend, volatility: volatility)
                let scheduled = schedule.delta(of: Self.book, step: step, spot: spot, logSpot: log(spot))
                #expect(abs(scheduled - direct) <= 1e-13 * size, "delta at step \(step), spot \(spot)")
                let directGamma = Self.book.gamma(spot: spot, time: time, rate: rate, dividendYield: dividend, volatility: volatility)
                let both = schedule.deltaAndGamma(of: Self.book, step: step, spot: spot, logSpot: log(spot))
                #expect(both.delta == scheduled)
                let scheduledGamma = both.gamma
                #expect(close(scheduledGamma, directGamma, rel: 1e-12, abs: 1e-15 * size), "gamma at step \(step), spot \(spot)")
            }
        }
    }

    /// Settled positions drop out, as they do from the book's own Greeks.
    @Test func settledPositionsDoNotCount() throws {
        var book = Self.book
        let schedule = try #require(BookDeltaSchedule(book: book, timeStep: Self.timeStep, steps: Self.steps,
                                                      rate: 0, dividendYield: 0, volatility: nil))
        book.positions[1].isSettled = true
        let step = 10, spot = 97.0
        let direct = book.delta(spot: spot, time: Double(step) * Self.timeStep, rate: 0, dividendYield: 0)
        #expect(abs(schedule.delta(of: book, step: step, spot: spot, logSpot: log(spot)) - direct) <= 1e-12)
    }

    /// Too large a grid is not built: the session then computes its Greeks directly.
    @Test func largeGridsAreNotBuilt() {
        let steps = BookDeltaSchedule.maximumEntries / Self.book.positions.count
        #expect(BookDeltaSchedule(book: Self.book, timeStep: 1e-6, steps: steps, rate: 0, dividendYield: 0, volatility: nil) == nil)
        #expect(BookDeltaSchedule(book: Self.book, timeStep: 1e-6, steps: steps - 1, rate: 0, dividendYield: 0, volatility: nil) != nil)
        #expect(BookDeltaSchedule(book: OptionBook(), timeStep: 0.1, steps: 10, rate: 0, dividendYield: 0, volatility: nil) == nil)
    }

    /// Through a whole session: the hedger's net delta (from the schedule) matches the book's
    /// Black-Scholes delta plus stock at every step, for implied- and realized-vol hedging.
    @Test(arguments: [HedgeVolatility.implied, .trueVolatility])
    func sessionHedgesAtTheBlackScholesDelta(hedgeVol: HedgeVolatility) {
        let config = unitOptionConfig(kind: .put, impliedVol: 0.25, realizedVol: 0.3, dividend: 0.01, steps: 60,
                                      rule: .band(DeltaBandHedge(halfWidth: 0.05)), hedgeVol: hedgeVol)
        var session = Session(config: config, seed: 5)
        let volatility: Double? = hedgeVol == .trueVolatility ? 0.3 : nil
        while !session.isFinished {
            let direct = session.book.delta(spot: session.spot, time: session.time, rate: config.rate,
                                            dividendYield: config.dividendYield, volatility: volatility) + session.stockShares
            #expect(abs(session.hedgeDelta - direct) <= 1e-13, "step \(session.step)")
            session.apply(.tick)
        }
    }
}
