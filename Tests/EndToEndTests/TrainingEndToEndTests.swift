import Foundation
import XCTest

/// The training features in the real binary under tmux: the intro, the option ticket, a
/// net-delta limit, and a real price series.
final class TrainingEndToEndTests: TmuxTestCase {
    /// Starts `gammascalp ARGUMENTS` with a journal in the session's home; waits for `marker`.
    func start(_ arguments: String, width: Int = 120, height: Int = 40, waitFor marker: String) throws -> URL {
        session = try TmuxSession(width: width, height: height)
        let journal = session.home.appendingPathComponent("journal.jsonl")
        try session.type("\(binary) --journal \(journal.path) \(arguments); echo EXIT=$?")
        XCTAssertNotNil(session.wait { $0.contains(marker) }, "the screen never showed \(marker)")
        return journal
    }

    func journalLines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func quit() {
        try? session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("Press Enter, Esc or q to close") }, "no summary")
        try? session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("EXIT=0") }, "the program did not exit")
    }

    /// A file in the session's home.
    func file(_ name: String, _ text: String) throws -> URL {
        let url = session.home.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    // MARK: -

    func testTheIntroThenTheTicketBuysACallThatTheBookShows() throws {
        let journal = try start("--seed 5 --paused", waitFor: "Goal")
        let intro = session.capture()
        XCTAssertTrue(intro.contains("Long 10 ATM straddles"), intro)
        XCTAssertTrue(intro.contains("Press any key to close this"), intro)
        try session.keys("Escape")
        XCTAssertNotNil(session.wait { !$0.contains("Goal") && $0.contains("q quit") }, "the intro did not close")
        try session.keys("o")
        let ticket = session.wait { $0.contains("Option ticket") && $0.contains("Premium") }
        XCTAssertNotNil(ticket, "no ticket")
        // The fields, not the hints beside them ("call, put or straddle" is always there).
        XCTAssertTrue(ScreenText.ticketField(ticket ?? "", "Side", is: "BUY"), ticket ?? "")
        XCTAssertTrue(ScreenText.ticketField(ticket ?? "", "Kind", is: "call"), ticket ?? "")
        try session.keys("Enter")
        let bought = session.wait { $0.contains("bought 1 C100") && !$0.contains("Option ticket") }
        XCTAssertNotNil(bought, "no option trade in the blotter")
        let bookRow = bought?.split(separator: "\n").first { $0.contains("+1  call") && $0.contains("100.00") }
        XCTAssertNotNil(bookRow, "the book has no +1 call line:\n\(bought ?? "")")
        quit()
        let lines = try journalLines(journal)
        let order = try XCTUnwrap(lines.first { $0["action"] as? String == "trade_option" })
        XCTAssertEqual(order["kind"] as? String, "call")
        XCTAssertEqual(order["quantity"] as? Double, 1)
        XCTAssertEqual(order["strike"] as? Double, 100)
        let end = try XCTUnwrap(lines.last)
        XCTAssertNotNil((end["score"] as? [String: Any])?["points"], "no score in the end line")
    }

    func testATightNetDeltaLimitWarnsAndIsJournaled() throws {
        session = try TmuxSession(width: 100, height: 30)
        let shown = try runProcess(binary, ["scenarios", "--show", "classic-scalp"]).stdout
        XCTAssertTrue(shown.contains("net_delta = 1500"))
        let scenario = try file("tight.toml", shown.replacingOccurrences(of: "net_delta = 1500", with: "net_delta = 50"))
        let journal = session.home.appendingPathComponent("journal.jsonl")
        try session.type("\(binary) --journal \(journal.path) --scenario \(scenario.path) --seed 3 --paused --no-intro; echo EXIT=$?")
        // Unhedged, the straddles start about 80 shares long: over the limit.
        XCTAssertNotNil(session.wait { $0.contains("OVER LIMIT") }, "no limit warning")
        try session.keys("h")
        XCTAssertNotNil(session.wait { !$0.contains("OVER LIMIT") && ScreenText.hasStockTrade($0, side: "SELL") },
                        "the warning stayed after h")
        quit()
        let limits = try journalLines(journal).filter { $0["type"] as? String == "limit" }
        XCTAssertEqual(limits.map { $0["event"] as? String }, ["breach", "clear"])
        XCTAssertEqual(limits.first?["limit"] as? String, "net_delta")
        XCTAssertEqual(limits.first?["max"] as? Double, 50)
    }

    func testPricesReplaysTheFilesCloses() throws {
        session = try TmuxSession(width: 80, height: 24)
        let rows = [("2024-03-01", "100.00"), ("2024-03-04", "101.50"), ("2024-03-05", "99.25"), ("2024-03-06", "102.75"),
                    ("2024-03-07", "103.10")]
        let csv = try file("spx-small.csv", "date,close\n" + rows.map { "\($0.0),\($0.1)" }.joined(separator: "\n") + "\n")
        try session.type("\(binary) --no-journal --prices \(csv.path) --paused --no-intro; echo EXIT=$?")
        let first = session.wait { $0.contains("Price 100.00") }
        XCTAssertNotNil(first, "no price screen")
        XCTAssertTrue(first?.contains("spx-small.csv") ?? false, first ?? "")
        XCTAssertTrue(first?.contains("24-03-01") ?? false, "no date in the header:\n\(first ?? "")")
        // The file is the path: no seed in the header.
        XCTAssertFalse(ScreenText.hasLine(first ?? "", matching: "│ (#|seed )[0-9]+ │"), "a seed in the header:\n\(first ?? "")")
        for (date, close) in rows.dropFirst().prefix(2) {
            try session.keys(".")
            let screen = session.wait { $0.contains("Price \(close)") }
            XCTAssertNotNil(screen, "no close \(close)")
            XCTAssertTrue(screen?.contains(String(date.dropFirst(2))) ?? false, "no \(date):\n\(screen ?? "")")
        }
        quit()
    }
}
