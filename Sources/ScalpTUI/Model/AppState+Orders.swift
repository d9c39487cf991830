import ScalpEngine

/// The order keys: resting a limit order a chosen number of ticks outside the quote (the
/// distance is `orderEntry`'s, screen state that `<` and `>` change), cancelling them all, and
/// switching the ladder hedge on and off. Each order key is one `SessionAction`, journaled
/// like every other, so replay reproduces the orders and their fills.
extension AppState {    /// The ladder `L` switches to: resting orders half a percent either side of the last fill.
    static let keyLadder = HedgeRule.ladder(LadderHedge(step: 0.005))

    mutating func performOrderCommand(_ command: Command) {
        switch command {
        case .limitBuy, .limitSell:
            let buy = command == .limitBuy
            let price = orderEntry.price(buy: buy, quote: session.quote, tick: OrderEntry.tick(session.config))
            let lot = session.manualLot
            if price > 0 { apply(.placeLimit(shares: buy ? lot : -lot, price: price)) }
        case .limitsCloser:
            orderEntry.closer()
        case .limitsFurther:
            orderEntry.further()
        case .cancelOrders:
            apply(.cancelOrders)
        case .toggleLadder:
            if session.hedgeRule.restsOrders {
                apply(.setHedgeRule(policyCycle.first { !$0.restsOrders } ?? .every(PeriodicHedge(interval: 1))))
            } else {
                apply(.setHedgeRule(Self.keyLadder))
                if !session.autoHedge { apply(.setAutoHedge(true)) }
            }
        default:
            break
        }
    }
}
