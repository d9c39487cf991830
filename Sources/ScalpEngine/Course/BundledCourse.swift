/// The course that ships with gammascalp: the built-in scenarios in teaching order, from
/// what long gamma costs to hedging a big book through gaps. `course --show` prints this text
/// as a starting point for an instructor's own course.
extension Course {
    /// The bundled course (a test parses it, with every level's scenario).
    public static let bundled: Course = {
        do {
            return try CourseFile.parse(bundledText, file: "bundled course")
        } catch {
            fatalError("the bundled course does not parse: \(error)") // a test parses it
        }
    }()

    public static let bundledText = """
        # The bundled course: each level opens when the one before it is passed.
        name = "first-desk"
        title = "First desk"
        description = "Eleven sessions from paying for gamma to hedging a big book through gaps."

        [[levels]]
        scenario = "theta-bleed"
        title = "Overpaid vol"
        briefing = \"\"\"
        You own straddles bought at 30% implied, and the market only realizes 12%. Theta \
        will win whatever you do: the lesson is not to make it worse. Every hedge locks in a \
        little gamma and pays the spread; hedge when the delta is worth hedging, not every step.\"\"\"
        points = 50
        within_limits = true

        [[levels]]
        scenario = "classic-scalp"
        title = "The classic scalp"
        briefing = \"\"\"
        Realized beats implied: the gamma pays more than the theta costs, if you hedge the \
        moves. Sell stock into rallies and buy it back on dips, by hand, and keep the net delta \
        inside the limit.\"\"\"
        points = 50
        within_limits = true
        auto_hedge_off = true

        [[levels]]
        scenario = "expensive-hedging"
        title = "Paying the spread"
        briefing = \"\"\"
        The same edge, but every trade costs 10 bps and a cent a share. Hedging every step \
        hands the gamma to the market maker. Pick a band (A cycles the rules) and trade a few \
        times a day.\"\"\"
        points = 50
        within_limits = true
        max_trades = 200

        [[levels]]
        scenario = "trend-day"
        title = "Trend day"
        briefing = \"\"\"
        One day, one-minute steps, and the stock grinds higher. Hedging every tick sells the \
        move away in pieces; let the delta run a little with the trend and keep the gamma of \
        the whole move.\"\"\"
        points = 50

        [[levels]]
        scenario = "jumps"
        title = "Gaps you cannot hedge"
        briefing = \"\"\"
        A quiet market that gaps about twice a month, mostly down. The hedge is always one gap \
        behind, so the P&L comes in lumps. Stay hedged between the gaps and do not chase them.\"\"\"
        points = 50
        within_limits = true

        [[levels]]
        scenario = "stochastic-vol"
        title = "Vol that wanders"
        briefing = \"\"\"
        Realized vol is itself random: it clusters, mean-reverts and rises as the price falls. \
        Watch the rolling and EWMA estimates against implied (v changes the estimator) before \
        deciding how hard to hedge.\"\"\"
        points = 50
        within_limits = true

        [[levels]]
        scenario = "vol-crush"
        title = "The earnings crush"
        briefing = \"\"\"
        An event straddle: implied is high ahead of earnings and falls back once they are out. \
        The gap's gamma must beat the vega lost. Hedge the gap when it comes, and watch what the \
        crush does to the book.\"\"\"
        points = 50
        within_limits = true

        [[levels]]
        scenario = "short-gamma"
        title = "Short gamma"
        briefing = \"\"\"
        Now you are short the straddles: theta pays you every day and every hedge buys high and \
        sells low. A stressed spell can take back weeks of theta. Hedge with discipline and \
        respect the loss limit.\"\"\"
        points = 50
        within_limits = true

        [[levels]]
        scenario = "btc-perp"
        title = "Bitcoin on a perp"
        briefing = \"\"\"
        Hedge BTC straddles with the perpetual: it trades around the clock, taker orders pay \
        5 bps and resting orders pay nothing. Try the ladder (L) and watch funding on its own line.\"\"\"
        points = 60

        [[levels]]
        scenario = "size-and-impact"
        title = "A big book"
        briefing = \"\"\"
        Fifty times the classic book: impact grows with size to the power 1.5, so a market order \
        every step pays dearly. Rest limit orders or hedge on a band, and trade less.\"\"\"
        points = 60
        max_trades = 500

        [[levels]]
        scenario = "overnight-gaps"
        title = "Nights and weekends"
        briefing = \"\"\"
        The market shuts at night and over the weekend, and a fifth of the variance comes while \
        you cannot trade. Go into the close hedged, and expect the open to move the P&L most.\"\"\"
        points = 50
        """
}
