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

extension WidgetTests {
    // MARK: - Footer

    /// A key map like replay's: only playback keys.
    static let playback = KeyMap(KeyMap.standard.bindings.filter {
        [.togglePause, .stepOnce, .faster, .slower, .toggleHelp, .closeOverlay, .quit, .redraw].contains($0.command)
    })

    func testTheFooterListsOnlyTheKeysTheKeyMapBinds() {
        let snapshot = ScreenSnapshot(Self.state())
        let live = render(FooterBar(snapshot: snapshot, keyMap: .standard), width: 120, height: 1).line(0)
        for hint in ["space pause", "h hedge", "b/s buy/sell 100", "a auto", "A policy", "o options", "q quit"] {
            XCTAssertTrue(live.contains(hint), "live footer lacks \(hint): \(live)")
        }
        let replay = render(FooterBar(snapshot: snapshot, keyMap: Self.playback), width: 120, height: 1).line(0)
        XCTAssertEqual(replay.trimmingCharacters(in: .whitespaces), "space pause  . step  +/- speed  ? help  q quit")
        // Narrow, the same keys in the short form.
        let narrow = render(FooterBar(snapshot: snapshot, keyMap: Self.playback), width: 80, height: 1).line(0)
        XCTAssertFalse(narrow.contains(" h ") || narrow.contains("b/s") || narrow.contains(" a "), narrow)
    }

    /// Lot 0 trades fractional shares: the risk panel says so and b/s trade one share.
    func testFractionalLotsAreNamedAndBuyATenthOfACoin() throws {
        var settings = PlaySettings(scenario: try XCTUnwrap(Scenario.named("btc-perp")), seed: 3, startPaused: true)
        settings.showIntro = false
        let snapshot = ScreenSnapshot(AppState(settings))
        XCTAssertEqual(snapshot.session.lotSize, 0)
        let footer = render(FooterBar(snapshot: snapshot, keyMap: .standard), width: 120, height: 1).line(0)
        XCTAssertTrue(footer.contains("b/s buy/sell 0.100 "), footer)
        let risk = render(RiskPanel(snapshot: snapshot), width: 46, height: 7).line(0)
        XCTAssertTrue(risk.contains("lot fractional"), risk)
    }

    // MARK: - Header

    func testTheHeaderShowsTheSeedOnlyForASimulatedPath() {
        let simulated = render(HeaderBar(snapshot: ScreenSnapshot(Self.state())), width: 120, height: 1).line(0)
        XCTAssertTrue(simulated.contains("│ seed 11 │"), simulated)
        let narrow = render(HeaderBar(snapshot: ScreenSnapshot(Self.state())), width: 80, height: 1).line(0)
        XCTAssertTrue(narrow.contains("│ #11 │"), narrow)
        let labels = (0...Scenario.classicScalp.config.steps).map { "2024-01-01 \($0)" }
        let file = ScreenSnapshot(Self.state(priceLabels: labels))
        XCTAssertNil(file.seed)
        for width in [80, 100, 120, 160] {
            let line = render(HeaderBar(snapshot: file), width: width, height: 1).line(0)
            XCTAssertFalse(line.contains("seed") || line.contains("#11"), "a price file's header shows a seed: \(line)")
            XCTAssertTrue(line.contains("01 20 │"), "no price row label: \(line)")
        }
    }
}

extension WidgetTests {
    // MARK: - Option book

    /// The book drawn alone into a short area: the positions that do not fit become one
    /// line, the stock and total rows stay, and the expiry reads the time left cut down.
    func testTheBookKeepsStockAndTotalAndShowsTimeLeftTruthfully() {
        var state = Self.state()
        state.handle(.character("o"))
        state.handle(.enter)
        let snapshot = ScreenSnapshot(state)
        XCTAssertEqual(snapshot.positions.count, 3)
        // 20 steps of 5 minutes into a 30-day option: 29d22h20m left.
        let full = render(OptionBookPanel(snapshot: snapshot), width: 100, height: 8)
        XCTAssertEqual(full.text.components(separatedBy: "29d22h").count - 1, 3, full.text)
        XCTAssertFalse(full.text.contains("30d"), full.text)
        let short = render(OptionBookPanel(snapshot: snapshot), width: 100, height: 7)
        let lines = short.text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[2].contains("+10 call"), short.text)
        XCTAssertTrue(lines[3].contains("+2 more positions"), short.text)
        XCTAssertTrue(lines[4].contains(" stock "), short.text)
        XCTAssertTrue(lines[5].contains(" total "), short.text)
    }

    /// The book's total is the sum of the rows it shows, and agrees with the engine's own
    /// valuation of the book and its net delta and P&L.
    func testTheSnapshotValuesTheBookOnceAndAgreesWithTheEngine() {
        var state = Self.state()
        state.handle(.character("o"))
        state.handle(.enter)
        state.advance(steps: 7)
        let snapshot = ScreenSnapshot(state)
        let session = state.session
        let engine = session.currentGreeks()
        XCTAssertEqual(snapshot.bookGreeks.price, engine.price)
        XCTAssertEqual(snapshot.bookGreeks.delta, engine.delta)
        XCTAssertEqual(snapshot.bookGreeks.gamma, engine.gamma)
        XCTAssertEqual(snapshot.netDelta, session.netDelta)
        XCTAssertEqual(snapshot.pnl, session.pnl)
        XCTAssertEqual(snapshot.pnlGap, state.pnlGap)
        XCTAssertEqual(snapshot.dollarGamma, session.dollarGamma, accuracy: 1e-9 * abs(session.dollarGamma))
    }

    // MARK: - Braille geometry

    func testTheCanvasMapsValuesAndDotsToCells() {
        let canvas = BrailleCanvas(columns: 10, rows: 3)
        XCTAssertEqual(canvas.cellRow(10, in: 0...10), 0)
        XCTAssertEqual(canvas.cellRow(0, in: 0...10), 2)
        XCTAssertEqual(canvas.cellRow(5, in: 0...10), canvas.dotRow(5, in: 0...10) / BrailleCanvas.dotsDown)
        XCTAssertEqual(canvas.cellColumn(ofDot: 0), 0)
        XCTAssertEqual(canvas.cellColumn(ofDot: 1), 0)
        XCTAssertEqual(canvas.cellColumn(ofDot: 19), 9)
    }
}
