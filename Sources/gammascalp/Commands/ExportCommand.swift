import ArgumentParser
import Foundation
import ScalpJournal
import ScalpEngine

/// `gammascalp export JOURNAL --csv FILE`: the replayed session as CSV.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a recorded session as CSV, one row per step, for spreadsheets and pandas.",
        discussion: """
        The session is replayed from its journal, so the CSV has every step even
        though the journal keeps a tick line only once a simulated hour. A row is the
        state at the end of its step: after the price move, the auto-hedge and the
        trainee's actions at that step.

        Columns:
        \(StepCSV.columns.joined(separator: ", ")).

        Times in years, vols as annualised fractions, deltas and shares in shares,
        money in currency; delta_pnl…residual are cumulative and add up to pnl.
        over_delta_limit and auto_hedge are 0 or 1. The trade columns sum a step's
        trades (all at its price; trade_reason joins their reasons with +) and are
        empty when it had none. Empty cells are values that do not exist yet
        (realized vol before two returns).

        --trades FILE also writes one row per trade, the underlying's and the option
        ticket's, by step: \(StepCSV.tradeColumns.joined(separator: ", ")).
        qty is signed (positive buys) in shares or contracts; price is per unit of
        the underlying; kind, strike, expiry_years, multiplier and premium (cash
        paid, negative when received) are for option rows.
        Use - for standard output. In pandas:
        pd.read_csv("session.csv", index_col="step") (before pandas 3, add
        float_precision="round_trip" to read the numbers back bit for bit).
        """
    )

    @OptionGroup var input: JournalOptions

    @Option(help: ArgumentHelp("Write the per-step CSV to FILE (- for standard output).", valueName: "file"))
    var csv: String

    @Option(help: ArgumentHelp("Also write one row per trade to FILE (- for standard output).", valueName: "file"))
    var trades: String?

    func validate() throws {
        if csv.isEmpty { throw ValidationError("--csv needs a file name") }
        if let trades, trades.isEmpty { throw ValidationError("--trades needs a file name") }
        if csv == "-", trades == "-" { throw ValidationError("--csv and --trades cannot both be standard output") }
    }

    func run() throws {
        let timeline = ReplayTimeline(try input.load().script())
        try OutputFile.write(StepCSV.render(timeline), to: csv, flag: "--csv")
        if let trades { try OutputFile.write(StepCSV.renderTrades(timeline.trades, optionFills: timeline.optionFills), to: trades, flag: "--trades") }
    }
}
