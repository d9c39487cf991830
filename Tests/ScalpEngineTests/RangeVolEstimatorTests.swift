import Foundation
import Testing
@testable import ScalpEngine

/// The realized-vol estimators against theory, on GBM bars whose highs and lows come from the
/// exact Brownian bridge.
@Suite("Range-based realized vol")
struct RangeVolEstimatorTests {
    /// 30% vol, daily bars, zero log drift (μ = σ²/2): the setting the published
    /// efficiencies assume (Parkinson and Garman-Klass are unbiased only without drift).
    static let sigma = 0.3, dt = 1.0 / 252
    static let process = GeometricBrownianMotion(drift: sigma * sigma / 2, volatility: sigma)
    /// σ²·dt, the variance of one bar's log return.
    static let barVariance = sigma * sigma * dt

    /// 200,000 bars without overnight gaps, shared by the tests below.
    static let bars: [PriceBar] = {
        var rng = Xoshiro256StarStar(seed: 2024)
        return process.bars(from: 100, dt: dt, count: 200_000, using: &rng)
    }()

    static func statistics(_ estimator: RangeVolEstimator, _ bars: [PriceBar]) -> RunningStatistics {
        var stats = RunningStatistics()
        for bar in bars { stats.add(estimator.term(bar) ?? .nan) }
        return stats
    }

