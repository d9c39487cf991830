/// The P&L identity every book obeys: P&L = cash + stock × spot + options, in currency. The
/// session starts flat (no cash, no stock, the options' premium paid out of cash), so this is
/// also the P&L since the start; `PnLAttribution` splits its changes by source.
public enum PnLIdentity {
    /// `cash` and `optionValue` (the book marked at implied vol) in currency, `stockShares`
    /// signed shares, `spot` per share.
    @inline(__always)
    public static func pnl(cash: Double, stockShares: Double, spot: Double, optionValue: Double) -> Double {
        cash + stockShares * spot + optionValue
    }
}
