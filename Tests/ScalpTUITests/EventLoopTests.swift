import XCTest
import ScalpEngine
import ScalpJournal
@testable import ScalpTUI

/// A clock the test moves.
final class FakeClock {
    var now = 0.0
}

/// A terminal that replays scripted events at given clock times and records what the loop
/// asked of it. Waiting advances the fake clock instead of sleeping.
final class ScriptedTerminal: TerminalBackend {
    var size: (width: Int, height: Int) = (120, 40)
    var script: [(time: Double, event: TerminalEvent)]
    let clock: FakeClock
    /// Gives up (as if SIGTERM came) past this time, so a broken loop cannot hang the test.
    let deadline: Double
    private(set) var presented = 0
    private(set) var invalidated = 0
    private(set) var waits: [(at: Double, timeout: Double)] = []
    private(set) var lastGrid: Grid?

    init(clock: FakeClock, script: [(Double, TerminalEvent)], deadline: Double = 3600) {
        self.clock = clock
        self.script = script.map { (time: $0.0, event: $0.1) }
        self.deadline = deadline
    }

    func nextEvent(timeout: Double) -> TerminalEvent? {
        waits.append((clock.now, timeout))
        if let next = script.first, next.time <= clock.now + timeout {
            clock.now = max(clock.now, next.time)
            script.removeFirst()
            return next.event
        }
        clock.now += timeout
        if clock.now > deadline { return .signal(.terminate) }
        return nil
    }

    func present(_ grid: Grid) {
        presented += 1
        lastGrid = grid
    }

    func invalidate() { invalidated += 1 }
}

final class EventLoopTests: XCTestCase {
    func run(speed: Double = 1, paused: Bool = false, script: [(Double, TerminalEvent)],
             journal: MemoryJournal? = nil) -> (EventLoop, ScriptedTerminal, LoopOutcome) {
        let clock = FakeClock()
        let terminal = ScriptedTerminal(clock: clock, script: script)
        let state = AppState(PlaySettings(scenario: .classicScalp, seed: 3, speed: speed, startPaused: paused))
        let loop = EventLoop(state: state, backend: terminal, journal: journal) { clock.now }
        let outcome = loop.run()
        return (loop, terminal, outcome)
    }

    static let quit: [(Double, TerminalEvent)] = [(10, .key(.character("q"))), (10.5, .key(.enter))]

    func testSimulatedTimeFollowsTheClockNotTheFrameRate() {
        let (loop, terminal, outcome) = run(script: Self.quit)
        XCTAssertEqual(outcome.endReason, .quit)
        // 10 steps per second for 10 seconds.
        XCTAssertEqual(loop.state.session.step, 100, accuracy: 1)
        // At 10 steps per second the loop wakes about once per step, not more.
        XCTAssertLessThan(terminal.waits.count, 160)
        XCTAssertEqual(loop.frames, terminal.presented)
    }

    func testHighSpeedRunsManyStepsPerFrameAtMostThirtyFrames() {
        let (loop, terminal, _) = run(speed: 64, script: Self.quit)
        XCTAssertEqual(loop.state.session.step, 6400, accuracy: 2)
        XCTAssertLessThanOrEqual(terminal.presented, 10 * 30 + 5)
        XCTAssertGreaterThan(terminal.presented, 10 * 25)
    }

    func testPausedTheLoopSleepsAndDrawsNothingNew() {
        let (loop, terminal, _) = run(paused: true, script: Self.quit)
        XCTAssertEqual(loop.state.session.step, 0)
        // The first frame, the summary and the last: nothing while paused.
        XCTAssertLessThanOrEqual(terminal.presented, 3)
        let pausedWaits = terminal.waits.filter { $0.at < 10 }
        XCTAssertLessThanOrEqual(pausedWaits.count, 21)
        XCTAssertTrue(pausedWaits.dropFirst().allSatisfy { $0.timeout >= 0.49 })
    }

    func testResumingDoesNotCatchUpThePausedTime() {
        let script: [(Double, TerminalEvent)] = [(5, .key(.character(" ")))] + Self.quit
        let (loop, _, _) = run(paused: true, script: script)
        XCTAssertEqual(loop.state.session.step, 50, accuracy: 1)
    }

    func testKeysBecomeActionsAndResizeRedraws() {
        let clock = FakeClock()
        let script: [(Double, TerminalEvent)] = [
            (0.1, .key(.character("h"))), (1, .resize), (2, .key(.ctrl("l"))), (3, .resumed),
        ] + Self.quit
        let terminal = ScriptedTerminal(clock: clock, script: script)
        let state = AppState(PlaySettings(scenario: .classicScalp, seed: 3, startPaused: true))
        let loop = EventLoop(state: state, backend: terminal, journal: nil) { clock.now }
        terminal.size = (80, 24)
        _ = loop.run()
        XCTAssertEqual(terminal.invalidated, 3)
        XCTAssertEqual(terminal.lastGrid?.width, 80)
        // h, then three forced redraws, then q and the summary: at least 5 frames while paused.
        XCTAssertGreaterThanOrEqual(terminal.presented, 5)
    }

    func testInterruptEndsLikeQuitAndASecondOneLeaves() {
        let script: [(Double, TerminalEvent)] = [(1, .signal(.interrupt)), (2, .signal(.interrupt))]
        let (loop, _, outcome) = run(script: script)
        XCTAssertEqual(outcome.endReason, .quit)
        XCTAssertNil(outcome.signal)
        XCTAssertTrue(loop.state.exitRequested)
        XCTAssertEqual(loop.state.session.step, 10, accuracy: 1)
    }

    func testTerminateEndsAtOnceAndJournalsTheEnd() {
        let journal = MemoryJournal()
        let script: [(Double, TerminalEvent)] = [(0.5, .key(.character("b"))), (2, .signal(.terminate))]
        let (_, _, outcome) = run(script: script, journal: journal)
        XCTAssertEqual(outcome.signal, .terminate)
        XCTAssertEqual(outcome.endReason, .terminated)
        guard case .start = journal.events.first, case .end(let end) = journal.events.last, end.reason == .terminated else {
            return XCTFail("journal: \(journal.events)")
        }
        XCTAssertEqual(end.summary.trades, 2)  // the lot bought, then closed out
        let trades = journal.events.filter { if case .trade = $0 { true } else { false } }
        XCTAssertEqual(trades.count, 2)
        XCTAssertGreaterThanOrEqual(journal.syncs, 2)  // after the buy, and at the end
    }

    func testAFailingJournalIsReportedAndTheSessionGoesOn() {
        final class FullDisk: JournalSink {
            var location: String { "/full" }
            func write(_ line: JournalLine) throws { throw CocoaLikeError() }
            func sync() throws {}
        }
        struct CocoaLikeError: Error, CustomStringConvertible { var description: String { "No space left on device" } }
        let clock = FakeClock()
        let terminal = ScriptedTerminal(clock: clock, script: Self.quit)
        let state = AppState(PlaySettings(scenario: .classicScalp, seed: 3))
        let loop = EventLoop(state: state, backend: terminal, journal: FullDisk()) { clock.now }
        _ = loop.run()
        XCTAssertEqual(loop.state.journalProblem, "journal stopped: No space left on device")
        XCTAssertEqual(loop.state.session.step, 100, accuracy: 1)
    }
}
