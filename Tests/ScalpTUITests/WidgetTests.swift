import XCTest
import ScalpEngine
import ScalpFormat
@testable import ScalpTUI

/// The dashboard's widgets rendered straight into a grid, each from a snapshot of a fixed
/// session (ratatui's widget tests): what each panel shows, and the layout around them.
final class WidgetTests: XCTestCase {
    static func state(priceLabels: [String]? = nil) -> AppState {
        var settings = PlaySettings(scenario: .classicScalp, seed: 11, startPaused: true)
        settings.priceLabels = priceLabels
        var state = AppState(settings)
        state.advance(steps: 20)
        state.perform(.hedgeNow)
        return state
    }

    /// The text of `rect` on `grid`, one line per row.
    func text(of rect: Rect, in grid: Grid) -> [String] {
        (rect.y..<rect.maxY).map { y in String(grid.line(y).unicodeScalars.dropFirst(rect.x).prefix(rect.width)) }
    }

    func render(_ widget: some Widget, width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        widget.render(into: &grid, grid.bounds)
        return grid
    }

    // MARK: - Layout

    /// At 80×24, option trades from the ticket add book rows; the book gives up position rows
    /// (saying how many) before the blotter loses its trades.
    func testAt80x24TicketTradesLeaveTheBlotterItsRows() throws {
        var state = Self.state()
        for _ in 0..<2 {
            state.handle(.character("o"))
            state.handle(.enter)
        }
        let positions = state.session.book.positions.count
        XCTAssertEqual(positions, 4)
        let layout = ScreenLayout(width: 80, height: 24, positions: positions)
        XCTAssertGreaterThanOrEqual(layout.blotter.height, ScreenLayout.minimumBlotterHeight)
        let grid = Dashboard.render(state, width: 80, height: 24)
        let blotter = text(of: layout.blotter, in: grid)
        XCTAssertTrue(blotter[1].contains("Time") && blotter[1].contains("Price"), blotter.joined(separator: "\n"))
        XCTAssertTrue(blotter[2].contains("bought 1 C"), "the newest trade is not listed:\n" + blotter.joined(separator: "\n"))
        let book = text(of: layout.book, in: grid)
        XCTAssertTrue(book.contains { $0.contains("+3 more positions") }, book.joined(separator: "\n"))
        XCTAssertTrue(book.contains { $0.contains(" stock ") }, book.joined(separator: "\n"))
        XCTAssertTrue(book.contains { $0.contains(" total ") }, book.joined(separator: "\n"))
        // Where there is room the book keeps every row.
        let large = ScreenLayout(width: 120, height: 40, positions: positions)
        XCTAssertEqual(large.book.height, positions + 5)
    }

    func testTheLayoutTilesTheScreenAtEverySupportedSize() {
        for (width, height) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
            for positions in [0, 1, 2, 4, 8, 20] {
                let layout = ScreenLayout(width: width, height: height, positions: positions)
                let areas = [layout.header, layout.price, layout.volatility, layout.book, layout.risk, layout.pnl,
                             layout.blotter, layout.footer]
                XCTAssertEqual(areas.reduce(0) { $0 + $1.width * $1.height }, width * height, "\(width)×\(height)")
                XCTAssertGreaterThanOrEqual(layout.blotter.height, ScreenLayout.minimumBlotterHeight,
                                            "\(width)×\(height) with \(positions) positions")
            }
        }
    }
}
