import ScalpEngine

/// A recorded session replayed to its end, kept step by step: what `export` and `report`
/// show. The journal samples ticks once a simulated hour; the replay has every step.
struct ReplayTimeline {
    /// The state at the end of one step: after its tick (and the auto-hedge) and after the
    /// trainee's actions at that step, just before the next tick.
    struct Row {
        var step: Int
        /// Session time, years.
        var time: Double
        var spot: Double
        /// Options at implied vol plus stock, shares.
        var netDelta: Double
        var stockShares: Double
        /// Rolling-window and EWMA realized vol (annualised), nil before enough returns.
        var realizedVol: Double?
        var ewmaVol: Double?
        /// The book's vega-weighted implied vol (as bought, once every option has expired).
        var impliedVol: Double
        /// Total P&L and its cumulative attribution, currency.
        var pnl: Double
        var attribution: PnLAttribution
        var benchmarkPnL: Double
        var benchmarkNetDelta: Double
        var overDeltaLimit: Bool
        var autoHedge: Bool
        var hedgeRule: HedgeRule
        /// The trades made at this step, as indices into `trades`.
        var trades: Range<Int>
    }

    var rows: [Row] = []
    /// The trainee's trades, oldest first.
    var trades: [Trade] { replay.trades }
    /// The replay at the end of the recording (score, final session).
    private(set) var replay: SessionReplay

    init(_ script: ReplayScript) {
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

    var training: TrainingSession { replay.training }

    private static func row(_ replay: SessionReplay, trades: Range<Int>) -> Row {
        let training = replay.training
        let session = training.trainee
        return Row(step: session.step, time: session.time, spot: session.spot, netDelta: session.netDelta,
                   stockShares: session.stockShares, realizedVol: session.rollingRealizedVol,
                   ewmaVol: session.ewmaRealizedVol,
                   impliedVol: session.book.live.isEmpty ? session.openingImpliedVol : session.impliedVol,
                   pnl: session.pnl, attribution: session.attribution, benchmarkPnL: training.benchmark.pnl,
                   benchmarkNetDelta: training.benchmark.netDelta, overDeltaLimit: training.isOverDeltaLimit,
                   autoHedge: session.autoHedge, hedgeRule: session.hedgeRule, trades: trades)
    }
}
