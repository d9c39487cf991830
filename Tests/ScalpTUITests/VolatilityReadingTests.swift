import XCTest
import ScalpEngine
import ScalpFormat
@testable import ScalpTUI

/// `v` cycles the volatility panel's estimate: close-to-close, EWMA and the four range
/// estimators on the session's bars, each shown against implied.
final class VolatilityReadingTests: XCTestCase {
    func testVCyclesEveryEstimatorAndBack() {
        var state = SnapshotTests.session()
        var seen: [VolatilityReading] = [state.volatilityReading]
        for _ in VolatilityReading.allCases {
            state.handle(.character("v"))
            seen.append(state.volatilityReading)
        }
        XCTAssertEqual(seen, [.closeToClose, .ewma, .parkinson, .garmanKlass, .rogersSatchell, .yangZhang, .closeToClose])
        XCTAssertEqual(KeyMap.standard.command(for: .character("v")), .nextVolEstimator)
    }

    /// The figure the panel leads with is `RangeVolEstimator` on the session's last window of
    /// bars, annualised by the step, and the gap is it minus implied.
    func testPanelShowsTheEstimatorOnTheSessionBars() throws {
        var state = SnapshotTests.session()
        let session = state.session
        let bars = Array(session.bars.recent)
        XCTAssertEqual(bars.count, session.config.volatilityWindow)
        for reading in VolatilityReading.allCases.dropFirst(2) {
            while state.volatilityReading != reading { state.perform(.nextVolEstimator) }
            let estimator = try XCTUnwrap(reading.rangeEstimator)
            let expected = try XCTUnwrap(estimator.volatility(of: bars[...], periodsPerYear: 1 / session.config.timeStep))
            XCTAssertEqual(reading.value(in: session), expected)
            let text = Dashboard.render(state, width: 120, height: 40).text
            let implied = try XCTUnwrap(ScreenSnapshot(state).impliedVol)
            XCTAssertTrue(text.contains("\(estimator.name) \(Format.percent(expected))  realized "), "\(estimator.name)\n\(text)")
            XCTAssertTrue(text.contains("gap \(Format.points(expected - implied)) pts"), estimator.name)
        }
    }

    /// The chart's line for a range estimator is, at every step, `RangeVolEstimator` on the
    /// session's window of bars as it stood then, bit for bit, across the equity calendar's
    /// closures (steps that make no bar); memory stays at the history's capacity.
    func testChartHistoryIsTheEstimatorAtEachStep() throws {
        let scenario = try XCTUnwrap(Scenario.builtIn.first { $0.name == "overnight-gaps" })
        var state = AppState(PlaySettings(scenario: scenario, seed: 5, startPaused: true), historyCapacity: 50)
        let periodsPerYear = 1 / state.session.config.timeStep
        var checked = 0
        while checked < 400, !state.session.isFinished {
            state.advance(steps: 1)
            let bars = Array(state.session.bars.recent)
            for reading in VolatilityReading.allCases {
                let series = state.history.realizedVols(reading)
                XCTAssertLessThanOrEqual(series.count, 50)
                XCTAssertEqual(series.count, state.history.count)
                guard let estimator = reading.rangeEstimator else { continue }
                let expected = estimator.volatility(of: bars[...], periodsPerYear: periodsPerYear)
                let last = try XCTUnwrap(series.last)
                if let expected { XCTAssertEqual(last, expected, "\(estimator.name) step \(state.session.step)") } else { XCTAssertTrue(last.isNaN) }
            }
            checked += 1
        }
        XCTAssertGreaterThan(state.session.bars.made, state.session.config.volatilityWindow, "the window slid")
        XCTAssertEqual(state.history.realizedVols(.closeToClose), state.history.rollingVols)
        XCTAssertEqual(state.history.realizedVols(.ewma), state.history.ewmaVols)
    }

    /// Cycling `v` changes the chart's line, and the title names the estimator it draws.
    func testChartFollowsTheEstimator() {
        var state = SnapshotTests.session()
        var charts: Set<String> = []
        for reading in VolatilityReading.allCases {
            while state.volatilityReading != reading { state.perform(.nextVolEstimator) }
            for (width, height, name) in [(120, 40, reading.name), (80, 24, reading.shortName)] {
                let lines = Dashboard.render(state, width: width, height: height).text.split(separator: "\n")
                guard let top = lines.firstIndex(where: { $0.contains("Volatility") }) else { return XCTFail("no panel") }
                XCTAssertEqual(lines[top].contains("Volatility · \(name) "), reading != .closeToClose, "\(lines[top])")
                let panelWidth = lines[top].firstIndex(of: "╮").map { lines[top].distance(from: lines[top].startIndex, to: $0) } ?? width
                let chart = lines[(top + 2)...].prefix { !$0.hasPrefix("╰") }.map { String($0.prefix(panelWidth)) }
                if width == 120 { charts.insert(chart.joined(separator: "\n")) }
            }
        }
        XCTAssertEqual(charts.count, VolatilityReading.allCases.count, "each estimator draws its own line")
    }

    func testPanelWithGarmanKlass() throws {
        var state = SnapshotTests.session()
        while state.volatilityReading != .garmanKlass { state.perform(.nextVolEstimator) }
        try assertGolden(Dashboard.render(state, width: 120, height: 40), "dashboard-garman-klass-120x40")
        try assertGolden(Dashboard.render(state, width: 80, height: 24), "dashboard-garman-klass-80x24")
    }
}
