import ScalpFormat
import ScalpJournal
import ArgumentParser
import ScalpEngine

struct PriceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price",
        abstract: "Price a European option and its Greeks (Black-Scholes-Merton).",
        discussion: """
        The table shows trader units: theta per calendar day, vega per vol point, rho per \
        rate point. --json prints one object of raw derivatives: price, delta, gamma, vega \
        (per 1.00 of vol), theta (per year, ∂V/∂t) and rho (per 1.00 of rate).

        Example:
          gammascalp price --kind call --spot 100 --strike 100 --vol 0.2 --expiry 1 --rate 0.05
        """
    )

    @OptionGroup var contract: ContractOptions

    @Option(parsing: .unconditional, help: "Volatility, annualised, as a fraction (0.20 = 20%), ≥ 0.")
    var vol: Double

    mutating func validate() throws {
        try FlagCheck.nonNegative(vol, "--vol")
    }

    func run() throws {
        let greeks = BlackScholes.greeks(kind: contract.kind, spot: contract.spot, strike: contract.strike,
                                         volatility: vol, timeToExpiry: contract.expiry,
                                         rate: contract.rate, dividendYield: contract.dividend)
        if contract.json {
            print(JSONText.object([
                ("price", .number(greeks.price)), ("delta", .number(greeks.delta)), ("gamma", .number(greeks.gamma)),
                ("vega", .number(greeks.vega)), ("theta", .number(greeks.theta)), ("rho", .number(greeks.rho)),
            ]).rendered)
            return
        }
        print(contract.headline + "  vol \(Table.percent(vol))")
        print(Table([
            ["price", Table.fixed(greeks.price, 6), "per unit of underlying"],
            ["delta", Table.fixed(greeks.delta, 6), "underlying per option"],
            ["gamma", Table.fixed(greeks.gamma, 6), "delta per 1.00 of spot"],
            ["vega", Table.fixed(greeks.vegaPerVolPoint, 6), "per vol point (1%)"],
            ["theta", Table.fixed(greeks.thetaPerDay, 6), "per calendar day"],
            ["rho", Table.fixed(greeks.rhoPerPoint, 6), "per rate point (1%)"],
        ], rightAligned: [1]).rendered)
    }
}

extension ContractOptions {
    /// One line describing the contract and market, e.g. "call  spot 100  strike 100  expiry 1y ...".
    var headline: String {
        "\(kind.rawValue)  spot \(Table.plain(spot))  strike \(Table.plain(strike))  expiry \(Table.plain(expiry))y"
            + "  rate \(Table.percent(rate))  dividend \(Table.percent(dividend))"
    }
}
