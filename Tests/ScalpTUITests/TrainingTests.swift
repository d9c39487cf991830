import Foundation
import XCTest
import ScalpEngine
import ScalpJournal
import ScalpFormat
@testable import ScalpTUI

/// The training features on the live screen: the benchmark beside the trainee, the risk
/// limits, the intro, the option ticket, scheduled events and price-file labels.
final class TrainingTests: XCTestCase {
    static func scenario(netDeltaLimit: Double? = nil, loss: Double? = nil) -> Scenario {
        var scenario = Scenario.classicScalp
        scenario.riskLimits = RiskLimits(netDelta: netDeltaLimit, loss: loss)
        return scenario
    }

    static func state(_ scenario: Scenario = .classicScalp, seed: UInt64 = 11, intro: Bool = false,
                      paused: Bool = true) -> AppState {
        var settings = PlaySettings(scenario: scenario, seed: seed, startPaused: paused)
        settings.showIntro = intro
        return AppState(settings)
    }

    func limitEvents(_ events: [JournalLine]) -> [LimitEvent] {
        events.compactMap { if case .limit(let limit) = $0 { limit } else { nil } }
    }

    /// The style of the first cell of `text` on the grid, or nil when it is not there.
    func style(of text: String, in grid: Grid) -> Style? {
        for y in 0..<grid.height {
            let line = grid.line(y)
            guard let range = line.range(of: text) else { continue }
            let x = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound)
            return grid[x, y].style
        }
        return nil
    }

    // MARK: - Benchmark

    func testTheBenchmarkRunsBesideTheTraineeOnTheSamePath() {
        var state = Self.state()
        state.advance(steps: 120)
        XCTAssertEqual(state.benchmark.step, state.session.step)
        XCTAssertEqual(state.benchmark.spot, state.session.spot)
        XCTAssertEqual(state.benchmark.hedgeRule, Scenario.classicScalp.benchmarkRule)
        XCTAssertGreaterThan(state.benchmark.tradeCount, 5, "the benchmark hedges every step (to the lot)")
        XCTAssertEqual(state.session.tradeCount, 0, "the trainee has not traded")
        XCTAssertEqual(state.pnlGap, state.session.pnl - state.benchmark.pnl, accuracy: 1e-9)
    }

    func testThePnLPanelShowsBothPnLsAndTheGapColoredBySign() {
        var state = Self.state()
        state.advance(steps: 300)
        for (width, height, valueWidth) in [(120, 40, 11), (100, 30, 11), (80, 24, 7)] {
            let grid = Dashboard.render(state, width: width, height: height)
            let text = grid.text
            XCTAssertTrue(text.contains("bench every:1"), "\(width)x\(height): no benchmark rule")
            for value in [state.session.pnl, state.benchmark.pnl, state.pnlGap] {
                let shown = Format.fit(value, width: valueWidth, sign: true)
                XCTAssertTrue(text.contains(shown), "\(width)x\(height): \(shown) not shown")
            }
            let gap = Format.fit(state.pnlGap, width: valueWidth, sign: true)
            XCTAssertEqual(style(of: gap, in: grid)?.foreground, state.pnlGap < 0 ? .loss : .profit)
        }
    }

    // MARK: - Risk limits

    func testTheNetDeltaLimitWarnsNearAndOverIt() throws {
        // Unhedged, the straddles start about 80 shares long.
        let opening = Self.state().session.netDelta
        XCTAssertGreaterThan(opening, 50)

        var over = Self.state(Self.scenario(netDeltaLimit: opening / 1.2))
        XCTAssertTrue(over.deltaLimitStatus.isOver)
        var grid = Dashboard.render(over, width: 120, height: 40)
        XCTAssertTrue(grid.text.contains("OVER LIMIT"), grid.text)
        XCTAssertEqual(style(of: "OVER LIMIT", in: grid)?.foreground, .loss)
        XCTAssertEqual(style(of: "+\(Int(opening.rounded())) sh", in: grid)?.foreground, .loss, "the net delta itself")
        // The compact panel at 80x24 says it too.
        XCTAssertTrue(Dashboard.render(over, width: 80, height: 24).text.contains("OVER LIMIT"))

        let near = Self.state(Self.scenario(netDeltaLimit: opening / 0.9))
        XCTAssertTrue(near.deltaLimitStatus.isNear)
        grid = Dashboard.render(near, width: 120, height: 40)
        XCTAssertFalse(grid.text.contains("OVER LIMIT"))
        XCTAssertTrue(grid.text.contains("90% of limit"), grid.text)
        XCTAssertEqual(style(of: "90% of limit", in: grid)?.foreground, .warning)

        let far = Self.state(Self.scenario(netDeltaLimit: opening * 10))
        XCTAssertEqual(far.deltaLimitStatus, .within(usage: opening / (opening * 10)))
        XCTAssertEqual(Self.state().deltaLimitStatus, .within(usage: Self.state().session.netDelta / 1500))

        over.perform(.hedgeNow)
        XCTAssertFalse(over.deltaLimitStatus.isOver)
        XCTAssertFalse(Dashboard.render(over, width: 120, height: 40).text.contains("OVER LIMIT"))
    }

    func testBreachesAndClearsAreJournaled() throws {
        var state = Self.state(Self.scenario(netDeltaLimit: 50))
        // Over from the start: a breach at step 0.
        var limits = limitEvents(state.takeEvents())
        XCTAssertEqual(limits.count, 1)
        var first = try XCTUnwrap(limits.first)
        XCTAssertEqual(first.limit, .netDelta)
        XCTAssertEqual(first.change, .breach)
        XCTAssertEqual(first.step, 0)
        XCTAssertEqual(first.maximum, 50)
        XCTAssertEqual(first.value, state.session.netDelta, accuracy: 1e-9)
        // Hedging ends it.
        state.perform(.hedgeNow)
        limits = limitEvents(state.takeEvents())
        first = try XCTUnwrap(limits.first)
        XCTAssertEqual(limits.map(\.change), [.clear])
        XCTAssertLessThanOrEqual(abs(first.value), 50)
        // As the price moves, the delta runs over again, and every line alternates.
        state.advance(steps: 600)
        limits = limitEvents(state.takeEvents())
        XCTAssertFalse(limits.isEmpty)
        XCTAssertEqual(limits.first?.change, .breach)
        for (a, b) in zip(limits, limits.dropFirst()) { XCTAssertNotEqual(a.change, b.change) }
        XCTAssertEqual(state.training.deltaLimitBreaches, 1 + limits.filter { $0.change == .breach }.count)
    }

    func testTheLossLimitWarnsBesideThePnL() throws {
        var state = Self.state(Self.scenario(loss: 1.6))
        state.perform(.buyLot)  // pays the costs: a loss of 1.50, 94% of the limit
        XCTAssertEqual(state.session.pnl, -1.5, accuracy: 1e-9)
        XCTAssertTrue(state.lossLimitStatus.isNear)
        var grid = Dashboard.render(state, width: 120, height: 40)
        XCTAssertTrue(grid.text.contains("loss at 94% of limit"), grid.text)
        XCTAssertEqual(style(of: "you", in: grid)?.foreground, .warning)
        XCTAssertTrue(limitEvents(state.takeEvents()).isEmpty)
        state.perform(.sellLot)  // another 1.50: over
        XCTAssertTrue(state.lossLimitStatus.isOver)
        grid = Dashboard.render(state, width: 80, height: 24)
        XCTAssertTrue(grid.text.contains("OVER LOSS LIMIT"), grid.text)
        XCTAssertEqual(style(of: "you", in: grid)?.foreground, .loss)
        let breach = try XCTUnwrap(limitEvents(state.takeEvents()).first)
        XCTAssertEqual(breach.limit, .loss)
        XCTAssertEqual(breach.change, .breach)
        XCTAssertEqual(breach.value, 3, accuracy: 1e-9)
        XCTAssertEqual(breach.maximum, 1.6)
        XCTAssertEqual(RiskLimits(netDelta: 100).netDeltaStatus(-85), .near(usage: 0.85))
        XCTAssertEqual(RiskLimits(netDelta: 100).netDeltaStatus(101), .over(usage: 1.01))
        XCTAssertEqual(RiskLimits(loss: 0).lossStatus(pnl: -1), .over(usage: 2))
        XCTAssertEqual(RiskLimits().netDeltaStatus(1e9), .none)
    }

    // MARK: - Summary and score

    func testTheEndCarriesTheScore() throws {
        var state = Self.state(seed: 3)
        state.advance(steps: 200)
        state.perform(.hedgeNow)
        state.advance(steps: 100)
        _ = state.takeEvents()
        state.perform(.quit)
        guard case .end(let end) = state.takeEvents().last else { return XCTFail("no end") }
        let summary = end.summary
        let score = try XCTUnwrap(summary.score)
        XCTAssertEqual(summary.benchmarkRule, Scenario.classicScalp.benchmarkRule)
        XCTAssertEqual(score, state.training.grade)
        XCTAssertTrue((0...100).contains(score.points))
        XCTAssertFalse(score.verdict.isEmpty)
        XCTAssertEqual(score.traineePnL, summary.pnl)
        XCTAssertTrue(summary.lines().contains { $0.hasPrefix("score \(Int(score.points))/100") }, "\(summary.lines())")
        XCTAssertTrue(summary.lines().contains { $0.hasPrefix("parts: market ") }, "\(summary.lines())")
        let grid = Dashboard.render(state, width: 100, height: 30)
        for text in ["Score \(Int(score.points)) / 100", "benchmark", "Hedging error / step", "Costs paid",
                     "Time over delta limit", "Press Enter, Esc or q to close."] {
            XCTAssertTrue(grid.text.contains(text), "summary lacks \(text):\n\(grid.text)")
        }
    }

    // MARK: - Intro

    func testTheIntroHoldsTimeUntilAKey() {
        var state = Self.state(intro: true, paused: false)
        XCTAssertTrue(state.trainingState.showIntro)
        XCTAssertFalse(state.isRunning)
        let grid = Dashboard.render(state, width: 80, height: 24)
        XCTAssertTrue(grid.text.contains("Long 10 ATM straddles"), grid.text)
        XCTAssertTrue(grid.text.contains("Goal"))
        XCTAssertTrue(grid.text.contains("Press any key to start."))
        state.handle(.character("h"))  // only closes the intro
        XCTAssertFalse(state.trainingState.showIntro)
        XCTAssertTrue(state.isRunning)
        XCTAssertEqual(state.session.tradeCount, 0)

        var help = Self.state(intro: true)
        help.handle(.character("?"))
        XCTAssertFalse(help.trainingState.showIntro)
        XCTAssertTrue(help.showHelp)

        var quit = Self.state(intro: true)
        quit.handle(.character("q"))
        XCTAssertEqual(quit.endReason, .quit)

        // Replays never show it.
        XCTAssertFalse(Self.state(intro: false).trainingState.showIntro)
    }

    // MARK: - Option ticket

    func testTicketDefaultsAndKeysMakeTheOrders() throws {
        let session = Self.state().session
        var ticket = OptionTicket(session: session)
        XCTAssertEqual(ticket.side, .buy)
        XCTAssertEqual(ticket.kind, .call)
        XCTAssertEqual(ticket.strike, 100)
        XCTAssertEqual(ticket.strikeStep, 1)
        XCTAssertEqual(ticket.multiplier, 100)
        XCTAssertEqual(ticket.expiry, session.book.nextExpiry)
        XCTAssertEqual(ticket.expiryDays, 30, accuracy: 1e-9)
        XCTAssertEqual(ticket.orders(), [OptionOrder(kind: .call, strike: 100, expiry: 30.0 / 365, quantity: 1, multiplier: 100)])

        func press(_ keys: Key...) -> OptionTicket.Outcome {
            var outcome = OptionTicket.Outcome.editing
            for key in keys { outcome = ticket.handle(key) }
            return outcome
        }
        XCTAssertEqual(press(.right), .editing)  // sell
        XCTAssertEqual(ticket.side, .sell)
        _ = press(.character("\t"), .right, .right)  // kind: put, straddle
        XCTAssertEqual(ticket.kind, .straddle)
        _ = press(.down, .right, .right)  // strike 102
        XCTAssertEqual(ticket.strike, 102)
        _ = press(.left, .character("9"), .character("7"), .character("."), .character("5"))
        XCTAssertEqual(ticket.text(for: .strike), "97.5")
        _ = press(.down)
        XCTAssertEqual(ticket.strike, 97.5)
        _ = press(.character("7"))
        XCTAssertEqual(ticket.expiry, 30.0 / 365, "typing is taken only on leaving the field")
        _ = press(.down, .character("5"), .backspace, .character("4"))
        XCTAssertEqual(ticket.expiryDays, 7)
        XCTAssertNil(ticket.bookExpiry)
        XCTAssertEqual(press(.enter), .submit)
        XCTAssertEqual(ticket.quantity, 4)
        let expiry = 7.0 / 365
        XCTAssertEqual(ticket.orders(), [
            OptionOrder(kind: .call, strike: 97.5, expiry: expiry, quantity: -4, multiplier: 100),
            OptionOrder(kind: .put, strike: 97.5, expiry: expiry, quantity: -4, multiplier: 100),
        ])
        // Shift-Tab and ↑ go back; Esc cancels.
        _ = press(.up, .other(OptionTicket.backTabKeyCode))
        XCTAssertEqual(ticket.focus, .strike)
        XCTAssertEqual(press(.escape), .cancel)
    }

    func testABadNumberKeepsTheTicketOpenWithAReason() {
        var ticket = OptionTicket(session: Self.state().session)
        ticket.focus = .quantity
        _ = ticket.handle(.character("0"))
        XCTAssertEqual(ticket.handle(.enter), .editing)
        XCTAssertEqual(ticket.problem, "'0' is not a positive number")
        XCTAssertEqual(ticket.quantity, 1)
        _ = ticket.handle(.left)  // never below one contract
        XCTAssertEqual(ticket.quantity, 1)
        XCTAssertEqual(ticket.handle(.enter), .submit)
    }

    func testStrikeGrid() {
        XCTAssertEqual(OptionTicket.strikeStep(forSpot: 100), 1)
        XCTAssertEqual(OptionTicket.strikeStep(forSpot: 99.5), 1)
        XCTAssertEqual(OptionTicket.strikeStep(forSpot: 40), 0.5)
        XCTAssertEqual(OptionTicket.strikeStep(forSpot: 480), 5)
        XCTAssertEqual(OptionTicket.strikeStep(forSpot: 2500), 25)
    }

    func testTheTicketTradesThroughTheTrainingSessionAtItsQuote() throws {
        var state = Self.state(paused: false)
        state.advance(steps: 50)
        _ = state.takeEvents()
        state.handle(.character("o"))
        let ticket = try XCTUnwrap(state.trainingState.ticket)
        XCTAssertFalse(state.isRunning, "time stands still while the ticket is open")
        XCTAssertTrue(Dashboard.render(state, width: 80, height: 24).text.contains("Option ticket"))
        let quote = ticket.quote(state.session)
        let cashBefore = state.session.cash
        let positions = state.session.book.positions.count
        state.handle(.enter)
        XCTAssertNil(state.trainingState.ticket)
        XCTAssertTrue(state.isRunning)
        XCTAssertEqual(state.session.book.positions.count, positions + 1)
        XCTAssertEqual(state.benchmark.book.positions.count, positions + 1, "the benchmark takes the same option trades")
        XCTAssertEqual(cashBefore - state.session.cash, quote.premium, accuracy: 1e-6)
        XCTAssertEqual(-state.session.attribution.costs, quote.spreadCost, accuracy: 1e-9)
        let events = state.takeEvents()
        XCTAssertTrue(events.contains { if case .action(let recorded, _) = $0, recorded.step == 50, case .tradeOption(let order) = recorded.action { order.quantity == 1 } else { false } })
        XCTAssertEqual(state.trainingState.fills.count, 1)
        let grid = Dashboard.render(state, width: 120, height: 40)
        XCTAssertTrue(grid.text.contains(ticket.shortDescription + " @ " + Format.number(quote.fillPrice, 2)), grid.text)
        XCTAssertEqual(ticket.shortDescription, "bought 1 C100 30d")
        XCTAssertTrue(grid.text.contains("Trades ") && grid.text.contains(" 0 · 1 opt "), grid.text)
        XCTAssertTrue(grid.text.contains("+1  call"), "the book shows the new call")
    }

    func testTheBlotterMergesOptionAndStockTradesInOrder() throws {
        var state = Self.state()
        state.perform(.buyLot)
        state.handle(.character("o"))
        state.handle(.enter)
        state.advance(steps: 1)
        state.perform(.sellLot)
        let blotter = ScreenSnapshot(state).blotter
        let rows = blotter.newest(10)
        let kinds = rows.map { if case .stock(let trade) = $0 { trade.quantity > 0 ? "buy" : "sell" } else { "option" } }
        XCTAssertEqual(kinds, ["sell", "option", "buy"])
        XCTAssertEqual(blotter.newest(2).count, 2)
    }

    /// The journal's actions replay to the same numbers, option trades included.
    func testALiveSessionWithOptionTradesReplaysExactly() throws {
        var state = Self.state()
        var recorded: [RecordedAction] = []
        func collect() {
            for event in state.takeEvents() {
                if case .action(let action, _) = event { recorded.append(action) }
            }
        }
        state.advance(steps: 40)
        state.handle(.character("o"))
        for key: Key in [.right, .down, .right, .right, .down, .right, .enter] { state.handle(key) }  // sell a 101 straddle
        state.advance(steps: 30)
        state.perform(.hedgeNow)
        state.perform(.toggleAutoHedge)
        state.advance(steps: 100)
        state.perform(.quit)
        collect()
        XCTAssertEqual(state.session.optionTradeCount, 2)
        let script = try ReplayScript(scenario: state.scenario, seed: state.seed, autoHedge: false, actions: recorded,
                                      ending: .finished(step: state.session.step))
        var replay = SessionReplay(script)
        replay.runToEnd()
        XCTAssertEqual(replay.training.trainee.pnl, state.session.pnl)
        XCTAssertEqual(replay.training.benchmark.pnl, state.benchmark.pnl)
        XCTAssertEqual(replay.training.grade, state.score)
    }

    // MARK: - Events and price labels

    func testAScheduledEventShowsForAWhile() throws {
        let scenario = try XCTUnwrap(Scenario.named("vol-crush"))
        var state = Self.state(scenario)
        let event = try XCTUnwrap(scenario.events.events.first)
        XCTAssertEqual(AppState.describe(event), "earnings: -5.8% vs ±8.0% priced")
        XCTAssertEqual(AppState.describe(ScheduledEvent(time: 1, logPriceJump: -0.06, impliedVolChange: -0.3, label: "earnings")),
                       "earnings: -5.8%, IV -30 pts")
        let stepsToEvent = Int((event.time / scenario.config.timeStep).rounded(.up))
        state.advance(steps: stepsToEvent - 1)
        XCTAssertNil(state.recentEvent)
        state.advance(steps: 1)
        XCTAssertEqual(state.recentEvent, event)
        for (width, height) in [(120, 40), (100, 30)] {
            XCTAssertTrue(Dashboard.render(state, width: width, height: height).text.contains("earnings: -5.8% vs ±8.0% priced"))
        }
        XCTAssertTrue(Dashboard.render(state, width: 80, height: 24).text.contains("earnings"))
        // Five seconds of play later it is gone.
        state.advance(steps: Int(state.stepsPerSecond * AppState.eventNewsSeconds) + 1)
        XCTAssertNil(state.recentEvent)
        XCTAssertFalse(Dashboard.render(state, width: 120, height: 40).text.contains("earnings"))
    }

    func testPriceLabelsReplaceTheClock() {
        var settings = PlaySettings(scenario: .classicScalp, seed: 1, startPaused: true)
        settings.priceLabels = (0...Scenario.classicScalp.config.steps).map { "2024-01-01 \($0)" }
        var state = AppState(settings)
        state.advance(steps: 3)
        XCTAssertEqual(state.timeLabel(step: 3), "2024-01-01 3")
        XCTAssertEqual(state.timeLabel(step: 99_999), "2024-01-01 \(Scenario.classicScalp.config.steps)")
        XCTAssertTrue(Dashboard.render(state, width: 120, height: 40).text.contains("│ 2024-01-01 3 │"))
        XCTAssertEqual(AppState.shortLabel("2024-03-15"), "24-03-15")
        XCTAssertEqual(AppState.shortLabel("2024-03-15 10:30"), "15 10:30")
        XCTAssertEqual(AppState.shortLabel("2024-03-15T10:30:00"), "15 10:30")
        XCTAssertEqual(Self.state().timeLabel(step: 12), "day 1 01:00")
    }

    func testWrap() {
        XCTAssertEqual(TextLayout.wrap("one two three four", width: 9), ["one two", "three", "four"])
        XCTAssertEqual(TextLayout.wrap("abcdefghij", width: 4), ["abcd", "efgh", "ij"])
        XCTAssertEqual(TextLayout.wrap("", width: 4), [])
    }
}

/// Golden snapshots of the training overlays (GAMMASCALP_RECORD=1 rewrites them).
final class TrainingSnapshotTests: XCTestCase {
    func testIntro() throws {
        let state = TrainingTests.state(intro: true, paused: false)
        for (width, height) in [(120, 40), (100, 30), (80, 24)] {
            try assertGolden(Dashboard.render(state, width: width, height: height), "intro-\(width)x\(height)")
        }
    }

    func testTicket() throws {
        var state = SnapshotTests.session()
        state.handle(.character("o"))
        for key: Key in [.down, .right, .right, .down, .left] { state.handle(key) }  // a straddle at 100
        for (width, height) in [(120, 40), (100, 30), (80, 24)] {
            try assertGolden(Dashboard.render(state, width: width, height: height), "ticket-\(width)x\(height)")
        }
    }

    func testLimitWarning() throws {
        var state = TrainingTests.state(TrainingTests.scenario(netDeltaLimit: 30, loss: 20))
        state.advance(steps: 60)
        try assertGolden(Dashboard.render(state, width: 100, height: 30), "limits-100x30")
    }
}
