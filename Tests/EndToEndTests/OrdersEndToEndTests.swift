import Foundation
import XCTest

/// Resting orders by key in the real binary: placed a chosen number of ticks from the touch,
/// shown as a line on the chart and a row in the blotter, cancelled, and journaled.
final class OrdersEndToEndTests: TmuxTestCase {
    func testPlaceShowAndCancelAnOrder() throws {
        session = try TmuxSession(width: 120, height: 40)
        let journal = session.home.appendingPathComponent("journal.jsonl")
        try session.type("\(binary) --journal \(journal.path) --no-intro --scenario size-and-impact --seed 3 --paused; echo EXIT=$?")
        // The quote with its displayed size, and the ladder's two orders from time 0.
        XCTAssertNotNil(session.wait { $0.contains(" × 51 / ") && $0.contains("2 working") }, session.capture())
        try session.keys(">")
        XCTAssertNotNil(session.wait { $0.contains("limit 3t") }, session.capture())
        try session.keys("B")
        let placed = session.wait { $0.contains("3 working") && $0.contains("◦ BUY  100 @ ") }
        XCTAssertNotNil(placed, session.capture())
        // Its line on the chart: B and its price, the dashes of a working order.
        let row = try XCTUnwrap(placed?.split(separator: "\n").first { $0.contains("◦ BUY  100 @ ") })
        let price = try XCTUnwrap(row.split(separator: "@").last?.split(separator: " ").first)
        XCTAssertTrue(placed!.contains("B " + price + "╌"), placed!)
        XCTAssertTrue(row.contains(" 3t 0m by hand"), String(row))
        try session.keys("C")
        XCTAssertNotNil(session.wait { !$0.contains("working") && !$0.contains("╌") }, session.capture())
        try session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("Press Enter, Esc or q to close") }, "no summary")
        try session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("EXIT=0") }, session.capture())

        let lines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        let hand = lines.filter { $0.contains(#""ladder":false"#) }
        XCTAssertEqual(hand.filter { $0.hasPrefix(#"{"type":"order""#) }.count, 1, hand.joined(separator: "\n"))
        XCTAssertEqual(hand.filter { $0.hasPrefix(#"{"type":"cancel""#) }.count, 1, hand.joined(separator: "\n"))
        XCTAssertTrue(lines.contains { $0.contains(#""action":"place_limit""#) && $0.contains(#""price":"# + price) })
        XCTAssertTrue(lines.contains { $0.contains(#""action":"cancel_orders""#) })
        let verify = try runProcess(binary, ["replay", "--verify", journal.path])
        XCTAssertEqual(verify.status, 0, verify.stderr)
    }
}
