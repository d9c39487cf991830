import ArgumentParser
import Foundation
import ScalpEngine

/// `--prices FILE.csv` and the flags that shape the book on it (`play` and `session`): a real
/// price series replayed instead of a simulated market.
struct PriceSeriesOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Replay a real price series instead of a simulated market: a CSV with a date and a close "
                               + "column, and optionally implied vol.", valueName: "file.csv"))
    var prices: String?

    @Option(parsing: .unconditional, help: "With --prices: the strike (> 0; default the first close).")
    var strike: Double?

    @Option(name: .customLong("implied-vol"), parsing: .unconditional,
            help: "With --prices: the implied vol when the file has no vol column, annualised fraction (default 0.2).")
    var impliedVol: Double?

    @Option(help: "With --prices: call, put or straddle (default straddle).")
    var kind: OptionStructure?

    @Option(parsing: .unconditional, help: "With --prices: contracts of 100 held, each leg; negative = short (default 10).")
    var quantity: Double?

    /// Refuses the book's flags without `--prices`, `--prices` with `--scenario`, and bad values.
    func validate(scenario: String?) throws {
        if prices == nil {
            let needsPrices: [(String, Bool)] = [("--strike", strike != nil), ("--implied-vol", impliedVol != nil),
                                                 ("--kind", kind != nil), ("--quantity", quantity != nil)]
            if let flag = needsPrices.first(where: \.1)?.0 { throw ValidationError("\(flag) is only for --prices") }
        } else {
            if scenario != nil { throw ValidationError("--prices and --scenario cannot be used together") }
            if let strike { try FlagCheck.within(InputLimits.price, strike, "--strike", "currency") }
            if let impliedVol { try FlagCheck.within(InputLimits.processVol, impliedVol, "--implied-vol", "a fraction per year") }
            if let quantity {
                try FlagCheck.within(InputLimits.contracts, quantity, "--quantity", "contracts")
                guard quantity != 0 else { throw ValidationError("--quantity must not be 0") }
            }
        }
    }

    /// The price series and the scenario that replays it (`PriceHistory.practiceScenario`),
    /// or nil without `--prices`; refused if the session cannot run.
    func load() throws -> (history: PriceHistory, scenario: Scenario)? {
        guard let prices else { return nil }
        let history = try PriceHistoryReader.load(prices)
        let scenario = history.practiceScenario(name: (prices as NSString).lastPathComponent, structure: kind ?? .straddle,
                                                strike: strike, quantity: quantity ?? 10, impliedVol: impliedVol ?? 0.20)
        do {
            try scenario.config.validate()
        } catch {
            throw CommandFailure("--prices: the replayed session cannot run: \(error)")
        }
        return (history, scenario)
    }
}
