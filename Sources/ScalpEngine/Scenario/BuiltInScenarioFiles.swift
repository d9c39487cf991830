/// The built-in scenarios as scenario files: the source of truth for `Scenario.builtIn`,
/// parsed by `ScenarioFile.parse` like a user's file. Keys and units are in the README's
/// scenario reference; `gammascalp scenarios --show NAME` prints any of them, fully commented.
/// A section several scenarios share word for word is written once, in `+Market` or `+Desk`,
/// and interpolated.
enum BuiltInScenarioFiles {
    /// Default first.
    static let texts = [
        classicScalp, thetaBleed, shortGamma, trendDay, jumps, stochasticVol, volCrush, expensiveHedging,
        btcPerp, sizeAndImpact, overnightGaps,
    ]

    static let classicScalp = """
        name = "classic-scalp"
        description = "Long 10 ATM straddles, 30 days, bought at 20% implied; the market realizes 25%."
        goal = "Realized above implied: hedge the moves and the gamma pays more than the theta costs."

        \(hundredDollarStock)
        dividend = 0
        step_minutes = 5
        days = 30

        [process]
        kind = "gbm"
        vol = 0.25

        [implied]
        atm_vol = 0.20

        \(atTheMoneyStraddles)
        expiry_days = 30
        quantity = 10
        multiplier = 100
        implied_vol = 0.20

        \(handHedgedBand)

        [limits]
        net_delta = 1500

        \(tenStraddleTraining)

        [session]
        speed = 10
        vol_window = 288
        ewma_half_life = 144
        """

    static let thetaBleed = """
        name = "theta-bleed"
        description = "Long 10 ATM straddles bought at 30% implied in a flat market that realizes 12%."
        goal = "Realized below implied: every hedge locks in a little gamma, but theta bleeds faster; trading more cannot fix a vol you overpaid."

        [market]
        spot = 100
        drift = 0
        rate = 0.05
        step_minutes = 5
        days = 10

        [process]
        kind = "gbm"
        vol = 0.12

        \(atTheMoneyStraddles)
        expiry_days = 30
        quantity = 10
        implied_vol = 0.30

        \(handHedgedTenStraddles)
        """

    static let shortGamma = """
        name = "short-gamma"
        description = "Short 10 ATM straddles sold at 25% implied, 15 days to expiry; the market is calm at 15% but can flip into a 45% stress spell (about a 1-in-5 chance in the 15 days)."
        goal = "Short gamma: theta pays you every day, but every hedge buys high and sells low, and one stressed spell takes back weeks of theta; hedge with discipline and respect the loss limit."

        \(hundredDollarStock)
        step_minutes = 5
        days = 15

        [process]
        kind = "regime"
        calm_vol = 0.15
        stressed_vol = 0.45
        calm_to_stressed = 6
        stressed_to_calm = 36
        start = "calm"

        \(atTheMoneyStraddles)
        expiry_days = 15
        quantity = -10
        implied_vol = 0.25

        \(handHedgedBand)

        [limits]
        net_delta = 1500
        loss = 3000

        \(tenStraddleTraining)

        \(fiveMinuteEstimators)
        """

    static let trendDay = """
        name = "trend-day"
        description = "One day of one-minute steps: the stock grinds about 3% higher on 15% vol; long 10 ATM straddles, 7 days, at 20% implied."
        goal = "In a trend, hedging every tick sells the move away in small pieces; a wider band lets the delta run with the trend and keeps the gamma of the whole move."

        [market]
        spot = 100
        drift = 10.95
        rate = 0.05
        step_minutes = 1
        days = 1

        [process]
        kind = "gbm"
        vol = 0.15

        \(atTheMoneyStraddles)
        expiry_days = 7
        quantity = 10
        implied_vol = 0.20

        \(stockHedgingCosts)
        policy = "band:600"
        auto = false

        \(tenStraddleTraining)

        [session]
        speed = 5
        vol_window = 60
        ewma_half_life = 30
        """

    static let jumps = """
        name = "jumps"
        description = "A quiet 15%-vol market that gaps about twice a month, mostly down; long 10 ATM straddles and 10 95-strike puts priced on a skew that lifts as the price falls."
        goal = "Jumps cannot be hedged: the hedge is always one gap behind. Long gamma earns its P&L in a few jumps, so it is lumpy and skewed, and realized vol from the quiet steps understates the risk."

        \(hundredDollarStock)
        step_minutes = 5
        days = 30

        [process]
        kind = "merton"
        vol = 0.15
        jump_intensity = 24
        jump_mean = -0.02
        jump_stdev = 0.04

        [implied]
        atm_vol = 0.24
        skew_slope = -0.15
        skew_curvature = 0.5
        # A sell-off lifts implied vol: a -6% gap adds 2.5 points at the money, more than the
        # skew takes off the 95 put as it moves nearer the money.
        spot_vol_beta = -0.4

        \(atTheMoneyStraddles)
        expiry_days = 30
        quantity = 10

        [[book]]
        kind = "put"
        strike = 95
        expiry_days = 30
        quantity = 10

        \(handHedgedBand)

        [limits]
        net_delta = 2000

        \(tenStraddleTraining)

        \(fiveMinuteEstimators)
        """

