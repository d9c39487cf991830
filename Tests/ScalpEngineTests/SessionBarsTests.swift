import Foundation
import Testing
@testable import ScalpEngine

/// Each step's open, high, low and close in the live (full-detail) session: the bridge's exact
/// range for simulated paths, agreeing with the limit fills; the file's for price files;
/// re-derived bit for bit by replay; and unbiased range estimators on GBM.
@Suite("Session bars: each step's open, high, low and close")
struct SessionBarsTests {
    /// Every built-in (GBM, jumps, Heston, regimes, events, execution venues, the equity
    /// calendar): each bar opens at the close before, closes at the spot, and its high and low
    /// bracket both. A closure of the market (a step over several grid steps) makes no bar; the
    /// bar after it opens at the open and keeps the close before the closure as previous close.
    @Test func everyBarBracketsItsOpenAndClose() {
        for scenario in Scenario.builtIn {
            var training = TrainingSession(scenario: scenario, seed: 7, autoHedge: true)
            var checked = 0, made = 0, closures = 0
            var previousClose = training.trainee.spot
            while !training.isFinished, checked < 400 {
                let open = training.trainee.spot, stepBefore = training.trainee.step
                let latestBefore = training.trainee.bars.latest
                training.apply(.tick)
                if training.trainee.step - stepBefore > 1 {
                    closures += 1
                    #expect(training.trainee.bars.latest == latestBefore, "\(scenario.name): a closure made a bar")
                    continue
                }
                guard let bar = training.trainee.bars.latest else { Issue.record("\(scenario.name): no bar"); return }
                let ok = bar.previousClose == previousClose && bar.open == open && bar.close == training.trainee.spot
                    && bar.high >= max(bar.open, bar.close) && bar.low <= min(bar.open, bar.close) && bar.low > 0
                #expect(ok, "\(scenario.name) step \(training.trainee.step): \(bar)")
                if !ok { return }
                previousClose = bar.close
                checked += 1
                made += 1
            }
            #expect(training.trainee.bars.recent.count == min(made, training.trainee.config.volatilityWindow))
            #expect(training.trainee.bars.made == made, "\(scenario.name): bars made counts closures")
            if scenario.name == "overnight-gaps" { #expect(closures > 0) }
        }
    }

    /// Bars draw from their own stream: the full-detail path is the Monte Carlo's, price for
    /// price, and the `pnlOnly` session keeps no bars.
    @Test func barsMoveNoOtherNumber() {
        var full = Session(config: unitOptionConfig(steps: 500, detail: .full), seed: 3)
        var fast = Session(config: unitOptionConfig(steps: 500, detail: .pnlOnly), seed: 3)
        while !full.isFinished {
            full.apply(.tick)
            fast.apply(.tick)
            #expect(full.spot == fast.spot)
        }
        #expect(full.cash == fast.cash && full.bars.recent.count == full.config.volatilityWindow)
        #expect(fast.bars.recent.isEmpty)
    }

    /// On driftless GBM (μ = σ²/2), over 20,000 steps, the mean of each range estimator's
    /// per-bar variance is σ²·dt within four standard errors; Yang-Zhang (not a per-bar mean)
    /// and close-to-close are checked over blocks of 50 bars.
    @Test func rangeEstimatorsOnSessionBarsAreUnbiased() {
        let sigma = 0.3, steps = 20_000
        var config = unitOptionConfig(realizedVol: sigma, drift: sigma * sigma / 2, steps: steps, rule: .none)
        config.volatilityWindow = 50
        var session = Session(config: config, seed: 2024)
        var bars: [PriceBar] = []
        while !session.isFinished {
            session.apply(.tick)
            if let bar = session.bars.latest { bars.append(bar) }
        }
        #expect(bars.count == steps)
        let truth = sigma * sigma
        let perYear = 1 / config.timeStep
        for estimator in [RangeVolEstimator.parkinson, .garmanKlass, .rogersSatchell] {
            let terms = bars.map { estimator.term($0)! * perYear }
            let (mean, error) = meanAndError(terms)
            #expect(abs(mean - truth) < 4 * error, "\(estimator.name): \(mean) ± \(error), σ² \(truth)")
        }
        for estimator in [RangeVolEstimator.closeToClose, .yangZhang] {
            let blocks = stride(from: 0, to: bars.count, by: 50).map {
                estimator.variance(of: bars[$0..<($0 + 50)], periodsPerYear: perYear)!
            }
            let (mean, error) = meanAndError(blocks)
            #expect(abs(mean - truth) < 4 * error, "\(estimator.name): \(mean) ± \(error), σ² \(truth)")
        }
        // The session's own reading is the estimator on its last `window` bars.
        #expect(session.rangeRealizedVol(.garmanKlass)
                == RangeVolEstimator.garmanKlass.volatility(of: bars.suffix(50), periodsPerYear: perYear))
    }

