import DequeModule
import ScalpEngine

/// A blotter line: a trade in the underlying, or an option trade from the ticket.
public enum BlotterRow: Sendable, Hashable {
    case stock(Trade)
    case option(TicketFill)

    /// The step it happened at.
    public var step: Int {
        switch self {
        case .stock(let trade): trade.step
        case .option(let fill): fill.step
        }
    }
}

/// The trainee's trades as the blotter lists them: the session's stock trades and the
/// ticket's option fills, merged in the order they happened. Each fill remembers how many
/// stock trades came before it, which places it among them without comparing times (an
/// option trade and a hedge can share a step).
public struct Blotter: Sendable {
    /// The newest stock trades, oldest first (the session keeps a bounded window).
    public var trades: Deque<Trade>
    /// All stock trades the session has made, including those out of the window.
    public var tradeCount: Int
    /// The newest option fills, oldest first.
    public var fills: Deque<TicketFill>

    public init(trades: Deque<Trade>, tradeCount: Int, fills: Deque<TicketFill>) {
        self.trades = trades
        self.tradeCount = tradeCount
        self.fills = fills
    }

    /// The newest `count` trades, stock and options merged, newest first.
    public func newest(_ count: Int) -> [BlotterRow] {
        var stock = trades.reversed().makeIterator()
        var stockIndex = tradeCount - 1  // the next stock trade's index among all the session's
        var options = fills.reversed().makeIterator()
        var nextStock = stock.next(), nextOption = options.next()
        var rows: [BlotterRow] = []
        while rows.count < count {
            if let fill = nextOption, nextStock == nil || fill.stockTradesBefore > stockIndex {
                rows.append(.option(fill))
                nextOption = options.next()
            } else if let trade = nextStock {
                rows.append(.stock(trade))
                nextStock = stock.next()
                stockIndex -= 1
            } else {
                break
            }
        }
        return rows
    }
}
