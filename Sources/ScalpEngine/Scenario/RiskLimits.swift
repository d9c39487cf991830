/// The risk a trainee is allowed to run: a desk's limits, checked against the live book.
public struct RiskLimits: Sendable, Hashable, Codable {
    /// Largest allowed |net delta|, shares; nil for no limit.
    public var netDelta: Double?
    /// Largest allowed loss, currency (a positive number: 5000 means a P&L of −5000); nil for no limit.
    public var loss: Double?

    public init(netDelta: Double? = nil, loss: Double? = nil) {
        self.netDelta = netDelta
        self.loss = loss
    }

    /// No limits.
    public static let none = RiskLimits()

    /// True when |`netDelta`| (shares) is over the net-delta limit.
    public func isNetDeltaBreached(_ netDelta: Double) -> Bool {
        self.netDelta.map { abs(netDelta) > $0 } ?? false
    }

    /// True when the P&L `pnl` (currency) is a loss beyond the loss limit.
    public func isLossBreached(pnl: Double) -> Bool {
        loss.map { pnl < -$0 } ?? false
    }
}
