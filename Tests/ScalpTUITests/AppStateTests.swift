import XCTest
import ScalpEngine
import ScalpJournal
@testable import ScalpTUI

final class AppStateTests: XCTestCase {
    func makeState(seed: UInt64 = 7, autoHedge: Bool = false, paused: Bool = true) -> AppState {
        AppState(PlaySettings(scenario: .classicScalp, seed: seed, autoHedge: autoHedge, startPaused: paused))
    }

    func testStartsWithAStartEventAndTheScenariosSettings() {
        var state = makeState()
        XCTAssertEqual(state.title, "classic-scalp")
        XCTAssertTrue(state.paused)
        XCTAssertFalse(state.isRunning)
        XCTAssertEqual(state.stepsPerSecond, Scenario.classicScalp.stepsPerSecond)
        XCTAssertEqual(state.recorder.tickInterval, 12)  // one simulated hour of 5-minute steps
        let events = state.takeEvents()
        guard case .start(let start) = events.first else { return XCTFail("no start") }
        XCTAssertEqual(start.scenario.name, "classic-scalp")
        XCTAssertEqual(start.seed, 7)
        XCTAssertEqual(start.config.detail, .full)
        guard case .tick(let tick) = events.last else { return XCTFail("no first tick") }
        XCTAssertEqual(tick.step, 0)
        XCTAssertTrue(state.takeEvents().isEmpty)
    }

