/// Each lane's color role in `watch`'s chart and table: distinct chart roles first, so that
/// every theme tells the first lanes apart; past the list they repeat (the number drawn at
/// each line's end still names it).
enum LaneColors {
    static let roles: [Role] = [.chartPnL, .chartRealized, .chartEWMA, .chartImplied, .warning, .chartPrice, .loss, .title]

    static func role(_ lane: Int) -> Role { roles[lane % roles.count] }
}
