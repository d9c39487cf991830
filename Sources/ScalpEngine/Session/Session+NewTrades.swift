import DequeModule

extension Session {
    /// The trades made since the session had made `count` trades (its `tradeCount` at the
    /// last look), oldest first: the end of `recentTrades`, which keeps far more trades than
    /// an action or a step makes. The journal's recorder and the replay both read new trades here.
    public func trades(since count: Int) -> Deque<Trade>.SubSequence {
        recentTrades.suffix(max(tradeCount - count, 0))
    }

    /// The option orders filled since the session had filled `count` (full detail), oldest first.
    public func optionFills(since count: Int) -> ArraySlice<OptionFill> {
        ledger.optionFills.dropFirst(count)
    }
}
