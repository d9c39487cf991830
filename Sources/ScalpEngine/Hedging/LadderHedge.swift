/// The scalper's ladder: a resting sell at P·(1+X) and a resting buy at P/(1+X) around P, the
/// last fill's price (the opening hedge's at first). Each is sized to bring the net delta to
/// zero at its own level (the book's delta there, so gamma-sized), or to `size` shares; after
/// either fills, both are laid again around the new P. It trades only through limit orders,
/// so it pays no spread (only maker fees), and its fills come from the path between closes.
///
/// A side whose neutralising trade has the wrong sign (a short-gamma book would buy above the
/// market) is not laid: a ladder scalps long gamma.
public struct LadderHedge: HedgePolicy, Hashable {
    /// X, the relative step between levels (> 0): 0.02 rests orders 2% either side.
    public var step: Double
    /// Shares per order, or nil to size each to neutral at its level.
    public var size: Double?

    public init(step: Double, size: Double? = nil) {
        self.step = step
        self.size = size
    }

    public var needsGamma: Bool { false }

    /// The ladder trades through its resting orders, never at a step's close.
    public func decide(_ context: HedgeContext) -> HedgeDecision { .hold }

    /// The sell and buy levels around `price`, currency; on a ticked market the sell rounds up
    /// and the buy down to a tick, so each stays at least X away.
    public func levels(around price: Double, tick: Double) -> (sell: Double, buy: Double) {
        var sell = price * (1 + step), buy = price / (1 + step)
        if tick > 0 {
            sell = (sell / tick).rounded(.up) * tick
            buy = max((buy / tick).rounded(.down) * tick, tick)
        }
        return (sell, buy)
    }
}
