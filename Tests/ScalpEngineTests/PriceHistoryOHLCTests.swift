import Foundation
import Testing
@testable import ScalpEngine

/// Open, high and low columns in `--prices` files.
@Suite("Price history with open, high and low")
struct PriceHistoryOHLCTests {
    @Test func readsTheRangeColumnsIntoBars() throws {
        let text = "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,100,102,99,101,100.5,1000\n"
            + "2024-01-03,101.5,103,100,102,101.5,1200\n2024-01-04,102,102.5,98,99,98.5,900\n"
        let history = try PriceHistory.parse(csv: text, file: "y.csv")
        #expect(history.closes == [101, 102, 99], "Close, not Adj Close, sits inside the high and low")
        #expect(history.opens == [100, 101.5, 102] && history.highs == [102, 103, 102.5] && history.lows == [99, 100, 98])
        #expect(history.missingRangeColumns.isEmpty && history.periodsPerYear == 252)
        let bars = try #require(history.bars)
        #expect(bars == [PriceBar(previousClose: 101, open: 101.5, high: 103, low: 100, close: 102),
                         PriceBar(previousClose: 102, open: 102, high: 102.5, low: 98, close: 99)])
    }

    /// The real GOOG file reads whole: 1,047 rows, 1,046 bars, each inside its range.
    @Test func readsTheRealDailyFixture() throws {
        let text = try String(contentsOf: fixtureURL("goog-daily-ohlc.csv"), encoding: .utf8)
        let history = try PriceHistory.parse(csv: text, file: "goog.csv")
        let bars = try #require(history.bars)
        #expect(history.closes.count == 1047 && bars.count == 1046 && history.isDaily)
        #expect(bars.allSatisfy { $0.low <= min($0.open, $0.close) && $0.high >= max($0.open, $0.close) })
    }

    /// Files without the columns read as before: no bars, and the missing columns named.
    @Test func closeOnlyFilesAreUnchanged() throws {
        let history = try PriceHistory.parse(csv: "date,close\n2024-01-02,1\n2024-01-03,2\n2024-01-04,3\n", file: "c.csv")
        #expect(history.opens == nil && history.highs == nil && history.lows == nil && history.bars == nil)
        #expect(history.missingRangeColumns == ["open", "high", "low"])
        let openOnly = try PriceHistory.parse(csv: "date,open,close\n2024-01-02,1,1\n2024-01-03,2,2\n2024-01-04,5,3\n", file: "o.csv")
        #expect(openOnly.opens == [1, 2, 5] && openOnly.missingRangeColumns == ["high", "low"] && openOnly.bars == nil)
    }

    @Test(arguments: [
        ("date,open,high,low,close\n2024-01-02,1,2,1,1\n2024-01-03,1,0.5,1,1\n2024-01-04,1,2,1,1\n", "f.csv:3:14: high: 0.5 is below low 1.0"),
        ("date,open,high,low,close\n2024-01-02,1,2,1,1\n2024-01-03,1,2,1,2.5\n2024-01-04,1,2,1,1\n", "f.csv:3:18: close: 2.5 is outside [low 1.0, high 2.0]"),
        ("date,open,high,low,close\n2024-01-02,1,2,1,1\n2024-01-03,0.5,2,1,1\n2024-01-04,1,2,1,1\n", "f.csv:3:12: open: 0.5 is outside [low 1.0, high 2.0]"),
        ("date,open,high,low,close\n2024-01-02,1,2,1,1\n2024-01-03,1,2,-1,1\n2024-01-04,1,2,1,1\n", "f.csv:3:16: low: '-1' is not a positive price"),
        ("date,open,high,low,close\n2024-01-02,1,2,1,1\n\"2024-01-03\",1,x,1,1\n2024-01-04,1,2,1,1\n", "f.csv:3:16: high: 'x' is not a positive price"),
        ("date,low,close\n2024-01-02,1,1\n2024-01-03,1,1\n2024-01-04,1,1\n", "f.csv:1:6: low: a high column needs a low column"),
    ])
    func badRangesNameLineAndColumn(text: String, expected: String) {
        do {
            _ = try PriceHistory.parse(csv: text, file: "f.csv")
            Issue.record("accepted a bad file; expected \(expected)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }
}
