/// What the hedge instrument is counted in, and how every view names it: shares of a stock,
/// or coins of a perpetual future (BTC). The screen, the summary, the report, the CSV headers
/// and `simulate`'s header read it, so a crypto venue never speaks in shares.
public struct TradingUnit: Sendable, Hashable {
    /// The unit after a quantity, plural: "shares", "BTC".
    public let name: String
    /// The short form after a number where room is tight: "sh", "BTC".
    public let symbol: String
    /// The hedge instrument's row in the book and its name in sentences: "stock", "perp".
    public let instrument: String
    /// A column name's unit part: "shares", "btc".
    public let columnSuffix: String
    /// What `b` and `s` trade when the lot is 0 (fractional hedging), in units: one share, or
    /// a tenth of a coin (a whole BTC is about 60,000 of notional).
    public let manualSizeWhenFractional: Double
    /// The lot sizes `[` and `]` step through, in units: 1 to 1,000 shares, or 0.001 to 10 coins.
    public let lotLadder: [Double]

    public static let shares = TradingUnit(name: "shares", symbol: "sh", instrument: "stock", columnSuffix: "shares",
                                           manualSizeWhenFractional: 1, lotLadder: [1, 10, 25, 50, 100, 200, 500, 1000])

    /// A perpetual's coins, named `coin` ("BTC").
    public static func coins(_ coin: String) -> TradingUnit {
        TradingUnit(name: coin, symbol: coin, instrument: "perp",
                    columnSuffix: String(coin.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }),
                    manualSizeWhenFractional: 0.1,
                    lotLadder: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10])
    }

    /// The unit of `terms`' venue: shares on equity; on a perpetual, `terms.unit` (default "coins").
    public init(terms: ExecutionTerms) {
        switch terms.venue {
        case .equity: self = .shares
        case .cryptoPerp: self = .coins(terms.unit ?? "coins")
        }
    }

    private init(name: String, symbol: String, instrument: String, columnSuffix: String,
                 manualSizeWhenFractional: Double, lotLadder: [Double]) {
        (self.name, self.symbol, self.instrument, self.columnSuffix) = (name, symbol, instrument, columnSuffix)
        self.manualSizeWhenFractional = manualSizeWhenFractional
        self.lotLadder = lotLadder
    }

    /// Whether quantities in this unit are fractions (coins) that views never round to whole
    /// units, whatever the lot.
    public var isFractional: Bool { manualSizeWhenFractional < 1 }

    /// Whether views show quantities of a session with lot `lot` as fractions: a fractional
    /// unit, or shares traded fractionally (lot 0).
    public func showsFractions(lot: Double) -> Bool { isFractional || lot == 0 }

    /// The lots `[` and `]` step through, with `lot` among them (0, fractional, is not).
    public func lots(including lot: Double) -> [Double] {
        var ladder = lotLadder
        if lot > 0, !ladder.contains(lot) { ladder.append(lot) }
        return ladder.sorted()
    }
}

extension SessionConfig {
    /// What the hedge is counted in (`TradingUnit`), from the execution terms' venue.
    public var tradingUnit: TradingUnit { TradingUnit(terms: executionTerms) }
}
