import ScalpEngine

/// How trainees of one market are ranked, by the static `leaderboard` and the live board
/// alike: by points, then P&L, best first; equal points and P&L share a rank.
public enum ClassRanking {
    /// `items` best first, each with its rank (1-based; ties share the better rank).
    public static func rank<Item>(_ items: [Item], by score: (Item) -> SessionGrade) -> [(item: Item, rank: Int)] {
        let sorted = items.sorted { a, b in
            let x = score(a), y = score(b)
            return x.points != y.points ? x.points > y.points : x.traineePnL > y.traineePnL
        }
        var ranked: [(item: Item, rank: Int)] = []
        for (index, item) in sorted.enumerated() {
            if let previous = ranked.last, score(previous.item).points == score(item).points,
               score(previous.item).traineePnL == score(item).traineePnL {
                ranked.append((item, previous.rank))
            } else {
                ranked.append((item, index + 1))
            }
        }
        return ranked
    }
}
