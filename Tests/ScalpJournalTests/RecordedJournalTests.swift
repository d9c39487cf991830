import Foundation
import Testing
import ScalpEngine
import ScalpJournal

/// Journals written by earlier versions, recorded under tmux with the real binary. 0.2.0's
/// (format 1, before the journal had a library of its own): ticket trades, hand hedges, policy
/// and speed changes, limit breaches, a killed process. 0.3.0's: orders on the perpetual venue
/// and a scenario since changed. They must still read, replay and verify.
@Suite("Recorded journals from earlier versions")
struct RecordedJournalTests {
    /// A fixture's path; a missing fixture fails the test rather than checking nothing.
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil),
                               "missing test fixture \(name)")
        return url.path
    }

    @Test(arguments: [
        ("drill-0.2.0.jsonl", 9, 8, 2), ("trend-day-expired-0.2.0.jsonl", 47, 25, 0),
        ("short-gamma-truncated-0.2.0.jsonl", 12, 239, 0),
    ])
    func oldJournalsReadAndVerify(name: String, trades: Int, ticks: Int, limits: Int) throws {
        let path = try Self.fixture(name)
        let document = try JournalReader.parse(try String(contentsOfFile: path, encoding: .utf8), path: path)
        let session = try #require(document.sessions.first)
        #expect(session.start.version == "0.2.0" && session.start.startedAt == nil)
        let outcome = try JournalVerifier.verify(session)
        #expect(outcome.trades == trades && outcome.ticks == ticks && outcome.limitEvents == limits)
        #expect((outcome.finalPnL == nil) == session.isTruncated)
    }

    /// Journals written by 0.3.0 under tmux: a btc-perp session with limit orders placed,
    /// cancelled and filled, the ladder toggled and hand hedges (order, fill and cancel lines on
    /// the perpetual venue), and vol-crush played to expiry when its earnings were still a
    /// parallel `vol_change` (0.4.0 prices it through the calendar): each replays from the
    /// scenario recorded in its own start line, to the bit.
    @Test(arguments: [
        ("btc-perp-orders-0.3.0.jsonl", 168, 21, 18, "quit"), ("vol-crush-expired-0.3.0.jsonl", 100, 121, 0, "expired"),
    ])
    func journalsOf030ReadAndVerify(name: String, trades: Int, ticks: Int, orderEvents: Int, reason: String) throws {
        let path = try Self.fixture(name)
        let document = try JournalReader.parse(try String(contentsOfFile: path, encoding: .utf8), path: path)
        let session = try #require(document.sessions.first)
        #expect(session.start.version == "0.3.0" && session.start.startedAt != nil)
        let outcome = try JournalVerifier.verify(session)
        #expect(outcome.trades == trades && outcome.ticks == ticks && outcome.orderEvents == orderEvents)
        #expect(outcome.finalPnL != nil && session.end?.end.reason.rawValue == reason)
    }

    /// The limit lines are read and checked against the engine's limit events, so a tampered
    /// breach is caught.
    @Test func aTamperedLimitLineIsCaught() throws {
        let path = try Self.fixture("drill-0.2.0.jsonl")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let tampered = text.replacingOccurrences(of: #""limit":"net_delta","event":"breach","value":325.81267565701626"#,
                                                 with: #""limit":"net_delta","event":"breach","value":325.8"#)
        #expect(tampered != text)
        let session = try #require(try JournalReader.parse(tampered, path: "drill.jsonl").sessions.first)
        do {
            _ = try JournalVerifier.verify(session)
            Issue.record("a tampered limit line verified")
        } catch let mismatch as JournalVerifier.Mismatch {
            #expect(mismatch.description.contains("net_delta breach at step 8"))
        }
    }

    /// A process killed mid-line: the partial line is dropped and the session reads as truncated.
    @Test func aLineCutShortIsDropped() throws {
        let text = try String(contentsOfFile: try Self.fixture("trend-day-expired-0.2.0.jsonl"), encoding: .utf8)
        let cut = String(text.dropLast(40))
        let document = try JournalReader.parse(cut, path: "cut.jsonl")
        #expect(document.droppedPartialLine == text.split(separator: "\n").count)
        let session = try #require(document.sessions.first)
        #expect(session.isTruncated)
        #expect(try JournalVerifier.verify(session).finalPnL == nil)
    }
}

@Suite("Journals saved on another system")
struct JournalLineEndingTests {
    /// A journal copied through a Windows editor (CRLF, a byte-order mark) reads and verifies
    /// exactly like the original.
    @Test func crlfAndAByteOrderMarkReadLikeTheOriginal() throws {
        let path = try RecordedJournalTests.fixture("drill-0.2.0.jsonl")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let windows = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        let original = try #require(try JournalReader.parse(text, path: path).sessions.first)
        let copied = try #require(try JournalReader.parse(windows, path: "copied.jsonl").sessions.first)
        #expect(copied.isTruncated == original.isTruncated)
        let (a, b) = (try JournalVerifier.verify(original), try JournalVerifier.verify(copied))
        #expect(a.trades == b.trades && a.ticks == b.ticks && a.finalPnL == b.finalPnL)
    }
}
