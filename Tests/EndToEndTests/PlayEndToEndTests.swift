import Foundation
import XCTest

/// The real binary under tmux: what a user sees and what the journal keeps.
final class PlayEndToEndTests: TmuxTestCase {
    /// Starts the binary in a fresh shell; returns the journal it writes (nil: the default place).
    func start(_ arguments: String = "", width: Int = 120, height: Int = 40, environment: [String: String] = [:],
               journal: Bool = true, waitFor marker: String = "Net delta") throws -> URL {
        session = try TmuxSession(width: width, height: height, extraEnvironment: environment)
        let journal = journal ? session.home.appendingPathComponent("journal.jsonl") : session.home
        let flag = journal == session.home ? "" : "--journal \(journal.path) "
        // (--no-intro: these tests start on the dashboard; TrainingEndToEndTests covers the intro.)
        try session.type("\(binary) \(flag)--no-intro \(arguments); echo EXIT=$?")
        XCTAssertNotNil(session.wait { $0.contains(marker) }, "the screen never showed \(marker)")
        return journal
    }

    /// Net delta as the risk panel shows it.
    func netDelta(_ screen: String) -> Double? {
        guard let range = screen.range(of: #"(Net delta|Δ) [+-]?[0-9,]+ sh"#, options: .regularExpression) else { return nil }
        let text = screen[range].split(separator: " ").dropLast().last ?? ""
        return Double(text.replacingOccurrences(of: ",", with: ""))
    }

    func journalLines(_ url: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let dictionary = object as? [String: Any], dictionary["type"] is String, dictionary["t"] is NSNumber else {
                throw TmuxError("not a journal line: \(line)")
            }
            return dictionary
        }
    }

