/// Where the hedge trades.
public enum Venue: String, Sendable, Hashable, Codable, CaseIterable {
    /// A stock: shares bought with borrowed cash (interest on it), dividends received, lots.
    case equity
    /// A perpetual future traded 24/7: no cash changes hands for the notional (so no interest
    /// on it and no dividends), fractional sizes, and funding paid between longs and shorts
    /// every funding interval.
    case cryptoPerp = "crypto-perp"
}
