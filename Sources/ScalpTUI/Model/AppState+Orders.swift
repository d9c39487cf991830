import ScalpEngine

/// The order keys: resting a limit order a few ticks outside the quote, cancelling them all,
/// and switching the ladder hedge on and off. Each is one `SessionAction`, journaled like
/// every other, so replay reproduces the orders and their fills.
extension AppState {
    /// Ticks between the touch and a limit order placed by key.
    static let limitTicks = 2.0
    /// The ladder `L` switches to: resting orders half a percent either side of the last fill.
    static let keyLadder = HedgeRule.ladder(LadderHedge(step: 0.005))

    mutating func performOrderCommand(_ command: Command) {
        switch command {
        case .limitBuy, .limitSell:
            let quote = session.quote
            // A market without ticks rests a cent per tick.
            let tick = session.config.executionTerms.tick > 0 ? session.config.executionTerms.tick : 0.01
            let buy = command == .limitBuy
            let price = buy ? quote.bid - Self.limitTicks * tick : quote.ask + Self.limitTicks * tick
            let lot = session.lotSize > 0 ? session.lotSize : 1
            if price > 0 { apply(.placeLimit(shares: buy ? lot : -lot, price: price)) }
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