    /// Quits with q, leaves the summary with a key, and returns the shell's screen.
    func quit() throws -> String {
        try session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("Press Enter, Esc or q to close") }, "no summary")
        try session.keys("q")
        let screen = session.wait { $0.contains("EXIT=") }
        XCTAssertNotNil(screen, "the program did not exit")
        return screen ?? ""
    }

    // MARK: -

    func testTheScreenShowsPriceBookRiskAndVolatility() throws {
        _ = try start("--seed 5 --paused")
        let screen = session.capture()
        for text in [" gammascalp │ classic-scalp │ seed 5 │", "Price 100.00", "╭ Option book ", "╭ Risk ", "Net delta",
                     "realized", "implied 20.0%", "╭ P&L ", "╭ Trades ", "  q quit", "❚❚ paused"] {
            XCTAssertTrue(screen.contains(text), "missing \(text):\n\(screen)")
        }
        // The book's rows: the straddle's two legs and the stock.
        for row in [#"│ +\+10 +call +100\.00 "#, #"│ +\+10 +put +100\.00 "#, #"│ +[+-]?[0-9,]+ +stock +100\.00 "#] {
            XCTAssertTrue(ScreenText.hasLine(screen, matching: row), "no book row \(row):\n\(screen)")
        }
        XCTAssertNotNil(netDelta(screen))
        _ = try quit()
    }

    func testHedgeBringsNetDeltaWithinOneLot() throws {
        let journal = try start("--seed 9 --speed 8")
        // Let the price move until the book is well off neutral, then pause and hedge.
        let drifted = session.wait(timeout: 8) { (self.netDelta($0).map(abs) ?? 0) > 150 }
        XCTAssertNotNil(drifted, "net delta never left ±150")
        try session.keys("Space")
        XCTAssertNotNil(session.wait { $0.contains("❚❚ paused") })
        try session.keys("h")
        let hedged = session.wait { ScreenText.hasStockTrade($0, by: "manual") }
        XCTAssertNotNil(hedged, "no manual trade in the blotter")
        let delta = try XCTUnwrap(netDelta(hedged ?? ""))
        XCTAssertLessThanOrEqual(abs(delta), 100, "net delta after h: \(delta)")
        _ = try quit()
        let lines = try journalLines(journal)
        XCTAssertTrue(lines.contains { $0["type"] as? String == "action" && $0["action"] as? String == "hedge_now" })
        XCTAssertTrue(lines.contains { $0["type"] as? String == "control" && $0["event"] as? String == "pause" })
    }

    func testAutoHedgeTradesShowInTheBlotterAndTheJournal() throws {
        let journal = try start("--seed 21 --speed 32")
        try session.keys("a")
        XCTAssertNotNil(session.wait { $0.contains("│ auto ON ") })
        // A blotter row whose By column says auto (the header's "auto ON" must not count).
        XCTAssertNotNil(session.wait(timeout: 10) { ScreenText.hasStockTrade($0, by: "auto") }, "no auto trade in the blotter")
        _ = try quit()
        let lines = try journalLines(journal)
        XCTAssertEqual(lines.first?["type"] as? String, "start")
        XCTAssertEqual(lines.first?["seed"] as? Int, 21)
        XCTAssertNotNil(lines.first?["config"] as? [String: Any])
        XCTAssertEqual(lines.last?["type"] as? String, "end")
        XCTAssertEqual(lines.last?["reason"] as? String, "quit")
        let trades = lines.filter { $0["type"] as? String == "trade" }
        XCTAssertTrue(trades.contains { $0["reason"] as? String == "auto" })
        for trade in trades {
            XCTAssertNotNil(trade["qty"] as? NSNumber)
            XCTAssertNotNil(trade["price"] as? NSNumber)
            XCTAssertNotNil(trade["cost"] as? NSNumber)
        }
        XCTAssertTrue(lines.contains { $0["action"] as? String == "set_auto_hedge" && $0["on"] as? Bool == true })
        XCTAssertTrue(lines.contains { $0["type"] as? String == "tick" && $0["net_delta"] is NSNumber })
        XCTAssertEqual((lines.last?["trades"] as? Int), trades.count)
    }

    func testResizeRedrawsAtEverySize() throws {
        _ = try start("--seed 3 --paused")
        try session.resize(width: 80, height: 24)
        let small = session.wait { $0.contains("Δ ") && $0.contains("Option book") }
        XCTAssertNotNil(small, "no compact screen at 80x24")
        XCTAssertTrue(small?.split(separator: "\n").allSatisfy { $0.count <= 80 } ?? false)
        try session.resize(width: 60, height: 20)
        XCTAssertNotNil(session.wait { $0.contains("Terminal too small: 60×20") })
        try session.resize(width: 120, height: 40)
        let large = session.wait { $0.contains("Net delta") && $0.contains("gammascalp │") }
        XCTAssertNotNil(large, "no full screen after growing back")
        XCTAssertFalse(large?.contains("too small") ?? true)
        _ = try quit()
    }

    /// A terminal that cannot address the cursor (TERM=dumb) or that terminfo does not know is
    /// refused with one error line before anything is drawn, and the shell is left as it was.
    func testATerminalThatCannotDrawIsRefused() throws {
        session = try TmuxSession(width: 100, height: 24)
        for term in ["dumb", "no-such-terminal"] {
            try session.type("clear; TERM=\(term) \(binary) --no-journal --seed 1; echo EXIT=$?")
            let screen = try XCTUnwrap(session.wait { $0.contains("EXIT=") }, "no exit with TERM=\(term)")
            XCTAssertTrue(screen.contains("error: TERM=\(term): this terminal cannot draw the screen"), screen)
            XCTAssertTrue(screen.contains("EXIT=1"), screen)
            XCTAssertFalse(screen.contains("Net delta"), screen)
        }
    }

    func testQuitShowsTheSummaryAndLeavesACleanShell() throws {
        _ = try start("--seed 4 --speed 4")
        try session.keys("b")
        XCTAssertNotNil(session.wait { ScreenText.hasStockTrade($0, side: "BUY", by: "manual") })
        try session.keys("q")
        let summary = session.wait { $0.contains("Press Enter, Esc or q to close") }
        for text in ["Session summary", "Total P&L", "gamma", "theta", "Trades", "close-out 1", "Realized vol", "Hedging error", "Journal"] {
            XCTAssertTrue(summary?.contains(text) ?? false, "summary lacks \(text)")
        }
        try session.keys("Enter")
        let shell = try XCTUnwrap(session.wait { $0.contains("EXIT=0") })
        XCTAssertTrue(shell.contains("P&L "), "no summary printed to the shell:\n\(shell)")
        XCTAssertTrue(shell.contains("journal "), shell)
        try assertCleanShell()
    }

    func testCtrlCEndsLikeQuitAndTheJournalGoesUnderXDGStateHome() throws {
        _ = try start("--seed 6", journal: false)
        try session.keys("C-c")
        XCTAssertNotNil(session.wait { $0.contains("Press Enter, Esc or q to close") })
        try session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("EXIT=0") })
        try assertCleanShell()
        let folder = session.home.appendingPathComponent("state/gammascalp/sessions")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(files.count, 1)
        let file = try XCTUnwrap(files.first)
        XCTAssertTrue(file.hasSuffix("-classic-scalp-seed6.jsonl"), file)
        let lines = try journalLines(folder.appendingPathComponent(file))
        XCTAssertEqual(lines.last?["type"] as? String, "end")
        XCTAssertEqual(lines.last?["reason"] as? String, "quit")
    }

    func testSigtermLeavesACleanShellAndAValidJournal() throws {
        let journal = try start("--seed 8 --speed 16")
        try session.keys("b")
        XCTAssertNotNil(session.wait { ScreenText.hasStockTrade($0, side: "BUY", by: "manual") })
        let pid = try XCTUnwrap(session.foregroundChild())
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        XCTAssertNotNil(session.wait { $0.contains("EXIT=143") }, "no exit 143 after SIGTERM")
        try assertCleanShell()
        let lines = try journalLines(journal)
        XCTAssertEqual(lines.last?["type"] as? String, "end")
        XCTAssertEqual(lines.last?["reason"] as? String, "terminated")
        XCTAssertTrue(lines.contains { $0["type"] as? String == "trade" && $0["reason"] as? String == "close_out" })
    }

    func testSigkillLosesNoTrade() throws {
        let journal = try start("--seed 10 --paused")
        for _ in 0..<3 {
            try session.keys("b")
        }
        XCTAssertNotNil(session.wait { ScreenText.hasLine($0, matching: "╭ Trades ─+ 3 ─╮") })
        let pid = try XCTUnwrap(session.foregroundChild())
        kill(pid, SIGKILL)
        XCTAssertNotNil(session.wait { $0.contains("EXIT=137") })
        try session.type("reset")
        let trades = try journalLines(journal).filter { $0["type"] as? String == "trade" }
        XCTAssertEqual(trades.count, 3)
    }

    func testCtrlZSuspendsAndFgRedraws() throws {
        _ = try start("--seed 12 --paused")
        try session.keys("C-z")
        XCTAssertNotNil(session.wait { $0.contains("Stopped") }, "Ctrl-Z did not suspend")
        try session.type("fg")
        XCTAssertNotNil(session.wait { $0.contains("Net delta") && $0.contains("Option book") }, "no redraw after fg")
        _ = try quit()
        try assertCleanShell()
    }

    func testATrapRestoresTheTerminal() throws {
        _ = try start("--seed 13 --paused", environment: ["GAMMASCALP_TEST_TRAP": "1", "SWIFT_BACKTRACE": "enable=no"])
        try session.keys("!")
        let screen = session.wait { $0.contains("EXIT=") }
        XCTAssertNotNil(screen, "the trap did not end the program")
        XCTAssertTrue(screen?.contains("GAMMASCALP_TEST_TRAP") ?? false, "the trap message was lost:\n\(screen ?? "")")
        try assertCleanShell()
    }

    func testColorsAndNoColor() throws {
        _ = try start("--seed 14 --paused --theme solarized")
        XCTAssertTrue(session.capture(escapes: true).contains("\u{1B}[38;5;"), "no 256-color output")
        _ = try quit()
        session.close()
        _ = try start("--seed 14 --paused", environment: ["NO_COLOR": "1"])
        let plain = session.capture(escapes: true)
        let color = plain.range(of: #"\x1B\[[0-9;]*(3[0-7]|4[0-7]|[34]8;[25];[0-9;]*)m"#, options: .regularExpression)
        XCTAssertNil(color, "colors despite NO_COLOR: \(color.map { plain[$0].debugDescription } ?? "")")
        XCTAssertTrue(plain.contains("\u{1B}[1;7m"), "no reverse-video header without color")
        _ = try quit()
    }
}

