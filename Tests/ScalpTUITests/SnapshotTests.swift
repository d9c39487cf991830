import Foundation
import XCTest
import ScalpEngine
@testable import ScalpTUI

/// Golden text snapshots of the whole screen (ratatui's TestBackend approach): the grid is
/// rendered without a terminal and compared line by line with Snapshots/NAME.txt. Run with
/// GAMMASCALP_RECORD=1 to write the files after a deliberate change, then read the diff.
final class SnapshotTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// A fixed session: seed 11, 150 steps, a manual hedge, auto-hedge on, 150 more steps.
    static func session() -> AppState {
        var state = AppState(PlaySettings(scenario: .classicScalp, seed: 11, startPaused: true))
        state.advance(steps: 150)
        state.perform(.hedgeNow)
        state.perform(.toggleAutoHedge)
        state.advance(steps: 150)
        return state
    }

    func assertSnapshot(_ grid: Grid, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try assertGolden(grid, name, file: file, line: line)
    }

    func testDashboard120x40() throws {
        let grid = Dashboard.render(Self.session(), width: 120, height: 40)
        try assertSnapshot(grid, "dashboard-120x40")
        XCTAssertTrue(grid.text.contains("Price"))
        XCTAssertTrue(grid.text.contains("Option book"))
        XCTAssertTrue(grid.text.contains("Net delta"))
        XCTAssertTrue(grid.text.contains("realized"))
        XCTAssertTrue(grid.text.contains("implied"))
    }

    func testDashboard100x30() throws {
        try assertSnapshot(Dashboard.render(Self.session(), width: 100, height: 30), "dashboard-100x30")
    }

    func testDashboard80x24() throws {
        try assertSnapshot(Dashboard.render(Self.session(), width: 80, height: 24), "dashboard-80x24")
    }

    func testTooSmall() throws {
        let grid = Dashboard.render(Self.session(), width: 60, height: 20)
        try assertSnapshot(grid, "too-small-60x20")
        XCTAssertTrue(grid.text.contains("Terminal too small: 60×20"))
    }

    func testHelpOverlay() throws {
        var state = Self.session()
        state.perform(.toggleHelp)
        try assertSnapshot(Dashboard.render(state, width: 120, height: 40), "help-120x40")
        // Short terminals get the keys in two columns, and nothing is cut off.
        let small = Dashboard.render(state, width: 80, height: 24)
        try assertSnapshot(small, "help-80x24")
        XCTAssertTrue(small.text.contains("Esc or ? closes this help"))
    }

    func testSummary() throws {
        var state = Self.session()
        state.journalLocation = "/tmp/journal.jsonl"
        state.perform(.quit)
        try assertSnapshot(Dashboard.render(state, width: 120, height: 40), "summary-120x40")
        try assertSnapshot(Dashboard.render(state, width: 80, height: 24), "summary-80x24")
    }

    /// No size, however odd, may crash the renderer.
    func testEverySmallSizeRenders() {
        let state = Self.session()
        for width in [0, 1, 2, 5, 79, 80, 81, 99, 100, 119, 200] {
            for height in [0, 1, 3, 23, 24, 25, 29, 30, 41, 60] {
                let grid = Dashboard.render(state, width: width, height: height)
                XCTAssertEqual(grid.width, width)
                XCTAssertEqual(grid.height, height)
            }
        }
    }

    /// Colors live in the grid as roles: the P&L total takes the profit or loss role.
    func testStylesCarryRoles() {
        let state = Self.session()
        let grid = Dashboard.render(state, width: 120, height: 40)
        var roles = Set<Role>()
        for y in 0..<grid.height { for x in 0..<grid.width { roles.insert(grid[x, y].style.foreground) } }
        for role: Role in [.text, .muted, .border, .title, .accent, .chartPrice, .chartImplied, .chartRealized] {
            XCTAssertTrue(roles.contains(role), "\(role) unused")
        }
        XCTAssertTrue(roles.contains(state.session.pnl >= 0 ? .profit : .loss))
        XCTAssertEqual(grid[0, 0].style.background, .selection)
    }
}
