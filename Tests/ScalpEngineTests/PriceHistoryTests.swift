import Foundation
import Testing
@testable import ScalpEngine

@Suite("Real price history")
struct PriceHistoryTests {
    let daily = """
    Date,Open,Close,VIX
    2024-01-02,100,101.5,13.2
    2024-01-03,101,100.0,14.0
    2024-01-04,100,102.25,15.5
    2024-01-05,102,103.0,12.0
    2024-01-08,103,101.0,13.0
    """

    @Test func readsDailyClosesAndAPercentVolColumn() throws {
        let history = try PriceHistory.parse(csv: daily, file: "spx.csv")
        #expect(history.closes == [101.5, 100, 102.25, 103, 101])
        #expect(history.impliedVols == [0.132, 0.14, 0.155, 0.12, 0.13])
        #expect(history.timeStep == 1.0 / 252 && history.isDaily && history.steps == 4)
        #expect(history.labels.first == "2024-01-02")
    }

    @Test func intradayStepsInTradingTime() throws {
        let text = "timestamp,close\n2024-03-01 09:30,10\n2024-03-01 09:35,10.1\n2024-03-01 09:40,10.05\n2024-03-04 09:30,10.2\n"
        let history = try PriceHistory.parse(csv: text, file: "f.csv")
        #expect(close(history.timeStep, 300 / (6.5 * 3600 * 252), rel: 1e-15))
        #expect(!history.isDaily && history.impliedVols == nil)
    }

    @Test func quotedCellsAndFractionVols() throws {
        let text = "\"date\",\"adj close\",\"implied_vol\"\n\"2024-01-02\",\"1,000.5\",0.2\n2024-01-03,999,0.21\n2024-01-04,1001,0.22\n"
        // "1,000.5" is one quoted cell, but not a number: refused with its line.
        #expect(throws: PriceHistoryError.self) { try PriceHistory.parse(csv: text, file: "q.csv") }
        let fixed = text.replacingOccurrences(of: "\"1,000.5\"", with: "\"1000.5\"")
        let history = try PriceHistory.parse(csv: fixed, file: "q.csv")
        #expect(history.closes == [1000.5, 999, 1001] && history.impliedVols == [0.2, 0.21, 0.22])
    }

    /// A file saved on Windows (CRLF, a byte-order mark) reads exactly like its LF twin.
    @Test func crlfAndAByteOrderMarkReadLikeTheirTwin() throws {
        let windows = "\u{FEFF}" + daily.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        let twin = try PriceHistory.parse(csv: daily, file: "lf.csv")
        let history = try PriceHistory.parse(csv: windows, file: "crlf.csv")
        #expect(history.closes == twin.closes && history.impliedVols == twin.impliedVols && history.labels == twin.labels)
        let bad = "Date,Close\r\n2024-01-02,100\r\n2024-01-03,abc\r\n2024-01-04,102\r\n"
        #expect(throws: PriceHistoryError.self) { try PriceHistory.parse(csv: bad, file: "f.csv") }
        do { _ = try PriceHistory.parse(csv: bad, file: "f.csv") } catch {
            #expect(error.description.hasPrefix("f.csv:3: Close: 'abc'"), "\(error.description)")
        }
    }

    /// The iv column's unit comes from its header, else from all of its values.
    @Test func theVolUnitIsTheHeadersOrAllTheValues() throws {
        let rows = "2024-01-02,100,2.5\n2024-01-03,101,2.6\n2024-01-04,102,2.7\n"
        #expect(try PriceHistory.parse(csv: "Date,Close,IV\n" + rows, file: "f.csv").impliedVols == [2.5, 2.6, 2.7])
        for header in ["iv_pct", "IV %", "implied_vol_percent"] {
            let vols = try #require(try PriceHistory.parse(csv: "Date,Close,\(header)\n" + rows, file: "f.csv").impliedVols)
            let expected: [Double] = [2.5, 2.6, 2.7].map { $0 / 100 }
            #expect(vols == expected, "\(header)")
        }
    }