    /// Each per-bar variance term's mean is σ²dt within 4 standard errors. It is the
    /// variance that is unbiased (the vol, its square root, is biased low by Jensen).
    @Test(arguments: [RangeVolEstimator.closeToClose, .parkinson, .garmanKlass, .rogersSatchell])
    func varianceIsUnbiased(estimator: RangeVolEstimator) {
        let stats = Self.statistics(estimator, Self.bars)
        let standardError = stats.standardDeviation / Double(stats.count).squareRoot()
        #expect(abs(stats.mean - Self.barVariance) < 4 * standardError,
                "\(estimator.name): mean \(stats.mean) vs σ²dt \(Self.barVariance) (se \(standardError))")
        #expect(stats.minimum >= 0, "\(estimator.name) terms are never negative")
    }

    /// Efficiency = Var(close-to-close r²)/Var(estimator's term). Published (Garman and Klass,
    /// 1980): Parkinson 5.2, Garman-Klass 7.4, within 10%. The exact Parkinson figure,
    /// 2/(9ζ(3)/(16 ln²2) − 1) = 4.91 from E[range⁴] = 9ζ(3)·σ⁴dt², is also held within 5%.
    @Test func efficienciesMatchThePublishedOnes() {
        let closeToClose = Self.statistics(.closeToClose, Self.bars).variance
        let parkinson = closeToClose / Self.statistics(.parkinson, Self.bars).variance
        let garmanKlass = closeToClose / Self.statistics(.garmanKlass, Self.bars).variance
        let zeta3 = 1.2020569031595942
        let exactParkinson = 2 / (9 * zeta3 / (16 * M_LN2 * M_LN2) - 1)
        #expect(close(parkinson, 5.2, rel: 0.10), "Parkinson efficiency \(parkinson)")
        #expect(close(parkinson, exactParkinson, rel: 0.05), "Parkinson efficiency \(parkinson) vs exact \(exactParkinson)")
        #expect(close(garmanKlass, 7.4, rel: 0.10), "Garman-Klass efficiency \(garmanKlass)")
        #expect(close(Self.statistics(.closeToClose, Self.bars).variance, 2 * Self.barVariance * Self.barVariance, rel: 0.05),
                "Var(r²) = 2σ⁴dt² for a normal return")
    }

    /// With an overnight gap (variance half the day's), Yang-Zhang over 10-bar windows is
    /// unbiased for the whole close-to-close variance, and Parkinson, Garman-Klass and
    /// Rogers-Satchell for the open-to-close part only; each annualised (A = 252) and within
    /// 4 standard errors of the mean over 6,000 windows.
    @Test func yangZhangCountsTheGap() {
        let gap = 0.5 * Self.barVariance, window = 10
        var rng = Xoshiro256StarStar(seed: 77)
        let gapped = Self.process.bars(from: 100, dt: Self.dt, count: 60_000, overnightVariance: gap, using: &rng)
        let expected: [(RangeVolEstimator, Double)] = [
            (.yangZhang, 252 * (gap + Self.barVariance)), (.closeToClose, 252 * (gap + Self.barVariance)),
            (.parkinson, 252 * Self.barVariance), (.garmanKlass, 252 * Self.barVariance), (.rogersSatchell, 252 * Self.barVariance),
        ]
        for (estimator, target) in expected {
            var stats = RunningStatistics()
            for start in stride(from: 0, to: gapped.count, by: window) {
                stats.add(estimator.variance(of: gapped[start..<(start + window)], periodsPerYear: 252) ?? .nan)
            }
            let standardError = stats.standardDeviation / Double(stats.count).squareRoot()
            #expect(abs(stats.mean - target) < 4 * standardError, "\(estimator.name): \(stats.mean) vs \(target) (se \(standardError))")
        }
    }

    /// Rogers-Satchell does not depend on the drift: with a 200%-a-year log drift it stays
    /// unbiased while Parkinson reads high.
    @Test func rogersSatchellIgnoresTheDrift() {
        var rng = Xoshiro256StarStar(seed: 5)
        let trending = GeometricBrownianMotion(drift: 2 + Self.sigma * Self.sigma / 2, volatility: Self.sigma)
            .bars(from: 100, dt: Self.dt, count: 40_000, using: &rng)
        let rs = Self.statistics(.rogersSatchell, trending)
        #expect(abs(rs.mean - Self.barVariance) < 4 * rs.standardDeviation / Double(rs.count).squareRoot())
        let parkinson = Self.statistics(.parkinson, trending)
        #expect(parkinson.mean > Self.barVariance + 4 * parkinson.standardDeviation / Double(parkinson.count).squareRoot())
    }

    /// Yang-Zhang's k = 0.34/(1.34 + (n+1)/(n−1)) and its parts, on three hand-made bars:
    /// the same number computed term by term.
    @Test func yangZhangByHand() throws {
        let bars = [
            PriceBar(previousClose: 100, open: 101, high: 104, low: 99, close: 103),
            PriceBar(previousClose: 103, open: 102, high: 103.5, low: 98, close: 99),
            PriceBar(previousClose: 99, open: 99.5, high: 101, low: 97, close: 100.5),
        ]
        let o = bars.map { log($0.open / $0.previousClose) }, c = bars.map { log($0.close / $0.open) }
        func sampleVariance(_ x: [Double]) -> Double {
            let m = x.reduce(0, +) / 3
            return x.map { ($0 - m) * ($0 - m) }.reduce(0, +) / 2
        }
        let rs = bars.map { log($0.high / $0.close) * log($0.high / $0.open) + log($0.low / $0.close) * log($0.low / $0.open) }
        let k = 0.34 / (1.34 + 4.0 / 2.0)
        let expected = (252 * (sampleVariance(o) + k * sampleVariance(c) + (1 - k) * rs.reduce(0, +) / 3)).squareRoot()
        let got = try #require(RangeVolEstimator.yangZhang.volatility(of: bars[...], periodsPerYear: 252))
        #expect(close(got, expected, rel: 1e-14))
        #expect(RangeVolEstimator.yangZhang.volatility(of: bars[..<1], periodsPerYear: 252) == nil)
        #expect(RangeVolEstimator.parkinson.rollingVolatilities(of: bars, window: 2, periodsPerYear: 252).count == 2)
    }

    /// A close-only history reports close-to-close alone, equal to the bar-based figure.
    @Test func reportWithoutRangeColumns() throws {
        let text = try String(contentsOf: fixtureURL("goog-daily-ohlc.csv"), encoding: .utf8)
        let history = try PriceHistory.parse(csv: text, file: "goog.csv")
        let full = RealizedVolReport(history: history, window: 21)
        #expect(full.rows == 1047 && full.periodsPerYear == 252 && full.missingColumns.isEmpty)
        #expect(full.fullSample.count == 5 && full.rolling.count == 5)
        var bare = history
        bare.opens = nil
        bare.highs = nil
        bare.lows = nil
        let closesOnly = RealizedVolReport(history: bare, window: 21)
        #expect(closesOnly.missingColumns == ["open", "high", "low"])
        #expect(Array(closesOnly.fullSample.keys) == [.closeToClose] && Array(closesOnly.rolling.keys) == [.closeToClose])
        let a = try #require(closesOnly.fullSample[.closeToClose]), b = try #require(full.fullSample[.closeToClose])
        #expect(close(a, b, rel: 1e-14))
        #expect(closesOnly.rolling[.closeToClose].map { close($0.mean, full.rolling[.closeToClose]!.mean, rel: 1e-13) } == true)
    }

    /// The report's one pass over the bars gives, to the bit, what each estimator gives on the
    /// whole file and on every window's run of bars taken apart.
    @Test(arguments: [2, 5, 21, 63])
    func reportIsEachEstimatorOnEveryWindow(window: Int) throws {
        let text = try String(contentsOf: fixtureURL("goog-daily-ohlc.csv"), encoding: .utf8)
        let history = try PriceHistory.parse(csv: text, file: "goog.csv")
        let bars = try #require(history.bars)
        let report = RealizedVolReport(history: history, window: window)
        for estimator in RangeVolEstimator.allCases {
            #expect(report.fullSample[estimator] == estimator.volatility(of: bars[...], periodsPerYear: 252))
            let values = estimator.rollingVolatilities(of: bars, window: window, periodsPerYear: 252)
            #expect(report.rolling[estimator] == RollingVolSummary(values))
        }
    }

    /// An intraday file with a night: `vol`'s close-to-close leaves out the return across it
    /// (as the session's estimators do), so a 4% gap does not count as one bar's move; the
    /// range estimators read bars' own ranges and Yang-Zhang keeps the night by design.
    @Test func reportSkipsTheNightInCloseToClose() throws {
        let history = try TwoDayIntradayFile.history()
        let report = RealizedVolReport(history: history, window: 5)
        #expect(report.nightsSkipped == 1)
        let day = TwoDayIntradayFile.dayReturns
        let expected = (history.periodsPerYear * day.map { $0 * $0 }.reduce(0, +) / Double(day.count)).squareRoot()
        let full = try #require(report.fullSample[.closeToClose])
        #expect(abs(full - expected) <= 1e-12 * expected)
        let withNight = RangeVolEstimator.closeToCloseVolatility(returns: history.logReturns[...], periodsPerYear: history.periodsPerYear)
        #expect(full < 0.5 * (withNight ?? 0))
    }
}
