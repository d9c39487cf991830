import ScalpFormat
import XCTest
@testable import ScalpTUI

final class GridTests: XCTestCase {
    func testPutClipsAtTheEdgeAndLimit() {
        var grid = Grid(width: 6, height: 2)
        XCTAssertEqual(grid.put("abcdefgh", x: 2, y: 0), 4)
        XCTAssertEqual(grid.put("xyz", x: 0, y: 1, limit: 2), 2)
        XCTAssertEqual(grid.put("zzz", x: 0, y: 5), 0)  // off the grid: ignored
        grid.put("qr", x: -1, y: 1)  // starts left of the grid: only "r" shows
        XCTAssertEqual(grid.text, "  abcd\nry")
    }

    func testAlignedTextIsCutWithAnEllipsis() {
        var grid = Grid(width: 10, height: 3)
        grid.put("right", in: Rect(x: 0, y: 0, width: 10, height: 1), align: .right)
        grid.put("mid", in: Rect(x: 0, y: 1, width: 10, height: 1), align: .center)
        grid.put("much too long", in: Rect(x: 0, y: 2, width: 10, height: 1))
        XCTAssertEqual(grid.text, "     right\n   mid\nmuch too …")
    }

    func testSpansKeepTheirStyles() {
        var grid = Grid(width: 8, height: 1)
        grid.put([Span("ab", Style(.profit)), Span("cd", Style(.loss, on: .background, .bold))], x: 1, y: 0)
        XCTAssertEqual(grid[1, 0].style.foreground, .profit)
        XCTAssertEqual(grid[3, 0].style, Style(.loss, on: .background, .bold))
        XCTAssertEqual(grid[5, 0], .blank)
    }

    func testSanitizeDropsControlAndFormatCharacters() {
        XCTAssertEqual(TextLayout.sanitize("ok\u{1B}[31mred\u{07}\n\t"), "ok[31mred")
        XCTAssertEqual(TextLayout.sanitize("a\u{202E}b\u{200D}c\u{0301}"), "abc")
        XCTAssertEqual(TextLayout.sanitize("\u{9B}x\u{7F}"), "x")
        XCTAssertEqual(TextLayout.sanitize("vol-smile é"), "vol-smile é")
        XCTAssertEqual(TextLayout.sanitize("日本"), "??")
    }

    func testLayoutSplitsFixedThenFill() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 20)
        let rows = rect.rows([.length(1), .fill(1), .length(3)])
        XCTAssertEqual(rows.map(\.height), [1, 16, 3])
        XCTAssertEqual(rows.map(\.y), [0, 1, 17])
        let columns = Rect(x: 5, y: 0, width: 11, height: 1).columns([.fill(3), .fill(2)])
        XCTAssertEqual(columns.map(\.width), [6, 5])
        XCTAssertEqual(columns.map(\.x), [5, 11])
        // Not enough room: fixed parts take what there is, in order.
        XCTAssertEqual(Rect(x: 0, y: 0, width: 1, height: 2).rows([.length(3), .length(3), .fill(1)]).map(\.height), [2, 0, 0])
    }

    func testBoxDrawsRoundedBorderWithTitles() {
        var grid = Grid(width: 20, height: 4)
        let inner = Box("Risk", trailing: [Span("lot 100")]).render(into: &grid, grid.bounds)
        XCTAssertEqual(inner, Rect(x: 1, y: 1, width: 18, height: 2))
        XCTAssertEqual(grid.text, """
        ╭ Risk ── lot 100 ─╮
        │                  │
        │                  │
        ╰──────────────────╯
        """)
    }

    func testBrailleCanvasPacksTwoByFourDots() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.set(0, 0, .text)  // dot 1
        canvas.set(1, 3, .text)  // dot 8
        canvas.set(2, 1, .accent)  // second cell, dot 2
        var grid = Grid(width: 2, height: 1)
        canvas.render(into: &grid, x: 0, y: 0)
        XCTAssertEqual(grid[0, 0].scalar, Unicode.Scalar(0x2800 + 0x01 + 0x80)!)
        XCTAssertEqual(grid[1, 0].scalar, Unicode.Scalar(0x2800 + 0x02)!)
        XCTAssertEqual(grid[1, 0].style.foreground, .accent)
    }

    func testBraillePlotDrawsAConnectedLine() {
        var canvas = BrailleCanvas(columns: 2, rows: 2)
        canvas.plot([0.0, 1.0, 0.0, 1.0], in: 0...1, .chartPrice)
        var grid = Grid(width: 2, height: 2)
        canvas.render(into: &grid, x: 0, y: 0)
        // Every dot column has a dot, and the line reaches both the top and the bottom rows.
        XCTAssertTrue(canvas.isSet(column: 0, row: 0) && canvas.isSet(column: 0, row: 1))
        XCTAssertTrue(canvas.isSet(column: 1, row: 0) && canvas.isSet(column: 1, row: 1))
        XCTAssertEqual(canvas.dotRow(1, in: 0...1), 0)
        XCTAssertEqual(canvas.dotRow(0, in: 0...1), 7)
    }

    func testSparklineScalesFromLowestToHighest() {
        var grid = Grid(width: 5, height: 1)
        Sparkline([1, 2, 3, 4, 5]).render(into: &grid, grid.bounds)
        XCTAssertEqual(grid.text, "▁▃▅▆█")
        var tall = Grid(width: 3, height: 2)
        Sparkline([0, 5, 10]).render(into: &tall, tall.bounds)
        XCTAssertEqual(tall.text, " ▁█\n▁██")
    }

    func testSparklineRightAlignsAndColorsBySign() {
        var grid = Grid(width: 4, height: 1)
        Sparkline([-1, 1]) { $0 >= 0 ? .profit : .loss }.render(into: &grid, grid.bounds)
        XCTAssertEqual(grid.line(0), "  ▁█")
        XCTAssertEqual(grid[2, 0].style.foreground, .loss)
        XCTAssertEqual(grid[3, 0].style.foreground, .profit)
    }

    func testGaugeIsCenteredAndWarnsOutsideTheBand() {
        func gauge(_ value: Double) -> Grid {
            var grid = Grid(width: 13, height: 1)
            CenteredGauge(value: value, band: 100, scale: 300).render(into: &grid, grid.bounds)
            return grid
        }
        XCTAssertEqual(gauge(0).text, "────┊─┼─┊────")
        XCTAssertEqual(gauge(50).text, "────┊─┼█┊────")
        XCTAssertEqual(gauge(50)[7, 0].style.foreground, .gauge)
        XCTAssertEqual(gauge(-200).text, "──████┼─┊────")
        XCTAssertEqual(gauge(-200)[5, 0].style.foreground, .warning)
        XCTAssertEqual(gauge(1000).text, "────┊─┼█████▶")
    }
}
