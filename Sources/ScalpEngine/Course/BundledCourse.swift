/// The course that ships with gammascalp: the built-in scenarios in teaching order, from
/// what long gamma costs to hedging a big book through gaps, as a course file like an
/// instructor's own.
extension Course {
    /// The bundled course (a test parses it, with every level's scenario).
    public static let bundled: Course = {
        do {
            return try CourseFile.parse(bundledText, file: "bundled course")
        } catch {
            fatalError("the bundled course does not parse: \(error)") // a test parses it
        }
    }()

    /// The bundled course's TOML.
    public static let bundledText = """
        # The bundled course: each level opens when the one before it is passed.
        name = "first-desk"
        title = "First desk"
        description = "Eleven sessions from paying for gamma to hedging a big book through gaps."
        """ + bundledLevels.map { "\n\n" + $0 }.joined()

    /// The bundled course's `[[levels]]` tables, in playing order.
    private static let bundledLevels = [
        level("theta-bleed", "Overpaid vol", points: 50, withinLimits: true, briefing: """
            You own straddles bought at 30% implied, and the market only realizes 12%. Theta \
            will win whatever you do: the lesson is not to make it worse. Every hedge locks in a \
            little gamma and pays the spread; hedge when the delta is worth hedging, not every step.
            """),
        level("classic-scalp", "The classic scalp", points: 50, withinLimits: true, autoHedgeOff: true, briefing: """
            Realized beats implied: the gamma pays more than the theta costs, if you hedge the \
            moves. Sell stock into rallies and buy it back on dips, by hand, and keep the net delta \
            inside the limit.
            """),
        level("expensive-hedging", "Paying the spread", points: 50, withinLimits: true, maxTrades: 200, briefing: """
            The same edge, but every trade costs 10 bps and a cent a share. Hedging every step \
            hands the gamma to the market maker. Pick a band (A cycles the rules) and trade a few \
            times a day.
            """),
        level("trend-day", "Trend day", points: 50, briefing: """
            One day, one-minute steps, and the stock grinds higher. Hedging every tick sells the \
            move away in pieces; let the delta run a little with the trend and keep the gamma of \
            the whole move.
            """),
        level("jumps", "Gaps you cannot hedge", points: 50, withinLimits: true, briefing: """
            A quiet market that gaps about twice a month, mostly down. The hedge is always one gap \
            behind, so the P&L comes in lumps. Stay hedged between the gaps and do not chase them.
            """),
        level("stochastic-vol", "Vol that wanders", points: 50, withinLimits: true, briefing: """
            Realized vol is itself random: it clusters, mean-reverts and rises as the price falls. \
            Watch the rolling and EWMA estimates against implied (v changes the estimator) before \
            deciding how hard to hedge.
            """),
        level("vol-crush", "The earnings crush", points: 50, withinLimits: true, briefing: """
            An event straddle: implied is high ahead of earnings and falls back once they are out. \
            The gap's gamma must beat the vega lost. Hedge the gap when it comes, and watch what the \
            crush does to the book.
            """),
        level("short-gamma", "Short gamma", points: 50, withinLimits: true, briefing: """
            Now you are short the straddles: theta pays you every day and every hedge buys high and \
            sells low. A stressed spell can take back weeks of theta. Hedge with discipline and \
            respect the loss limit.
            """),
        level("btc-perp", "Bitcoin on a perp", points: 60, briefing: """
            Hedge BTC straddles with the perpetual: it trades around the clock, taker orders pay \
            5 bps and resting orders pay nothing. Try the ladder (L) and watch funding on its own line.
            """),
        level("size-and-impact", "A big book", points: 60, maxTrades: 500, briefing: """
            Fifty times the classic book: impact grows with size to the power 1.5, so a market order \
            every step pays dearly. Rest limit orders or hedge on a band, and trade less.
            """),
        level("overnight-gaps", "Nights and weekends", points: 50, briefing: """
            The market shuts at night and over the weekend, and a fifth of the variance comes while \
            you cannot trade. Go into the close hedged, and expect the open to move the P&L most.
            """),
    ]

    /// One `[[levels]]` table: the scenario, its title, the briefing (a TOML multi-line string,
    /// so it must not hold three quotes in a row) and what passing takes, each pass key only
    /// where it asks for something.
    private static func level(_ scenario: String, _ title: String, points: Int, withinLimits: Bool = false,
                              autoHedgeOff: Bool = false, maxTrades: Int? = nil, briefing: String) -> String {
        var lines = ["[[levels]]", "scenario = " + QuotedString.quote(scenario), "title = " + QuotedString.quote(title),
                     "briefing = \"\"\"\n" + briefing + "\"\"\"", "points = \(points)"]
        if withinLimits { lines.append("within_limits = true") }
        if autoHedgeOff { lines.append("auto_hedge_off = true") }
        if let maxTrades { lines.append("max_trades = \(maxTrades)") }
        return lines.joined(separator: "\n")
    }
}
