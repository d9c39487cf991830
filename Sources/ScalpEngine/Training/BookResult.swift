/// One book's result on a path: what the score compares.
public struct BookResult: Sendable, Hashable, Codable {
    /// The hedge rule, in its command-line form ("trainee" for the trainee's own book).
    public var rule: String
    /// P&L, currency.
    public var pnl: Double
    /// Costs paid, currency (≥ 0).
    public var costs: Double
    public var trades: Int
    public var record: HedgingRecord
    public var utility: HedgingUtility

    public init(rule: String, pnl: Double, costs: Double, trades: Int, record: HedgingRecord, riskAversion: Double) {
        (self.rule, self.pnl, self.costs, self.trades, self.record) = (rule, pnl, costs, trades, record)
        utility = HedgingUtility(pnl: pnl, squaredHedgingError: record.squaredHedgingError, riskAversion: riskAversion,
                                 decisions: record.decisions)
    }
}