    /// The screen and the headless `session` command journal through the same recorder: a
    /// session the screen ran with the auto-hedger and no key writes the very lines the
    /// recorder writes driven straight from the engine, as `session` drives it.
    func testTheScreenJournalsAsTheHeadlessRecorderDoes() throws {
        var scenario = Scenario.classicScalp
        scenario.config.steps = 500
        var state = AppState(PlaySettings(scenario: scenario, seed: 5, autoHedge: true))
        while state.endReason == nil { state.advance(steps: 97) }
        let screen = state.takeEvents().map(\.text)

        var training = TrainingSession(scenario: scenario, seed: 5, autoHedge: true)
        var recorder = SessionRecorder(training, startedAt: nil)
        while !training.isFinished {
            training.apply(.tick)
            recorder.recordStep(training)
        }
        recorder.recordEnd(.atLastStep(of: training.trainee), training)
        let journal = MemoryJournal()
        try recorder.write(to: journal)
        XCTAssertEqual(screen, journal.events.map(\.text))
        XCTAssertEqual(journal.syncs, 1)
        XCTAssertTrue(screen.contains { $0.hasPrefix(#"{"type":"trade""#) })
        XCTAssertTrue(screen.last?.hasPrefix(#"{"type":"end""#) == true)
    }

    func testHedgeNowBringsNetDeltaWithinOneLot() {
        var state = makeState()
        state.advance(steps: 60)
        XCTAssertGreaterThan(abs(state.session.netDelta), 0)
        state.perform(.hedgeNow)
        XCTAssertLessThanOrEqual(abs(state.session.netDelta), state.session.lotSize / 2 + 1e-9)
    }

    func testUserActionsAreJournaledWithTheirStepAndTrades() {
        var state = makeState()
        _ = state.takeEvents()
        state.advance(steps: 5)
        state.perform(.buyLot)
        let events = state.takeEvents()
        guard case .action(let recorded, _) = events.first else { return XCTFail("\(events)") }
        XCTAssertEqual(recorded.step, 5)
        XCTAssertEqual(recorded.action, .buyLot)
        guard case .trade(let trade) = events.last else { return XCTFail("\(events)") }
        XCTAssertEqual(trade.quantity, 100)
        XCTAssertEqual(trade.reason, .manual)
        XCTAssertEqual(trade.step, 5)
    }

    func testTicksAreJournaledOncePerSimulatedHour() {
        var state = makeState()
        _ = state.takeEvents()
        state.advance(steps: 36)
        let ticks = state.takeEvents().compactMap { if case .tick(let tick) = $0 { tick.step } else { nil } }
        XCTAssertEqual(ticks, [12, 24, 36])
    }

    func testAutoHedgeToggleTradesAsTimePasses() {
        var state = makeState()
        state.perform(.toggleAutoHedge)
        XCTAssertTrue(state.session.autoHedge)
        state.advance(steps: 400)
        XCTAssertGreaterThan(state.session.autoTradeCount, 0)
        let events = state.takeEvents()
        XCTAssertTrue(events.contains { if case .action(let recorded, _) = $0 { recorded.action == .setAutoHedge(true) } else { false } })
        XCTAssertTrue(events.contains { if case .trade(let trade) = $0 { trade.reason == .auto } else { false } })
    }

    func testStartingWithAutoHedgeHedgesAtTimeZero() {
        var state = makeState(autoHedge: true)
        XCTAssertTrue(state.session.autoHedge)
        XCTAssertEqual(state.session.tradeCount, 1)
        XCTAssertTrue(state.takeEvents().contains { if case .trade(let trade) = $0 { trade.step == 0 } else { false } })
    }

    func testLotLadderAndPolicyCycle() {
        var state = makeState()
        XCTAssertEqual(state.session.lotSize, 100)
        state.perform(.lotUp)
        XCTAssertEqual(state.session.lotSize, 200)
        state.perform(.lotDown)
        state.perform(.lotDown)
        XCTAssertEqual(state.session.lotSize, 50)
        for _ in 0..<10 { state.perform(.lotDown) }
        XCTAssertEqual(state.session.lotSize, 1)
        XCTAssertEqual(state.policyCycle.map(\.description),
                       ["band:100", "every:1", "every:12", "band:300", "move:0.005", "ww:0.001", "ladder:0.005"])
        var seen: [String] = []
        for _ in 0..<state.policyCycle.count {
            state.perform(.nextPolicy)
            seen.append(state.session.hedgeRule.description)
        }
        XCTAssertEqual(seen, ["every:1", "every:12", "band:300", "move:0.005", "ww:0.001", "ladder:0.005", "band:100"])
    }

    func testPauseStepAndSpeed() {
        var state = makeState(paused: false)
        XCTAssertTrue(state.isRunning)
        state.perform(.stepOnce)  // while running: pauses first
        XCTAssertTrue(state.paused)
        XCTAssertEqual(state.session.step, 0)
        state.perform(.stepOnce)
        XCTAssertEqual(state.session.step, 1)
        state.perform(.faster)
        state.perform(.faster)
        XCTAssertEqual(state.speed, 4)
        for _ in 0..<20 { state.perform(.faster) }
        XCTAssertEqual(state.speed, AppState.maximumSpeed)
        for _ in 0..<40 { state.perform(.slower) }
        XCTAssertEqual(state.speed, AppState.minimumSpeed)
        let controls = state.takeEvents().compactMap { if case .control(_, _, let event) = $0 { event } else { nil } }
        XCTAssertEqual(controls.first, .pause)
        XCTAssertEqual(controls[1], .speed(20))
    }

    func testQuitClosesOutShowsTheSummaryAndTheNextKeyExits() {
        var state = makeState()
        state.advance(steps: 30)
        state.perform(.sellLot)
        _ = state.takeEvents()
        state.handle(.character("q"))
        XCTAssertEqual(state.endReason, .quit)
        XCTAssertTrue(state.session.isFinished)
        XCTAssertEqual(state.session.stockShares, 0)
        XCTAssertFalse(state.exitRequested)
        let events = state.takeEvents()
        XCTAssertTrue(events.contains { if case .action(let recorded, _) = $0 { recorded.action == .finish } else { false } })
        XCTAssertTrue(events.contains { if case .trade(let trade) = $0 { trade.reason == .closeOut } else { false } })
        guard case .end(let end) = events.last, end.reason == .quit else { return XCTFail("\(events)") }
        let summary = end.summary
        XCTAssertEqual(end.step, 30)
        XCTAssertEqual(summary.trades, 2)
        XCTAssertEqual(summary.manualTrades, 1)
        XCTAssertEqual(summary.closeOutTrades, 1)
        XCTAssertEqual(summary.pnl, state.session.pnl)
        state.advance(steps: 10)  // ended: time stands still
        XCTAssertEqual(state.session.step, 30)
        state.handle(.character("h"))  // a trading key never closes the summary
        XCTAssertFalse(state.exitRequested)
        state.handle(.enter)
        XCTAssertTrue(state.exitRequested)
    }

    func testTheSessionEndsAtExpiry() {
        var state = makeState()
        let steps = state.session.config.steps
        state.advance(steps: steps + 10)
        XCTAssertEqual(state.endReason, .expired)
        XCTAssertEqual(state.session.step, steps)
        guard case .end(let end) = state.takeEvents().last, end.reason == .expired else { return XCTFail("no end") }
    }

    func testHistoryIsBounded() {
        var state = AppState(PlaySettings(scenario: .classicScalp, seed: 1, startPaused: true), historyCapacity: 50)
        state.advance(steps: 200)
        XCTAssertEqual(state.history.count, 50)
        XCTAssertEqual(state.history.steps.last, 200)
        XCTAssertEqual(state.history.steps.first, 151)
    }

    func testEveryVisibleChangeBumpsTheRevision() {
        var state = makeState()
        var revision = state.revision
        for command: Command in [.togglePause, .toggleHelp, .hedgeNow, .faster] {
            state.perform(command)
            XCTAssertGreaterThan(state.revision, revision, "\(command)")
            revision = state.revision
        }
        state.advance(steps: 1)
        XCTAssertGreaterThan(state.revision, revision)
    }

    /// In a class the seed is the answer key and the speed the instructor's: the snapshot
    /// hides the seed (naming the class instead) until the session ends, and `+`/`-` leave
    /// the speed alone and say so.
    func testAClassHidesTheSeedAndKeepsTheInstructorsSpeed() {
        var settings = PlaySettings(scenario: .classicScalp, seed: 5, speed: 2, startPaused: true)
        settings.className = "desk-101"
        var state = AppState(settings)
        var snapshot = ScreenSnapshot(state)
        XCTAssertNil(snapshot.seed)
        XCTAssertEqual(snapshot.className, "desk-101")
        state.handle(.character("+"))
        state.handle(.character("-"))
        XCTAssertEqual(state.speed, 2)
        XCTAssertTrue(ScreenSnapshot(state).speedIsLocked)
        state.handle(.character("h"))
        XCTAssertFalse(ScreenSnapshot(state).speedIsLocked, "said until the next key")
        state.perform(.quit)
        snapshot = ScreenSnapshot(state)
        XCTAssertEqual(snapshot.seed, 5, "shown once the session has ended")
        // Outside a class the keys change the speed and the seed is on the header.
        var solo = makeState()
        XCTAssertEqual(ScreenSnapshot(solo).seed, 7)
        solo.handle(.character("+"))
        XCTAssertEqual(solo.speed, 2)
    }
}
