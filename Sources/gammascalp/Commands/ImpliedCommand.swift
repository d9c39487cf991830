import ScalpFormat
import ScalpJournal
import ArgumentParser
import ScalpEngine

struct ImpliedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "implied",
        abstract: "Solve for the implied volatility of a European option premium.",
        discussion: """
        Uses Jäckel's "Let's Be Rational" algorithm: machine precision in one or two \
        iterations (a few more only at extreme total variance, σ√T above about 10), for deep \
        in- and out-of-the-money options and short expiries alike. A \
        premium outside the no-arbitrage bounds (at or below the discounted intrinsic value, \
        at or above the discounted spot for a call or strike for a put) is an error. \
        --json prints one object: implied_vol (annualised fraction) and iterations.

        Example:
          gammascalp implied --kind put --spot 100 --strike 90 --premium 1.25 --expiry 0.25
        """
    )

    @OptionGroup var contract: ContractOptions

    @Option(parsing: .unconditional, help: "Option premium per unit of underlying, currency (≥ 0).")
    var premium: Double

    mutating func validate() throws {
        try FlagCheck.nonNegative(premium, "--premium")
        try FlagCheck.positive(contract.expiry, "--expiry")
    }

    func run() throws {
        let result: ImpliedVolResult
        do {
            result = try ImpliedVolatility.solve(kind: contract.kind, premium: premium, spot: contract.spot,
                                                 strike: contract.strike, timeToExpiry: contract.expiry,
                                                 rate: contract.rate, dividendYield: contract.dividend)
        } catch {
            throw CommandFailure("--premium: \(error.description)")
        }
        if contract.json {
            print(JSONText.object([("implied_vol", .number(result.volatility)), ("iterations", .integer(result.iterations))]).rendered)
            return
        }
        print(contract.headline + "  premium \(Table.plain(premium))")
        print(Table([
            ["implied vol", Table.percent(result.volatility, 6), "annualised"],
            ["iterations", String(result.iterations), "Householder steps"],
        ], rightAligned: [1]).rendered)
    }
}
