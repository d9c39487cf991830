import Foundation
import XCTest
import ScalpEngine
import ScalpFormat
import ScalpJournal
@testable import ScalpTUI

/// The journal records every limit order placed, filled and cancelled (by hand and by the
/// ladder), and `replay --verify` checks them against the replay bit for bit.
final class OrderJournalTests: XCTestCase {
    /// A session with hand orders one tick off the touch (both fill), a cancel, and the ladder
    /// resting its orders to the end: its journal.
    static func journal() -> String {
        var state = AppState(PlaySettings(scenario: .classicScalp, seed: 11, startPaused: true))
        state.advance(steps: 20)
        state.handle(.character("B"))
        state.handle(.character("S"))
        state.advance(steps: 40)
        state.handle(.character("C"))
        state.handle(.character("L"))
        state.advance(steps: 400)
        state.perform(.quit)
        return state.takeEvents().map { $0.text + "\n" }.joined()
    }

    static func orderLines(_ text: String, _ type: String) -> [Substring] {
        text.split(separator: "\n").filter { $0.hasPrefix(#"{"type":"\#(type)""#) }
    }

    func testOrdersFillsAndCancelsAreJournaledAndVerify() throws {
        let text = Self.journal()
        let placed = Self.orderLines(text, "order"), fills = Self.orderLines(text, "fill")
        let cancels = Self.orderLines(text, "cancel")
        XCTAssertGreaterThanOrEqual(placed.count, 3, "two by hand, at least one by the ladder")
        XCTAssertTrue(placed.contains { $0.contains(#""ladder":true"#) } && placed.contains { $0.contains(#""ladder":false"#) })
        XCTAssertGreaterThanOrEqual(fills.count, 2, "the hand orders, a tick off the touch, fill")
        XCTAssertGreaterThanOrEqual(cancels.count, 1, "the end cancels what the ladder rests")
        // Every order is placed once and ends once (filled or cancelled): the book is empty at the end.
        func ids(_ lines: [Substring]) -> [Int] {
            lines.map { line in Int(line.split(separator: #""id":"#)[1].prefix { $0.isNumber })! }
        }
        XCTAssertEqual(ids(placed).sorted(), (ids(fills) + ids(cancels)).sorted())
        let session = try XCTUnwrap(try JournalReader.parse(text, path: "orders.jsonl").sessions.first)
        let outcome = try JournalVerifier.verify(session)
        XCTAssertEqual(outcome.orderEvents, placed.count + fills.count + cancels.count)
    }

    func testATamperedFillIsCaught() throws {
        let text = Self.journal()
        let fill = try XCTUnwrap(Self.orderLines(text, "fill").first)
        let flipped = fill.contains(#""ladder":true"#)
            ? fill.replacingOccurrences(of: #""ladder":true"#, with: #""ladder":false"#)
            : fill.replacingOccurrences(of: #""ladder":false"#, with: #""ladder":true"#)
        let tampered = text.replacingOccurrences(of: fill, with: flipped)
        XCTAssertNotEqual(tampered, text)
        let session = try XCTUnwrap(try JournalReader.parse(tampered, path: "orders.jsonl").sessions.first)
        XCTAssertThrowsError(try JournalVerifier.verify(session)) { error in
            XCTAssertTrue("\(error)".contains("recorded a fill of order"), "\(error)")
        }
    }

    /// Journals written before these lines existed have none, and still verify.
    func testAJournalWithoutOrderLinesStillVerifies() throws {
        let text = Self.journal().split(separator: "\n")
            .filter { line in !["order", "fill", "cancel"].contains { line.hasPrefix(#"{"type":"\#($0)""#) } }
            .map { $0 + "\n" }.joined()
        let session = try XCTUnwrap(try JournalReader.parse(text, path: "old.jsonl").sessions.first)
        let outcome = try JournalVerifier.verify(session)
        XCTAssertEqual(outcome.orderEvents, 0)
        XCTAssertNotNil(outcome.finalPnL)
    }

    /// A limit buy placed a tick under the bid fills at its price: its slippage against the mid
    /// when placed is the price less that mid plus the fee per share (price improvement: < 0).
    func testTheBlotterShowsEachFillsSlippageAgainstTheMidWhenSent() throws {
        var state = SnapshotTests.session()
        let placedAt = state.session.spot
        let price = placedAt * 1.0002
        state.apply(.placeLimit(shares: 100, price: price))
        state.advance(steps: 1)
        let fill = try XCTUnwrap(state.session.recentTrades.last)
        XCTAssertEqual(fill.price, price)
        XCTAssertEqual(fill.midWhenSent, placedAt)
        XCTAssertEqual(fill.slippagePerShare, price - placedAt + fill.cost / 100, accuracy: 1e-12)
        let plain = try XCTUnwrap(state.session.recentTrades.dropLast().last)
        XCTAssertEqual(plain.slippagePerShare, plain.cost / abs(plain.quantity), accuracy: 1e-12,
                       "a plain market order fills at the mid it was sent at: its slippage is its cost")
        let text = Dashboard.render(state, width: 140, height: 45).text
        XCTAssertTrue(text.contains("Slip"), text)
        XCTAssertTrue(text.contains(Format.number(fill.slippagePerShare, 2)), text)
    }
}

/// A market order with latency is sent at one step and fills at a later one: its `trade` line
/// says when it was sent and at what mid, and `replay --verify` checks both.
final class LatencyJournalTests: XCTestCase {
    static func journal() -> String {
        var scenario = Scenario.classicScalp
        var terms = ExecutionTerms()
        terms.latencyMs = 90_000  // 1.5 minutes: longer than none, shorter than a 5-minute step
        scenario.config.executionTerms = terms
        var state = AppState(PlaySettings(scenario: scenario, seed: 11, startPaused: true))
        state.advance(steps: 5)
        state.handle(.character("b"))
        state.advance(steps: 3)
        state.perform(.quit)
        return state.takeEvents().map { $0.text + "\n" }.joined()
    }

    func testTheSendingIsJournaledAndVerified() throws {
        let text = Self.journal()
        let sent = OrderJournalTests.orderLines(text, "trade").filter { $0.contains(#""sent_step":"#) }
        XCTAssertEqual(sent.count, 1, text)
        let line = try XCTUnwrap(sent.first)
        XCTAssertTrue(line.contains(#""step":6"#) && line.contains(#""sent_step":5"#), "sent at 5, filled within step 6: \(line)")
        let session = try XCTUnwrap(try JournalReader.parse(text, path: "latency.jsonl").sessions.first)
        XCTAssertNoThrow(try JournalVerifier.verify(session))

        // A different mid when sent is caught.
        let mid = try XCTUnwrap(line.range(of: #""mid":"#))
        let tampered = text.replacingOccurrences(of: line, with: line[..<mid.upperBound] + "1" + line[mid.upperBound...])
        let bad = try XCTUnwrap(try JournalReader.parse(tampered, path: "latency.jsonl").sessions.first)
        XCTAssertThrowsError(try JournalVerifier.verify(bad)) { error in
            XCTAssertTrue("\(error)".contains("mid"), "\(error)")
        }
    }
}