    /// A sell limit fills in a step exactly when the step's bar reaches its price, a buy
    /// likewise with the low: the bar completes the draws the fills made. Orders rest on one
    /// side, both or neither, so every way of completing the draws is met.
    @Test func limitFillsAndTheBarAgree() {
        var config = unitOptionConfig(steps: 3_000, rule: .none)
        config.autoHedge = false
        var session = Session(config: config, seed: 9)
        var (sells, buys, misses) = (0, 0, 0)
        while !session.isFinished {
            let step = session.step
            session.apply(.cancelOrders)
            let (sell, buy) = (session.spot * 1.004, session.spot * 0.996)
            if step % 4 == 1 || step % 4 == 3 { session.apply(.placeLimit(shares: -1, price: sell)) }
            if step % 4 == 2 || step % 4 == 3 { session.apply(.placeLimit(shares: 1, price: buy)) }
            let resting = session.desk.orders
            session.clearOrderEvents()
            session.apply(.tick)
            guard !session.isFinished, let bar = session.bars.latest else { break }
            let filled = Set(session.desk.events.filter { $0.kind == .fill }.map(\.order.id))
            for order in resting {
                let reached = order.isBuy ? bar.low <= order.price : bar.high >= order.price
                #expect(filled.contains(order.id) == reached, "step \(step): \(order) against \(bar)")
                if filled.contains(order.id) { if order.isBuy { buys += 1 } else { sells += 1 } } else { misses += 1 }
            }
        }
        #expect(sells > 50 && buys > 50 && misses > 500, "\(sells) sells, \(buys) buys, \(misses) unfilled")
    }

    /// A price file's bars are its rows; a close-only file's open is the close before and its
    /// high and low the larger and smaller of open and close. Limits fill against the file's range.
    @Test func priceFileBarsAreTheRows() throws {
        let text = "date,open,high,low,close\n2024-01-02,100,101,99,100\n2024-01-03,100.5,103,100,102\n"
            + "2024-01-04,102,102.5,98,99\n2024-01-05,99,100,98.5,99.5\n"
        let history = try PriceHistory.parse(csv: text, file: "f.csv")
        var training = TrainingSession(scenario: history.practiceScenario(name: "f"), seed: 1)
        training.apply(.placeLimit(shares: -100, price: 102.9))
        training.apply(.placeLimit(shares: -100, price: 103.1))
        var bars: [PriceBar] = []
        while !training.isFinished {
            training.apply(.tick)
            if let bar = training.trainee.bars.latest { bars.append(bar) }
        }
        #expect(bars == history.bars)
        // The sell at 102.9 is under the second row's high of 103; the one at 103.1 is above every high.
        #expect(training.trainee.desk.costs.limitFills == 1 && training.trainee.recentTrades.contains { $0.price == 102.9 })

        let closes = try PriceHistory.parse(csv: "date,close\n2024-01-02,100\n2024-01-03,102\n2024-01-04,99\n", file: "c.csv")
        var plain = TrainingSession(scenario: closes.practiceScenario(name: "c"), seed: 1)
        plain.apply(.tick)
        #expect(plain.trainee.bars.latest == PriceBar(previousClose: 100, open: 100, high: 102, low: 100, close: 102))
        plain.apply(.tick)
        #expect(plain.trainee.bars.latest == PriceBar(previousClose: 102, open: 102, high: 102, low: 99, close: 99))
    }

    /// Replay re-derives the bars from the seed: the recorded plan (trades, limits, option
    /// orders, the ladder) replayed gives the live session's bars, bit for bit.
    @Test func replayGivesTheSameBars() throws {
        let (script, _, _) = try SessionReplayTests.record()
        var live = TrainingSession(scenario: SessionReplayTests.scenario, seed: 42, autoHedge: false)
        var liveBars: [PriceBar] = []
        while live.trainee.step < 480 {
            for action in SessionReplayTests.plan[live.trainee.step] ?? [] { live.apply(action) }
            live.apply(.tick)
            liveBars.append(try #require(live.trainee.bars.latest))
        }
        var replay = SessionReplay(script)
        var replayed: [PriceBar] = []
        while replayed.count < 480, !replay.advanceStep().isEmpty {
            replayed.append(try #require(replay.training.trainee.bars.latest))
        }
        #expect(replayed == liveBars)
    }

    private func meanAndError(_ values: [Double]) -> (mean: Double, error: Double) {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        return (mean, (variance / n).squareRoot())
    }
}
