import ArgumentParser
import Foundation
import ScalpEngine
import ScalpFormat
import ScalpJournal
import ScalpTUI

/// `gammascalp session`: one whole training session without a screen, the auto-hedger
/// playing the trainee with one rule.
struct SessionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "session",
        abstract: "Run one whole session headless: the auto-hedger plays the trainee with one rule.",
        discussion: """
        The same session the live screen plays (the same scenario and seed give the same \
        market), run from the first step to the last with the auto-hedger on and no manual \
        action, then graded as the screen grades a trainee: the score among the scenario's \
        reference hedge rules on the same path, the rule the hedging was most like, the best \
        rule on the path, and the P&L split into luck (the market's part) and skill (the \
        hedging part, costs, the rest). This is how an instructor pre-checks a scenario.

        It prints the summary the live screen prints to the shell; --json prints the journal's \
        end line instead (pnl, attribution, trades, costs, score with points, verdict, \
        nearest_rule, best_rule, utility and decomposition). --journal writes the session's \
        journal, which `replay --verify` checks and `leaderboard` ranks beside live sessions.
        """
    )

    @Option(help: ArgumentHelp("The scenario: a built-in name or a scenario file.", valueName: "name|file"))
    var scenario: String

    @Option(parsing: .unconditional, help: "Random seed, 0 to 2^63−1.")
    var seed: Int = 1

    @Option(help: ArgumentHelp("The trainee's hedge rule (default: the scenario's policy): none, every:K, "
                               + "band:X[:edge], move:P, ww[:γ][:neutral].", valueName: "rule"))
    var rule: String?

    @Option(help: ArgumentHelp("Write the session journal to FILE (appending).", valueName: "file"))
    var journal: String?

    @Flag(help: "Print the journal's end line (JSON) instead of the summary.")
    var json = false

    func validate() throws {
        if seed < 0 { throw ValidationError("--seed must be ≥ 0, got \(seed)") }
        if let rule { _ = try parsedRule(rule) }
        if let journal, journal.isEmpty { throw ValidationError("--journal needs a file name") }
    }

    func run() throws {
        var scenario = try ScenarioLookup.resolve(self.scenario)
        if let rule { scenario.config.hedgeRule = try parsedRule(rule) }
        var settings = PlaySettings(scenario: scenario, seed: UInt64(seed), autoHedge: true)
        settings.startedAt = Date()
        var state = AppState(settings)
        let file: JournalAppender?
        do {
            file = try journal.map { try JournalAppender(path: $0) }
        } catch {
            throw CommandFailure("--journal: cannot write '\(journal ?? "")': \(error)")
        }
        var end: JournalLine?
        while true {
            let lines = state.takeEvents()
            do {
                for line in lines { try file?.write(line) }
                if lines.contains(where: \.needsSync) { try file?.sync() }
            } catch {
                throw CommandFailure("--journal: \(journal ?? ""): \(error)")
            }
            if let last = lines.last, case .end = last { end = last }
            if state.endReason != nil && lines.isEmpty { break }
            state.advance(steps: 4096)
        }
        if json {
            print(end?.text ?? "{}")
        } else {
            for line in state.summary.lines { print(line) }
            if let file { print("journal \(file.location)") }
        }
    }

    private func parsedRule(_ text: String) throws -> HedgeRule {
        do { return try HedgeRule.parse(text) } catch { throw ValidationError("--rule: \(error)") }
    }
}
