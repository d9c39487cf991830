/// What a trade in the underlying costs: a half-spread in basis points of notional, paid on
/// every trade whichever its side, plus a fee per share.
public struct TransactionCosts: Sendable, Hashable, Codable {
    /// Half the bid-ask spread, in basis points of the traded notional.
    public var halfSpreadBps: Double
    /// Commission per share traded, in currency.
    public var feePerShare: Double

    public init(halfSpreadBps: Double = 0, feePerShare: Double = 0) {
        self.halfSpreadBps = halfSpreadBps
        self.feePerShare = feePerShare
    }

    public static let free = TransactionCosts()

    /// Cost in currency of trading `shares` (either sign) at `price`.
    @inlinable
    public func cost(shares: Double, price: Double) -> Double {
        abs(shares) * (price * halfSpreadBps * 1e-4 + feePerShare)
    }

    /// Cost as a fraction of notional at `price`: the λ of Whalley-Wilmott.
    @inlinable
    public func proportionalRate(at price: Double) -> Double {
        halfSpreadBps * 1e-4 + feePerShare / price
    }
}
