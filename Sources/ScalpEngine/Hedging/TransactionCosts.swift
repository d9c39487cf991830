/// What a trade in the underlying costs: a half-spread in basis points of notional, paid on
/// every trade whichever its side, plus a fee per share.
public struct TransactionCosts: Sendable, Hashable, Codable {
    /// Half the bid-ask spread, in basis points of the traded notional.
    public var halfSpreadBps: Double
    /// Commission per share traded, in currency.
    public var feePerShare: Double
    /// Half the options' bid-ask spread in implied vol (0.005 = half a vol point): options are
    /// bought at the model price at IV + this and sold at IV − this.
    public var optionHalfSpreadVol: Double

    public init(halfSpreadBps: Double = 0, feePerShare: Double = 0, optionHalfSpreadVol: Double = 0.005) {
        self.halfSpreadBps = halfSpreadBps
        self.feePerShare = feePerShare
        self.optionHalfSpreadVol = optionHalfSpreadVol
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
