import ArgumentParser
import Foundation
import ScalpJournal
import ScalpTUI

/// The live screen run to the end of a session, for `play` and `course`: the terminal, the
/// event loop, the summary and the journal's path printed to the shell after it.
enum LiveScreen {
    /// Plays `settings` on the terminal in `theme`, journaling to `journal`. `labels` are a
    /// price file's row labels; `startedAt` the process's age at the start, for
    /// GAMMASCALP_TIMING. `noTerminal` runs when the screen cannot start (nothing was played).
    /// A terminating signal exits the process (128 + N) after the summary.
    static func play(_ settings: PlaySettings, theme: Theme, journal journalFile: JournalAppender?, labels: [String]?,
                     environment: [String: String], startedAt: Double?, noTerminal: () -> Void = {}) throws {
        let state = AppState(settings)
        let terminal: CursesTerminal
        do {
            terminal = try Self.terminal(theme, environment: environment)
        } catch {
            noTerminal()
            throw error
        }
        let clock = ContinuousClock()
        let origin = clock.now
        let loop = EventLoop(state: state, backend: terminal, journal: journalFile) {
            let elapsed = clock.now - origin
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        }
        if environment["GAMMASCALP_TEST_TRAP"] == "1" {
            // For the end-to-end test of terminal restore after a Swift runtime trap.
            loop.keyHook = { key in
                if key == .character("!") { fatalError("GAMMASCALP_TEST_TRAP: trap on request") }
            }
        }
        var timing = FrameTiming(startup: startedAt)
        if environment["GAMMASCALP_TIMING"] != nil {
            loop.frameObserver = { seconds in timing.record(seconds) }
        }
        let outcome = loop.run()
        terminal.stop()

        if let path = environment["GAMMASCALP_TIMING"], !path.isEmpty {
            timing.write(to: path, frames: loop.frames, steps: loop.state.session.step)
        }
        // Killed by a signal: exit as the shell expects (128 + N), with nothing more to say
        // on a hung-up terminal.
        if outcome.signal == .hangup { Foundation.exit(128 + TerminationSignal.hangup.rawValue) }
        for line in loop.state.summary.lines(labels: labels) { print(line) }
        if let journalFile { print("journal \(journalFile.location)") }
        if let signal = outcome.signal {
            if let problem = loop.state.journalProblem { FileHandle.standardError.write(Data("error: \(problem)\n".utf8)) }
            Foundation.exit(128 + signal.rawValue)
        }
        // The session went on after its journal stopped (what was written stays valid), but
        // the record is incomplete: say so after the summary and fail.
        if let problem = loop.state.journalProblem { throw CommandFailure(problem) }
    }

    /// The terminal, started in `theme` (without color under NO_COLOR), or one `error:` line.
    static func terminal(_ theme: Theme, environment: [String: String]) throws -> CursesTerminal {
        do {
            return try CursesTerminal(theme: theme, noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}
