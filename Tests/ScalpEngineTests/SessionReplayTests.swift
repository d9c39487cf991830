import Foundation
import Testing
@testable import ScalpEngine

/// Replay re-runs a recorded training session exactly: the same scenario, seed and actions at
/// the same steps give the same trades and P&L, bit for bit.
@Suite("SessionReplay: recorded sessions re-run exactly")
struct SessionReplayTests {
    /// A short classic-scalp: 600 five-minute steps.
    static let scenario: Scenario = {
        var scenario = Scenario.classicScalp
        scenario.config.steps = 600
        return scenario
    }()

    /// What a trainee did, by step: every kind of action the screen can send.
    static let plan: [Int: [SessionAction]] = [
        0: [.setLotSize(10)],
        25: [.hedgeNow],
        60: [.buyLot, .buyLot],
        90: [.sellLot, .trade(shares: -37.5), .placeLimit(shares: 100, price: 99.8), .placeLimit(shares: -100, price: 100.2)],
        130: [.cancelOrders],
        140: [.setAutoHedge(true)],
        220: [.setHedgeRule(.band(DeltaBandHedge(halfWidth: 300, target: .neutral)))],
        300: [.tradeOption(OptionOrder(kind: .put, strike: 95, expiry: 0.05, quantity: -5, multiplier: 100))],
        350: [.toggleAutoHedge, .setLotSize(100), .setHedgeRule(.ladder(LadderHedge(step: 0.002)))],
        420: [.hedgeNow],
    ]

    /// Plays `plan` live on a training session, as the screen does, to `end` (finishing there
    /// when `finish`): the actions after reaching a step, then the next tick. Returns the
    /// recorded script and the live session.
    static func record(autoHedge: Bool = false, end: Int = 480, finish: Bool = true,
                       plan: [Int: [SessionAction]] = plan) throws -> (ReplayScript, TrainingSession, [Trade]) {
        var live = TrainingSession(scenario: scenario, seed: 42, autoHedge: autoHedge)
        var trades = Array(live.trainee.recentTrades)
        var actions: [RecordedAction] = []
        func apply(_ action: SessionAction) {
            live.apply(action)
            let new = live.trainee.tradeCount - trades.count
            trades.append(contentsOf: live.trainee.recentTrades.suffix(new))
        }
        while live.trainee.step <= end, !live.isFinished {
            let step = live.trainee.step
            for action in plan[step] ?? [] {
                apply(action)
                actions.append(RecordedAction(step: step, action: action))
            }
            if step == end {
                if finish {
                    apply(.finish)
                    actions.append(RecordedAction(step: step, action: .finish))
                }
                break
            }
            apply(.tick)
        }
        let ending: ReplayEnding = live.isFinished ? .finished(step: live.trainee.step) : .truncated(step: end)
        let script = try ReplayScript(scenario: scenario, seed: 42, autoHedge: autoHedge, actions: actions, ending: ending)
        return (script, live, trades)
    }

    @Test func replayReproducesTheLiveSessionBitForBit() throws {
        let (script, live, liveTrades) = try Self.record()
        var replay = SessionReplay(script)
        replay.runToEnd()
        #expect(replay.isComplete && replay.training.isFinished)
        #expect(replay.step == 480 && replay.actionsApplied == script.actions.count)
        #expect(Set(liveTrades.map(\.reason)) == [.manual, .auto, .closeOut], "the plan trades by hand, by auto-hedge and closes out")
        #expect(replay.trades == liveTrades)
        #expect(replay.training.trainee.pnl == live.trainee.pnl)
        #expect(replay.training.trainee.attribution == live.trainee.attribution)
        #expect(replay.training.benchmark.pnl == live.benchmark.pnl)
        #expect(replay.training.grade == live.grade)
        #expect(replay.trades.last?.reason == .closeOut)
    }

    @Test func twoReplaysAndEveryWayOfSteppingAgree() throws {
        let (script, _, _) = try Self.record()
        var byEvent = SessionReplay(script)
        byEvent.runToEnd()
        var byStep = SessionReplay(script)
        var steps = 0
        while !byStep.advanceStep().isEmpty { steps += 1 }
        #expect(steps == 481, "480 ticks and the finish")
        #expect(byStep.trades == byEvent.trades)
        #expect(byStep.training.trainee.pnl == byEvent.training.trainee.pnl)
        #expect(byStep.training.grade == byEvent.training.grade)
    }

    @Test func eventsComeInRecordedOrderWithTheirTrades() throws {
        let (script, _, _) = try Self.record()
        var replay = SessionReplay(script)
        var applied: [RecordedAction] = []
        var tradesSeen = replay.trades.count
        while let event = replay.next() {
            if case .action(let recorded) = event.kind {
                applied.append(recorded)
                #expect(event.step == recorded.step, "an action applies at its own step")
            }
            #expect(event.trades.lowerBound == tradesSeen)
            tradesSeen = event.trades.upperBound
            #expect(replay.trades[event.trades].allSatisfy { $0.step == event.step })
        }
        #expect(applied == script.actions)
        #expect(tradesSeen == replay.trades.count)
    }