/// The command line around the screen: errors before it starts, the themes list.
final class PlayCommandLineTests: XCTestCase {
    var binary: String { Products.gammascalp }

    func testABadThemeFileIsRefusedWithItsLineAndKey() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bad-theme-\(getpid()).toml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "name = \"bad\"\n[colors]\ntext = \"white\"\nloss = \"#zz0000\"\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try runProcess(binary, ["play", "--theme", file.path, "--no-journal"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("error: \(file.path):4: loss = '#zz0000' is not a color"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1)
    }

    func testUnknownNamesAreRefused() throws {
        let theme = try runProcess(binary, ["--theme", "nosuch", "--no-journal"])
        XCTAssertEqual(theme.status, 1)
        XCTAssertTrue(theme.stderr.hasPrefix("error: --theme: unknown theme 'nosuch' (known: "), theme.stderr)
        let scenario = try runProcess(binary, ["--scenario", "nosuch", "--no-journal"])
        XCTAssertNotEqual(scenario.status, 0)
        XCTAssertTrue(scenario.stderr.hasPrefix("error: --scenario: unknown scenario 'nosuch'"), scenario.stderr)
        let speed = try runProcess(binary, ["play", "--speed", "0"])
        XCTAssertTrue(speed.stderr.hasPrefix("error: --speed must be positive"), speed.stderr)
    }

    func testWithoutATerminalPlayExplainsItself() throws {
        let result = try runProcess(binary, ["--no-journal"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "error: play needs a terminal: standard input and output must be a TTY\n")
    }

    func testThemesListsTheBundledThemes() throws {
        let result = try runProcess(binary, ["themes"], environment: ["HOME": "/nonexistent", "PATH": "/usr/bin:/bin"])
        XCTAssertEqual(result.status, 0)
        for name in ["default", "light", "high-contrast", "solarized", "mono"] {
            XCTAssertTrue(result.stdout.contains("\n\(name) "), "themes lacks \(name):\n\(result.stdout)")
        }
        XCTAssertTrue(result.stdout.contains("bundled"))
    }

    func testBundledThemesWorkFromACopiedBinary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copied-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("gammascalp").path
        try FileManager.default.copyItem(atPath: binary, toPath: copy)
        let result = try runProcess(copy, ["themes", "--source"], environment: ["HOME": "/nonexistent"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("name = \"solarized\""))
    }
}
