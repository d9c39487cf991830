import ArgumentParser
import Foundation
import ScalpEngine
import ScalpFormat
import ScalpJournal

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

        --prices FILE.csv runs the session on a real price series instead, with play's \
        flags for the book on it (--strike, --implied-vol, --kind, --quantity).
        """
    )

    @Option(help: ArgumentHelp("The scenario: a built-in name or a scenario file.", valueName: "name|file"))
    var scenario: String?

    @OptionGroup(title: "Real prices") var priceSeries: PriceSeriesOptions

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
        try priceSeries.validate(scenario: scenario)
        if scenario == nil, priceSeries.prices == nil { throw ValidationError("Missing expected argument '--scenario <name|file>' (or --prices FILE.csv)") }
    }

    func run() throws {
        let series = try priceSeries.load()
        var scenario = try series?.scenario ?? ScenarioLookup.resolve(self.scenario ?? "")
        if let rule { scenario.config.hedgeRule = try parsedRule(rule) }
        let file: JournalAppender?
        do {
            file = try journal.map { try JournalAppender(path: $0) }
        } catch {
            throw CommandFailure("--journal: cannot write '\(journal ?? "")': \(error)")
        }
        var training = TrainingSession(scenario: scenario, seed: UInt64(seed), autoHedge: true)
        var recorder = SessionRecorder(training, startedAt: Date())
        // Written a batch of steps at a time: each line still reaches the file in order.
        func flush() throws {
            do { try recorder.write(to: file) } catch { throw CommandFailure("--journal: \(journal ?? ""): \(error)") }
        }
        while !training.isFinished {
            training.apply(.tick)
            recorder.recordStep(training)
            if training.trainee.step % Self.stepsPerWrite == 0 { try flush() }
        }
        recorder.recordEnd(.atLastStep(of: training.trainee), training)
        try flush()
        if json {
            print(recorder.end.map { JournalLine.end($0).text } ?? "{}")
        } else {
            for line in SessionSummary(training).lines(labels: series.map { Array($0.history.labels) }) { print(line) }
            if let file { print("journal \(file.location)") }
        }
    }

    /// Steps run between two writes of the journal.
    static let stepsPerWrite = 4096

    private func parsedRule(_ text: String) throws -> HedgeRule {
        do { return try HedgeRule.parse(text) } catch { throw ValidationError("--rule: \(error)") }
    }
}