    static let stochasticVol = """
        name = "stochastic-vol"
        description = "Heston market: vol starts at 20%, wanders around 25% and rises as the price falls; long 10 ATM straddles at 22% implied, which drifts too and follows the market's vol down and up."
        goal = "Realized vol is itself random: it clusters, mean-reverts and moves against the price. Watch the rolling and EWMA estimates against implied before deciding how hard to hedge."

        \(hundredDollarStock)
        step_minutes = 5
        days = 30

        [process]
        kind = "heston"
        initial_variance = 0.04
        long_run_variance = 0.0625
        mean_reversion = 3
        vol_of_vol = 0.6
        correlation = -0.7
        scheme = "qe"

        [implied]
        atm_vol = 0.22
        dynamics = "mean-reverting"
        speed = 4
        long_run = 0.22
        vol_of_vol = 0.15
        # Implied vol follows the Heston market down and up: with rho = -0.7 and vol of vol 0.6
        # around 25%, instantaneous vol moves about rho*xi/(2*sigma) = -0.84 per unit of log
        # return; a 30-day implied averages the mean-reverting path, about 0.88 of that.
        spot_vol_beta = -0.74

        \(atTheMoneyStraddles)
        expiry_days = 30
        quantity = 10

        \(handHedgedTenStraddles)
        """

    static let volCrush = """
        name = "vol-crush"
        description = "Long 10 ATM 14-day straddles at about 60% implied ahead of earnings after day 2: 31% of it is the term structure's, the rest an 8% move priced in. The stock gaps 6% lower and, the event behind it, the straddle's implied falls back to the term's 31%."
        goal = "An event straddle pays only if the move beats the move priced in: the gap's gamma gain is smaller than the vega lost when the event's variance leaves the calendar."

        \(hundredDollarStock)
        step_minutes = 5
        days = 5

        [process]
        kind = "gbm"
        vol = 0.30

        [implied]

        [[implied.term]]
        expiry_days = 7
        atm_vol = 0.32

        [[implied.term]]
        expiry_days = 30
        atm_vol = 0.30

        [[events]]
        after_days = 2
        label = "earnings"
        price_jump = -0.06
        event_move = 0.08

        \(atTheMoneyStraddles)
        expiry_days = 14
        quantity = 10

        \(handHedgedTenStraddles)
        """

    static let expensiveHedging = """
        name = "expensive-hedging"
        description = "Long 10 ATM straddles at 20% implied, realized 25%, in a stock with a wide spread: 10 bps each way plus a cent a share."
        goal = "When trading is expensive, hedging every step spends more than the whole gamma profit on the spread; a delta band trades a few times a day and stays profitable. The wider the band, the more it keeps and the more it risks."

        \(quarterHourMarket)

        \(atTheMoneyStraddles)
        expiry_days = 10
        quantity = 10
        implied_vol = 0.20

        [hedging]
        lot = 10
        cost_bps = 10
        fee = 0.01
        policy = "band:300"
        auto = true
        benchmark = "every:1"

        [limits]
        net_delta = 1000

        \(tenStraddleTraining)

        [session]
        vol_window = 96
        ewma_half_life = 48
        """

    static let btcPerp = """
        name = "btc-perp"
        description = "Long 2 BTC ATM straddles, 14 days, at 60% implied, hedged with the perpetual: funding 10% a year, maker 0, taker 5 bps."
        goal = "A perp trades 24/7 with no cash borrowed; resting a ladder of limit orders pays no spread and no taker fee, and funding is its own line: the short perp receives it, the long pays."

        [market]
        spot = 60000
        drift = 0
        rate = 0
        step_minutes = 5
        days = 14

        [process]
        kind = "gbm"
        vol = 0.65

        [[book]]
        kind = "straddle"
        strike = 60000
        expiry_days = 14
        quantity = 2
        multiplier = 1
        implied_vol = 0.60

        [hedging]
        lot = 0
        cost_bps = 1
        fee = 0
        policy = "ladder:0.01"
        auto = true
        benchmark = "every:1"

        [execution]
        venue = "crypto-perp"
        unit = "BTC"
        maker_fee_bps = 0
        taker_fee_bps = 5
        funding_rate = 0.1
        funding_interval_hours = 8

        \(fiveMinuteEstimators)
        """

    static let sizeAndImpact = """
        name = "size-and-impact"
        description = "Long 500 ATM straddles at 20% implied, realized 25%: fifty times the classic book, in a stock trading 2 million shares a day."
        goal = "Impact grows as size^1.5: hedging a big book with a market order every step pays it on every trade; a ladder of resting orders or a band trades less and keeps the gamma."

        \(quarterHourMarket)

        \(atTheMoneyStraddles)
        expiry_days = 10
        quantity = 500
        implied_vol = 0.20

        \(stockHedgingCosts)
        policy = "ladder:0.005"
        auto = true
        benchmark = "every:1"

        [execution]
        impact = 1
        daily_volume = 2000000

        [training]
        # λ is an absolute risk aversion: a desk holding fifty times the classic book takes
        # fifty times its risk in currency, so λ is the classic 0.001 over 50.
        risk_aversion = 0.00002

        [session]
        vol_window = 96
        ewma_half_life = 48
        """

    static let overnightGaps = """
        name = "overnight-gaps"
        description = "Long 10 ATM straddles at 20% implied on a stock that realizes 20%, trading 6.5 hours a day, Monday to Friday: a fifth of each day's variance comes while the market is shut."
        goal = "Hedging every step cannot hedge a gap: nights and weekends move the price with no chance to trade, so most of the hedger's P&L swings come from the opens, not the day."

        \(hundredDollarStock)
        step_minutes = 7.5
        days = 10

        [process]
        kind = "gbm"
        vol = 0.20

        \(atTheMoneyStraddles)
        expiry_days = 10
        quantity = 10
        implied_vol = 0.20

        \(stockHedgingCosts)
        policy = "every:1"
        auto = true
        benchmark = "every:1"

        [execution]
        calendar = "equity"
        overnight_variance = 0.2

        [session]
        speed = 10
        vol_window = 104
        ewma_half_life = 52
        """
}
