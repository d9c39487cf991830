import ScalpEngine

/// A recorded session replayed to its end, kept step by step: what `export` and `report`
/// show. The journal samples ticks once a simulated hour; the replay has every step.
public struct ReplayTimeline: Sendable {
    /// The state at the end of one step: after its tick (and the auto-hedge) and after the
    /// trainee's actions at that step, just before the next tick.
    public struct Row: Sendable {
        public var step: Int
        /// Session time, years.
        public var time: Double
        public var spot: Double
        /// Options at implied vol plus stock, shares.
        public var netDelta: Double
        public var stockShares: Double
        /// Rolling-window and EWMA realized vol (annualised), nil before enough returns.
        public var realizedVol: Double?
        public var ewmaVol: Double?
        /// The bar of the step (open, high, low, close; re-derived by the replay from the seed),
        /// nil at step 0.
        public var bar: PriceBar?
        /// Each `RangeVolEstimator` over the session's window of bars (annualised), as the
        /// volatility panel shows it; an estimator is missing before it has enough bars.
        public var rangeVols: [RangeVolEstimator: Double]
        /// The book's vega-weighted implied vol (as bought, once every option has expired).
        public var impliedVol: Double
        /// Total P&L and its cumulative attribution, currency.
        public var pnl: Double
        public var attribution: PnLAttribution
        public var benchmarkPnL: Double
        public var benchmarkNetDelta: Double
        public var overDeltaLimit: Bool
        public var autoHedge: Bool
        public var hedgeRule: HedgeRule
        /// The trades made at this step, as indices into `trades`.
        public var trades: Range<Int>
    }

    public private(set) var rows: [Row] = []
    /// The trainee's trades, oldest first.
    public var trades: [Trade] { replay.trades }
    /// The trainee's option fills (the option ticket), oldest first.
    public var optionFills: [OptionFill] { replay.optionFills }
    /// The replay at the end of the recording (score, final session).
    public private(set) var replay: SessionReplay

    public init(_ script: ReplayScript) {
        replay = SessionReplay(script)
        var tradeStart = 0
        func capture(_ replay: SessionReplay) {
            rows.append(Self.row(replay, trades: tradeStart..<replay.trades.count))
            tradeStart = replay.trades.count
        }
        while let upcoming = replay.upcoming {
            // Everything at this step has happened once the next thing is a tick.
            if upcoming == .tick { capture(replay) }
            replay.next()
        }
        capture(replay)
    }

    public var training: TrainingSession { replay.training }

    private static func row(_ replay: SessionReplay, trades: Range<Int>) -> Row {
        let training = replay.training
        let session = training.trainee
        return Row(step: session.step, time: session.time, spot: session.spot, netDelta: session.netDelta,
                   stockShares: session.stockShares, realizedVol: session.rollingRealizedVol,
                   ewmaVol: session.ewmaRealizedVol, bar: session.step > 0 ? session.bars.latest : nil,
                   rangeVols: RangeVolEstimator.allCases.reduce(into: [:]) { $0[$1] = session.rangeRealizedVol($1) },
                   impliedVol: session.book.live.isEmpty ? session.openingImpliedVol : session.impliedVol,
                   pnl: session.pnl, attribution: session.attribution, benchmarkPnL: training.benchmark.pnl,
                   benchmarkNetDelta: training.benchmark.netDelta, overDeltaLimit: training.isOverDeltaLimit,
                   autoHedge: session.autoHedge, hedgeRule: session.hedgeRule, trades: trades)
    }
}
