/// One lane's numbers at a step of a `HedgeRace`: a row of `watch`'s table.
public struct RaceStanding: Sendable, Hashable {
    /// The lane's place in the race's rules (its chart color), from 0.
    public var lane: Int
    public var rule: HedgeRule
    /// P&L so far, currency.
    public var pnl: Double
    /// Costs paid so far as a P&L bucket, currency (≤ 0), as `session` prints them.
    public var costs: Double
    public var trades: Int
    /// Net delta now, shares.
    public var netDelta: Double
    /// Hedging error so far: the per-step error's standard deviation × √steps, currency.
    public var risk: Double
    /// Points so far, 0–100 (`SessionGrade.points`, against the lane's own reference family).
    public var points: Double

    public init(_ race: RaceLane, lane: Int) {
        let session = race.session
        self.lane = lane
        rule = race.rule
        pnl = session.pnl
        costs = session.attribution.costs
        trades = session.tradeCount
        netDelta = session.netDelta
        risk = session.hedgingErrorSoFar
        points = race.grade.points
    }

    /// Best first: more points, then more P&L, then the order the rules were given.
    public static func ranked(_ standings: [RaceStanding]) -> [RaceStanding] {
        standings.sorted { a, b in
            if a.points != b.points { return a.points > b.points }
            if a.pnl != b.pnl { return a.pnl > b.pnl }
            return a.lane < b.lane
        }
    }
}
