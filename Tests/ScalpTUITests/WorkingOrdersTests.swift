import XCTest
import ScalpEngine
import ScalpFormat
import ScalpJournal
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

    func testOrderKeysRestCancelAndToggleTheLadder() {
        var state = SnapshotTests.session()
        let quote = state.session.quote
        state.handle(.character("B"))
        state.handle(.character("S"))
        let orders = state.session.desk.orders
        XCTAssertEqual(orders.count, 2)
        XCTAssertEqual(orders[0].shares, state.session.lotSize)
        XCTAssertEqual(orders[0].price, quote.bid - 0.02, accuracy: 1e-9)
        XCTAssertEqual(orders[1].price, quote.ask + 0.02, accuracy: 1e-9)
        state.handle(.character("C"))
        XCTAssertTrue(state.session.desk.orders.isEmpty)
        let before = state.session.hedgeRule
        state.handle(.character("L"))
        XCTAssertTrue(state.session.hedgeRule.restsOrders)
        XCTAssertTrue(state.session.autoHedge)
        state.advance(steps: 1)
        XCTAssertEqual(state.session.desk.orders.filter(\.isLadder).count, 2, "the ladder lays a sell and a buy")
        state.handle(.character("L"))
        XCTAssertFalse(state.session.hedgeRule.restsOrders)
        XCTAssertEqual(state.session.hedgeRule, before)
        XCTAssertTrue(state.session.desk.orders.isEmpty)
    }
}

/// The summary's cost parts: shown, journaled and read back when the execution layer ran.
final class CostPartsSummaryTests: XCTestCase {
    func testLimitFillsPutCostPartsInTheSummaryAndTheEndLine() throws {
        var state = SnapshotTests.session()
        let spot = state.session.spot
        state.apply(.placeLimit(shares: 100, price: spot * 1.0002))
        state.advance(steps: 1)
        XCTAssertEqual(state.session.desk.costs.limitFills, 1)
        state.perform(.quit)
        let text = Dashboard.render(state, width: 120, height: 40).text
        XCTAssertTrue(text.contains("Cost parts"), text)
        let summary = SessionSummary(state.session)
        let parts = try XCTUnwrap(summary.costParts)
        XCTAssertEqual(parts.limitFills, 1)
        let line = JournalLine.end(JournalEnd(reason: .quit, summary: summary))
        guard case .end(let read)? = try JournalLine.decode(Data(line.text.utf8)) else { return XCTFail(line.text) }
        var journaled = parts  // the end line keeps the parts and the fills, not the desk's own tallies
        journaled.sharesFilled = 0
        journaled.latencySlippage = 0
        XCTAssertEqual(read.summary.costParts, journaled)
    }
}

/// Golden screens of a market with a quote: size-and-impact's impact book shows its depth at
/// the touch, two orders placed by key and the ladder's two rest on the chart and in the blotter.
final class WorkingOrdersSnapshotTests: XCTestCase {
    static func state() throws -> AppState {
        var state = AppState(PlaySettings(scenario: try XCTUnwrap(Scenario.named("size-and-impact")), seed: 3,
                                          startPaused: true))
        state.advance(steps: 12)
        state.handle(.character("B"))
        state.handle(.character(">"))
        state.handle(.character(">"))
        state.handle(.character("S"))
        return state
    }

    func testOrdersAndTheQuoteAtThreeSizes() throws {
        let state = try Self.state()
        XCTAssertEqual(state.orderEntry.ticks, 5)
        XCTAssertEqual(state.session.desk.orders.count, 4, "two by hand, two by the ladder")
        for (width, height) in [(80, 24), (120, 40), (150, 45)] {
            let grid = Dashboard.render(state, width: width, height: height)
            try assertGolden(grid, "orders-\(width)x\(height)")
            XCTAssertTrue(grid.text.contains("4 working"), grid.text)
            if width >= 120 {
                let quote = state.session.quote
                let size = PriceChart.sizeText(quote.touchSize)
                XCTAssertTrue(grid.text.contains(Format.number(quote.bid, 2) + " × " + size + " / "), grid.text)
                XCTAssertTrue(grid.text.contains("◦ SELL") && grid.text.contains("5t 0m by hand"), grid.text)
                XCTAssertTrue(grid.text.contains("limit 5t"), grid.text)
            }
        }
    }

    /// The tick distance: `<` and `>` step it, B rests that many ticks under the bid.
    func testTheDistanceKeysMoveTheLimitPrice() throws {
        var state = SnapshotTests.session()
        for _ in 0..<3 { state.handle(.character("<")) }
        XCTAssertEqual(state.orderEntry.ticks, 0, "no nearer than the touch")
        state.handle(.character(">"))
        state.handle(.character(">"))
        state.handle(.character(">"))
        XCTAssertEqual(state.orderEntry.ticks, 3)
        let quote = state.session.quote
        state.handle(.character("B"))
        XCTAssertEqual(try XCTUnwrap(state.session.desk.orders.last).price, quote.bid - 0.03, accuracy: 1e-9)
        for _ in 0..<20 { state.handle(.character(">")) }
        XCTAssertEqual(state.orderEntry.ticks, OrderEntry.distances.last)
    }
}