    @Test(arguments: [
        ("Date,Close\n2024-01-02,100\n2024-01-04,101\n2024-01-03,102\n", "f.csv:4: '2024-01-03' is not after the row before"),
        ("Date,Close\n2024-01-02,100\n2024-01-03,abc\n2024-01-04,102\n", "f.csv:3: Close: 'abc' is not a positive price"),
        ("Date,Close\n2024-01-02,100\n2024-01-03,-5\n2024-01-04,102\n", "f.csv:3: Close: '-5' is not a positive price"),
        ("Date,Open\n2024-01-02,100\n2024-01-03,101\n2024-01-04,102\n", "f.csv:1: no close column"),
        ("Day,Close\n2024-01-02,100\n2024-01-03,101\n2024-01-04,102\n", "f.csv:1: no date column"),
        ("Date,Close\n2024-01-02,100\n2024-02-03,101\n2024-02-04,102\n", "f.csv:3: a gap of 32 days"),
        ("Date,Close\n2024-01-02,100\n01/03/2024,101\n2024-01-04,102\n", "f.csv:3: Date: '01/03/2024' is not a date"),
        ("Date,Close\n2024-01-02,100\n2024-01-03\n2024-01-04,102\n", "f.csv:3: 1 fields where the header has 2"),
        // A field more than the header has shifts nothing silently.
        ("date,close\n2024-01-02,1,101.54\n2024-01-03,101\n2024-01-04,102\n", "f.csv:2: 3 fields where the header has 2"),
        ("Date,Close,close\n2024-01-02,100,1\n2024-01-03,101,1\n2024-01-04,102,1\n", "f.csv:1:12: close: a second column of that name (column 2 is one)"),
        // One percent-sized iv among fractions is a mistake, not a unit.
        ("Date,Close,IV\n2024-01-02,100,0.2\n2024-01-03,101,1000000\n2024-01-04,102,0.2\n", "f.csv:3:16: IV: 1000000.0 and 0.2 on line 2 mix percent and fractions"),
        ("Date,Close,iv_pct\n2024-01-02,100,20\n2024-01-03,101,2000\n2024-01-04,102,20\n", "f.csv:3:16: iv_pct: 2000.0 is outside (0, 1000] (percent)"),
        ("Date,Close\n2024-01-02,100\n", "f.csv: needs at least 3 rows"),
        ("Time,Close\n2024-01-02 10:00,1\n2024-01-02 10:05,1\n2024-01-02 10:35,1\n2024-01-02 10:40,1\n", "f.csv:4: uneven spacing"),
        ("Date,Close,IV\n2024-01-02,100,0.2\n2024-01-03,101,\n2024-01-04,102,0.2\n", "f.csv:3:16: IV: '' is not a positive implied vol"),
    ])
    func badFilesAreRefusedWithTheLine(text: String, expected: String) {
        do {
            _ = try PriceHistory.parse(csv: text, file: "f.csv")
            Issue.record("accepted a bad file; expected \(expected)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    /// The replay follows the file exactly, the option is struck at the first close and
    /// expires on the last row, and the implied vol follows the file's column.
    @Test func sessionReplaysTheCloses() throws {
        let history = try PriceHistory.parse(csv: daily, file: "spx.csv")
        let scenario = history.scenario(name: "spx.csv", kinds: [.call, .put], quantity: 1, multiplier: 100, impliedVol: 0.2,
                                        rate: 0.03, dividendYield: 0, costs: .free, lotSize: 0,
                                        hedgeRule: .every(PeriodicHedge(interval: 1)), autoHedge: true)
        var session = Session(config: scenario.config, seed: 999)
        #expect(session.book.positions.map(\.strike) == [101.5, 101.5])
        #expect(session.book.positions[0].impliedVol == 0.132)
        var spots = [session.spot]
        var vols = [session.atmImpliedVol]
        while !session.isFinished {
            session.apply(.tick)
            spots.append(session.spot)
            vols.append(session.atmImpliedVol)
        }
        #expect(spots == history.closes)
        #expect(vols == history.impliedVols)
        #expect(session.book.positions.allSatisfy { $0.isSettled })
        // Another seed, the same history: the same P&L to the last bit.
        var other = Session(config: scenario.config, seed: 1)
        runToEnd(&other)
        #expect(other.cash == session.cash)
    }
}

/// The byte reader: numbers bit for bit as `Double(String)` reads them, and a file read from
/// its bytes exactly as from its text.
extension PriceHistoryTests {
    static func bits(_ value: Double?) -> UInt64? { value?.bitPattern }

    @Test func decimalBytesMatchDoubleOfStringBitForBit() {
        var random = Xoshiro256StarStar(seed: 20_251_205)
        var fastPath = 0
        for _ in 0..<20_000 {
            var text = ["", "-", "+"][Int(random.next() % 3)]
            let digits = 1 + Int(random.next() % 25)
            let point = Int(random.next() % UInt64(digits + 2)) - 1  // -1: no point
            for index in 0..<digits {
                if index == point { text += "." }
                text += String(random.next() % 10)
            }
            if point == digits { text += "." }
            switch random.next() % 3 {
            case 0: break
            case 1: text += (random.next() % 2 == 0 ? "e" : "E") + String(Int(random.next() % 45) - 22)
            default: text += (random.next() % 2 == 0 ? "e" : "E") + ["", "+", "-"][Int(random.next() % 3)] + String(random.next() % 340)
            }
            let expected = Double(text)
            if digits <= 15 { fastPath += 1 }
            #expect(Self.bits(DecimalBytes.parse(Array(text.utf8))) == Self.bits(expected), "\(text)")
        }
        #expect(fastPath > 5_000)
    }

    @Test(arguments: ["0", "-0", "+0", "0.0", "-0.0e-400", "1e308", "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308",
                      "0.1", "0.3", "123456789012345678901234567890", "9007199254740993", "1.", ".5", "-.5", "1e5", "1E-5",
                      "1e22", "1e23", "8.589973e9", "0.000000000000000000001", "1e400", "1e-400", "00012.5000", "1234567890123456789"])
    func decimalBytesEdgeCases(text: String) {
        #expect(Self.bits(DecimalBytes.parse(Array(text.utf8))) == Self.bits(Double(text)), "\(text)")
    }

    @Test(arguments: ["", "-", "+", ".", "-.", "e5", ".e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10", "inf", "-infinity",
                      "nan", "--1", "+-1", "1e5.5", "1e--5", "12a", "١", "1_000"])
    func malformedNumbersAreRefused(text: String) {
        #expect(DecimalBytes.parse(Array(text.utf8)) == nil, "\(text)")
    }

    /// 20,000 one-minute OHLC rows with an iv column: the bytes give what the text gives, and
    /// the numbers written.
    @Test func aGeneratedFileReadsTheSameFromBytesAndText() throws {
        var random = Xoshiro256StarStar(seed: 7)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        var text = "\u{FEFF}Timestamp,Open,High,Low,\"Close\",IV,Note\r\n"
        var closes: [Double] = [], vols: [Double] = []
        var close = 100.0, day = 0, minute = 0
        for row in 0..<20_000 {
            let open = close
            close = (close * (1 + 0.002 * (uniform() - 0.5)) * 10_000).rounded() / 10_000
            let high = max(open, close) + (uniform() * 100).rounded() / 10_000, low = min(open, close) - (uniform() * 100).rounded() / 10_000
            let vol = 0.1 + uniform() * 0.3
            let date = String(format: "2024-%02d-%02d", 1 + day / 28, 1 + day % 28)
            let time = String(format: "%02d:%02d:00", 9 + (30 + minute) / 60, (30 + minute) % 60)
            let closeCell = row % 7 == 0 ? "\"\(close)\"" : " \(close)"
            text += "\(date) \(time),\(open),\(high),\(low),\(closeCell),\(vol),\(row % 5 == 0 ? "\"a, \"\"b\"\"\"" : "x")\r\n"
            closes.append(close)
            vols.append(vol)
            minute += 1
            if minute == 390 { minute = 0; day += 1 }
        }
        let fromText = try PriceHistory.parse(csv: text, file: "gen.csv")
        let fromBytes = try PriceHistory.parse(bytes: Array(text.utf8), file: "gen.csv")
        #expect(fromBytes == fromText)
        #expect(fromBytes.closes == closes && fromBytes.impliedVols == vols)
        #expect(fromBytes.labels[391] == "2024-01-02 09:31:00" && !fromBytes.isDaily && fromBytes.steps == 19_999)
        #expect(fromBytes.highs?.count == 20_000 && fromBytes.overnightSteps.count == 51)
        // The nights found while reading are those the labels give.
        #expect(fromBytes.overnightSteps == PriceHistory.overnightSteps(fromBytes.labels, isDaily: false))
        // Read for a report of the span: the first and last labels, every other column the same.
        var ends = try PriceHistory.parse(bytes: Array(text.utf8), file: "gen.csv", labels: .firstAndLast)
        #expect(Array(ends.labels) == [fromBytes.labels.first!, fromBytes.labels.last!])
        ends.labels = fromBytes.labels
        #expect(ends == fromBytes)
    }

    /// Bytes that are not UTF-8 are refused with their line; quoted cells unescape as in text.
    @Test func bytesThatAreNotUTF8AreRefusedWithTheLine() throws {
        let bytes = Array("Date,Close\n2024-01-02,100\n".utf8) + [0x32, 0xFF, 0x0A] + Array("2024-01-04,102\n2024-01-05,103\n".utf8)
        do {
            _ = try PriceHistory.parse(bytes: bytes, file: "b.csv")
            Issue.record("accepted bytes that are not UTF-8")
        } catch {
            #expect(error.description == "b.csv:3: not UTF-8 text")
        }
        let quoted = "Date,Close,Name\n\"2024-01-02\",1\"0\"0,\"a \"\"q\"\", b\"\n2024-01-03,101,x\n2024-01-04,102,\"\"\n"
        let history = try PriceHistory.parse(bytes: Array(quoted.utf8), file: "q.csv")
        #expect(history.closes == [100, 101, 102] && history.labels == ["2024-01-02", "2024-01-03", "2024-01-04"])
    }
}
