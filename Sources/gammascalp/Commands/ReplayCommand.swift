import ArgumentParser
import Foundation
import ScalpJournal
import ScalpEngine
import ScalpTUI

/// `gammascalp replay JOURNAL`: a recorded session again, on the live screen or checked headless.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a recorded session: on the screen, or headless with --verify.",
        discussion: """
        The journal's start line holds the scenario and seed, its action lines what
        the trainee did and at which step; replay re-runs the engine with them, so
        prices, trades and P&L come out exactly as recorded.

        On the screen the recorded actions are applied at their steps; your keys only
        control the playback: space pause/resume · . one step while paused · + - speed
        · ? help · q stop (then any key exits).

        --verify replays without a screen and compares every recorded trade (step,
        shares, price, cost, reason), every limit order placed, filled and cancelled,
        every tick line's spot, net delta and P&L, and
        the end line's P&L, bit for bit. It prints "verified: …" and exits 0, or
        prints the first difference as `error: FILE:LINE: recorded …, replayed …` and
        exits 1.

        A journal cut short (the process was killed) replays up to its last complete
        line, and says so on stderr.
        """
    )

    @OptionGroup var input: JournalOptions

    @Flag(help: "Replay headless and check every recorded number; exit 1 at the first difference.")
    var verify = false

    @OptionGroup(title: "Screen") var screen: ScreenOptions

    func run() throws {
        let session = try input.load()
        if verify {
            try runVerify(session)
        } else {
            try runScreen(session)
        }
    }

    private func runVerify(_ session: RecordedSession) throws {
        let outcome: JournalVerifier.Outcome
        do {
            outcome = try JournalVerifier.verify(session)
        } catch let mismatch as JournalVerifier.Mismatch {
            // Versions may round the hedger's deltas differently in the last digits (0.2.0 made
            // them faster), which is enough to break a bit-for-bit check.
            if let recorder = session.start.version, recorder != GammaScalp.version {
                throw CommandFailure("\(mismatch.description) (recorded by gammascalp \(recorder), replayed by "
                                     + "\(GammaScalp.version): numbers can differ in the last digits between versions)")
            }
            throw CommandFailure(mismatch.description)
        }
        var counts = "\(outcome.trades) trade\(outcome.trades == 1 ? "" : "s"), \(outcome.ticks) tick\(outcome.ticks == 1 ? "" : "s")"
        if outcome.orderEvents > 0 { counts += ", \(outcome.orderEvents) order event\(outcome.orderEvents == 1 ? "" : "s")" }
        if outcome.coachLines > 0 { counts += ", \(outcome.coachLines) coach line\(outcome.coachLines == 1 ? "" : "s")" }
        if let pnl = outcome.finalPnL {
            print("verified: \(counts), final P&L \(Table.fixed(pnl, 2)) match")
        } else {
            print("verified: \(counts) match up to step \(outcome.replay.step) (truncated journal: no end line to check)")
        }
    }

    private func runScreen(_ recorded: RecordedSession) throws {
        let environment = ProcessInfo.processInfo.environment
        let script = try recorded.script()
        let theme = try screen.loadTheme(environment: environment)
        let replay = ScriptedPlay(script: script, endReason: recorded.end?.end.reason)
        var state = AppState(PlaySettings(scenario: script.scenario, seed: script.seed, speed: screen.speed,
                                          autoHedge: script.autoHedge, startPaused: screen.paused, replay: replay))
        if recorded.isTruncated {
            state.journalProblem = "replay: journal truncated after line \(recorded.lastCompleteLine), stops at step \(recorded.lastStep)"
        }
        let terminal = try ScreenOptions.openTerminal(
            theme: theme, environment: environment,
            refusal: { _ in "replay needs a terminal (standard input and output a TTY); --verify runs without one" })
        let clock = ContinuousClock()
        let origin = clock.now
        let loop = EventLoop(state: state, backend: terminal, journal: nil, keyMap: Self.playbackKeys) {
            let elapsed = clock.now - origin
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        let outcome = loop.run()
        terminal.stop()
        if outcome.signal == .hangup { throw ExitCode(128 + TerminationSignal.hangup.rawValue) }
        print("replay of \(recorded.location)")
        for line in loop.state.summary.lines() { print(line) }
        if let signal = outcome.signal { throw ExitCode(128 + signal.rawValue) }
    }

    /// The live keys that only control playback: the trading keys do nothing in a replay.
    static let playbackKeys = KeyMap(KeyMap.standard.bindings.filter {
        [.togglePause, .stepOnce, .faster, .slower, .toggleHelp, .closeOverlay, .quit, .redraw].contains($0.command)
    })
}
