/// How close a trainee is to one of the desk's risk limits (`RiskLimits`): decided here, in the
/// engine, by the same comparison that counts breaches; the screen only renders it.
public enum LimitStatus: Sendable, Hashable {
    /// The scenario sets no such limit.
    case none
    /// Below 80% of the limit.
    case within(usage: Double)
    /// From 80% of the limit up to it.
    case near(usage: Double)
    /// Over the limit.
    case over(usage: Double)

    /// The fraction of the limit used from which a trainee is warned.
    public static let warningLevel = 0.8

    /// The status at `usage` (the fraction of the limit used; nil without a limit), `isOver`
    /// as the limit's own comparison decides it.
    init(usage: Double?, isOver: Bool) {
        guard let usage else {
            self = .none
            return
        }
        if isOver {
            self = .over(usage: usage)
        } else if usage >= Self.warningLevel {
            self = .near(usage: usage)
        } else {
            self = .within(usage: usage)
        }
    }

    public var isOver: Bool {
        if case .over = self { return true }
        return false
    }

    public var isNear: Bool {
        if case .near = self { return true }
        return false
    }
}

extension RiskLimits {
    /// |`netDelta`| (shares) against the net-delta limit: usage |net delta| / limit.
    public func netDeltaStatus(_ netDelta: Double) -> LimitStatus {
        LimitStatus(usage: self.netDelta.map { abs(netDelta) / $0 }, isOver: isNetDeltaBreached(netDelta))
    }

    /// The loss (−`pnl`, currency) against the loss limit: usage max(−P&L, 0) / limit (a
    /// limit of 0 counts any loss as twice over it).
    public func lossStatus(pnl: Double) -> LimitStatus {
        let usage = loss.map { limit in limit > 0 ? max(-pnl, 0) / limit : (pnl < 0 ? 2 : 0) }
        return LimitStatus(usage: usage, isOver: isLossBreached(pnl: pnl))
    }
}