    @Test func theStartingAutoHedgeHedgesAtTimeZero() throws {
        let (script, live, liveTrades) = try Self.record(autoHedge: true, plan: [:])
        let replay = SessionReplay(script)
        #expect(replay.trades.first?.step == 0 && replay.trades.first?.reason == .auto)
        var full = replay
        full.runToEnd()
        #expect(full.trades == liveTrades && full.training.trainee.pnl == live.trainee.pnl)
    }

    @Test func aTruncatedRecordingStopsOpenAtItsLastStep() throws {
        let (script, live, liveTrades) = try Self.record(end: 333, finish: false)
        #expect(script.ending == .truncated(step: 333))
        var replay = SessionReplay(script)
        replay.runToEnd()
        #expect(replay.step == 333 && !replay.training.isFinished)
        #expect(replay.trades == liveTrades && replay.training.trainee.pnl == live.trainee.pnl)
        #expect(replay.training.trainee.stockShares != 0, "nothing was closed out")
    }

    @Test func anEndWithoutAFinishActionClosesOutThere() throws {
        var (script, _, _) = try Self.record(end: 200, finish: false)
        script = try ReplayScript(scenario: script.scenario, seed: script.seed, autoHedge: false,
                                  actions: script.actions, ending: .finished(step: 200))
        var replay = SessionReplay(script)
        replay.runToEnd()
        #expect(replay.training.isFinished && replay.step == 200)
        #expect(replay.training.trainee.stockShares == 0 && replay.trades.last?.reason == .closeOut)
    }

    @Test func aSessionThatExpiresEndsOnItsOwn() throws {
        let (script, live, liveTrades) = try Self.record(end: 600, finish: false, plan: [5: [.setAutoHedge(true)]])
        #expect(script.ending == .finished(step: 600) && live.isFinished)
        var replay = SessionReplay(script)
        replay.runToEnd()
        #expect(replay.training.isFinished && replay.trades == liveTrades)
        #expect(replay.training.trainee.pnl == live.trainee.pnl)
    }

    @Test func actionsOutOfOrderOrPastTheEndAreRefused() {
        let scenario = Self.scenario
        #expect(throws: ReplayScriptError(actionIndex: 1, message: "action at step 4 comes after one at step 9")) {
            try ReplayScript(scenario: scenario, seed: 1, autoHedge: false,
                             actions: [RecordedAction(step: 9, action: .hedgeNow), RecordedAction(step: 4, action: .buyLot)],
                             ending: .finished(step: 20))
        }
        #expect(throws: ReplayScriptError(actionIndex: 0, message: "action at step 30 is after the recording's end at step 20")) {
            try ReplayScript(scenario: scenario, seed: 1, autoHedge: false,
                             actions: [RecordedAction(step: 30, action: .hedgeNow)], ending: .truncated(step: 20))
        }
        #expect(throws: ReplayScriptError.self) {
            try ReplayScript(scenario: scenario, seed: 1, autoHedge: false, actions: [], ending: .finished(step: 601))
        }
    }

    /// A replay extended piece by piece, as a followed journal grows, plays the same session
    /// as one given the whole script at once.
    @Test func anExtendedReplayPlaysTheWholeScriptsSession() throws {
        let actions = [RecordedAction(step: 0, action: .hedgeNow), RecordedAction(step: 3, action: .buyLot),
                       RecordedAction(step: 3, action: .sellLot), RecordedAction(step: 40, action: .setAutoHedge(true))]
        var whole = SessionReplay(try ReplayScript(scenario: Self.scenario, seed: 4, autoHedge: false,
                                                   actions: actions, ending: .finished(step: 90)))
        whole.runToEnd()
        var followed = SessionReplay(try ReplayScript(scenario: Self.scenario, seed: 4, autoHedge: false, actions: [],
                                                      ending: .truncated(step: 0)))
        for action in actions {
            try followed.extend(by: [action], ending: .truncated(step: action.step))
            followed.runToEnd()
            #expect(followed.step == action.step && followed.actionsApplied == followed.script.actions.count)
        }
        try followed.extend(by: [], ending: .finished(step: 90))
        followed.runToEnd()
        #expect(followed.training.trainee.pnl == whole.training.trainee.pnl)
        #expect(followed.trades == whole.trades && followed.step == whole.step && followed.training.isFinished)
        #expect(throws: ReplayScriptError.self) {
            try followed.extend(by: [RecordedAction(step: 10, action: .hedgeNow)], ending: .finished(step: 90))
        }
    }
}
