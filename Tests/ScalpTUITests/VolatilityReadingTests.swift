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

    func testPanelWithGarmanKlass() throws {
        var state = SnapshotTests.session()
        while state.volatilityReading != .garmanKlass { state.perform(.nextVolEstimator) }
        try assertGolden(Dashboard.render(state, width: 120, height: 40), "dashboard-garman-klass-120x40")
        try assertGolden(Dashboard.render(state, width: 80, height: 24), "dashboard-garman-klass-80x24")
    }
}
