import XCTest
import ScalpEngine
import ScalpFormat
@testable import ScalpTUI

/// Working limit orders on the price chart: a line per order in view, labelled with its side and price.
final class WorkingOrdersTests: XCTestCase {
    func testRestingOrdersAreLinesOnThePriceChart() {
        var state = SnapshotTests.session()
        let spot = state.session.spot
        let buy = (spot * 0.999 * 100).rounded() / 100, sell = (spot * 1.001 * 100).rounded() / 100
        state.apply(.placeLimit(shares: 100, price: buy))
        state.apply(.placeLimit(shares: -100, price: sell))
        let text = Dashboard.render(state, width: 120, height: 40).text
        XCTAssertTrue(text.contains("B " + Format.number(buy, 2)), text)
        XCTAssertTrue(text.contains("S " + Format.number(sell, 2)), text)
        XCTAssertTrue(text.contains("╌"))
        state.apply(.cancelOrders)
        XCTAssertFalse(Dashboard.render(state, width: 120, height: 40).text.contains("╌"))
    }
}
