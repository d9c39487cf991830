import Foundation
import XCTest
import ScalpEngine
import ScalpJournal
import ScalpTUI

/// `leaderboard --watch DIR` under tmux, with trainees playing (`play --class`) in other
/// windows of the same server, and journals grown by hand where the test needs to know the
/// ranking in advance.
final class ClassBoardEndToEndTests: TmuxTestCase {
    var folder: String { session.home.appendingPathComponent("class").path }

    func startBoard(_ extra: String = "") throws {
        session = try TmuxSession(width: 130, height: 30)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try session.type("\(binary) leaderboard --watch \(folder) \(extra); echo EXIT=$?")
        XCTAssertNotNil(session.wait { $0.contains("No trainee has started yet") }, "the board never came up")
    }

    /// A row of the board: `rank trainee step ...`.
    func rowOrder(_ screen: String, _ names: [String]) -> [String] {
        screen.split(separator: "\n").compactMap { line in
            names.first { line.range(of: "│ +[0-9–]+ \($0) ", options: .regularExpression) != nil }
        }
    }

    /// Journal lines as play writes them (the live screen's state and its journal events).
    static func lines(autoHedge: Bool, commands: [Int: [Command]], steps: Int) -> [(step: Int, text: String)] {
        var state = AppState(PlaySettings(scenario: .classicScalp, seed: 5, autoHedge: autoHedge))
        var lines = state.takeEvents().map { (0, $0.text) }
        while state.session.step < steps {
            for command in commands[state.session.step] ?? [] { state.perform(command) }
            state.advance(steps: 1)
            lines += state.takeEvents().map { ($0.step, $0.text) }
        }
        return lines
    }

    /// Points so far after the lines up to each of `steps` (ascending), as the board computes
    /// them: one session followed through the lines once.
    static func points(_ lines: [(step: Int, text: String)], at steps: [Int]) throws -> [Double] {
        var session: FollowedSession?
        var points: [Double] = []
        var index = 0
        for step in steps {
            while index < lines.count, lines[index].step <= step {
                let entry = try XCTUnwrap(try JournalLine.decode(Data(lines[index].text.utf8)))
                if case .start(let start) = entry { session = try FollowedSession(start, line: index + 1) } else { try session?.take(entry, line: index + 1) }
                index += 1
            }
            points.append(try XCTUnwrap(session).score.points)
        }
        return points
    }

    func testANewTraineeShowsWithinTwoSecondsAndRowsReRankAsJournalsGrow() throws {
        try startBoard()
        // A real trainee joins: from the journal's first line to the row on the board.
        try session.command(["new-window", "-d", "-t", "T", "\(binary) play --class \(folder) --name alice --seed 5 "
                             + "--scenario classic-scalp --no-intro --auto-hedge --speed 4"])
        let journal = ClassJournalName.path(directory: folder, trainee: "alice")
        let deadline = Date().addingTimeInterval(10)
        while ((try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0) == 0, Date() < deadline {
            usleep(5_000)
        }
        let appeared = Date()
        XCTAssertNotNil(session.wait(timeout: 2) { self.rowOrder($0, ["alice"]) == ["alice"] },
                        "alice's row did not show within 2 s of her journal")
        print("journal → row: \(Int(Date().timeIntervalSince(appeared) * 1000)) ms")
        XCTAssertNotNil(session.wait(timeout: 5) { $0.contains(" playing ") })

        // Two more trainees whose ranking flips between two moments of their journals.
        // Two hedge rules whose standing changes as the path unfolds (a bet on direction would
        // trail a hedger all along: the grade takes its luck out).
        let carol = Self.lines(autoHedge: true, commands: [:], steps: 400)
        var flip: (Int, Int)?
        var dave: [(step: Int, text: String)] = []
        let checkpoints = Array(stride(from: 24, through: 396, by: 12))
        let carolPoints = try Self.points(carol, at: checkpoints)
        candidates: for commands in [[Command.nextPolicy, .toggleAutoHedge], [.nextPolicy, .nextPolicy, .toggleAutoHedge],
                                     [.nextPolicy, .nextPolicy, .nextPolicy, .toggleAutoHedge], [.hedgeNow]] {
            dave = Self.lines(autoHedge: false, commands: [0: commands], steps: 400)
            let davePoints = try Self.points(dave, at: checkpoints)
            for i in checkpoints.indices {
                let first = carolPoints[i] > davePoints[i]
                for j in (i + 1)..<checkpoints.count where (carolPoints[j] > davePoints[j]) != first && carolPoints[j] != davePoints[j] {
                    flip = (checkpoints[i], checkpoints[j])
                    break candidates
                }
            }
        }
        let (early, late) = try XCTUnwrap(flip, "no moment where carol and dave change places")
        func write(_ name: String, _ lines: [(step: Int, text: String)], upTo step: Int) throws {
            let text = lines.filter { $0.step <= step }.map(\.text).joined(separator: "\n") + "\n"
            try text.write(toFile: ClassJournalName.path(directory: folder, trainee: name), atomically: false, encoding: .utf8)
        }
        try write("carol", carol, upTo: early)
        try write("dave", dave, upTo: early)
        let carolFirst = try Self.points(carol, at: [early])[0] > Self.points(dave, at: [early])[0]
        let before = carolFirst ? ["carol", "dave"] : ["dave", "carol"]
        XCTAssertNotNil(session.wait(timeout: 3) { self.rowOrder($0, ["carol", "dave"]) == before }, "not ranked \(before)")
        // The journals grow (appended, as play appends): the rows change places.
        try write("carol", carol, upTo: late)
        try write("dave", dave, upTo: late)
        XCTAssertNotNil(session.wait(timeout: 3) { self.rowOrder($0, ["carol", "dave"]) == Array(before.reversed()) },
                        "did not re-rank to \(Array(before.reversed()))")

        // Garbage in one journal, another cut back, a third deleted: each row marked, the board goes on.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: ClassJournalName.path(directory: folder, trainee: "dave")))
        handle.seekToEndOfFile()
        handle.write(Data("{\"type\":\"tick\",\"t\":0.1,\"st\n#garbage\n".utf8))
        try handle.close()
        try write("carol", carol, upTo: 12)
        XCTAssertNotNil(session.wait(timeout: 3) { $0.contains("not valid JSON") && $0.contains("file rewritten") }, "rows not marked")
        try FileManager.default.removeItem(atPath: ClassJournalName.path(directory: folder, trainee: "carol"))
        XCTAssertNotNil(session.wait(timeout: 3) { $0.contains("file deleted") }, "deleted row not marked")
        // A killed trainee: no end line and nobody holds the journal's lock.
        let pane = try XCTUnwrap(Int32(session.command(["list-panes", "-s", "-t", "T", "-F", "#{pane_pid}"])
            .split(separator: "\n").last ?? ""))
        let comm = (try? String(contentsOfFile: "/proc/\(pane)/comm", encoding: .utf8)) ?? ""
        let children = (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
        let player = comm.hasPrefix("gammascalp") ? pane : try XCTUnwrap(children.split(separator: " ").first.flatMap { Int32($0) })
        XCTAssertEqual(kill(player, SIGKILL), 0)
        XCTAssertNotNil(session.wait(timeout: 8) { $0.range(of: "alice .* truncated", options: .regularExpression) != nil },
                        "alice not truncated after her process was killed")
        try session.keys("q")
        XCTAssertNotNil(session.wait { $0.contains("EXIT=0") }, "q did not quit")
        try assertCleanShell()
    }

    func testEnterShowsATraineesSummaryAndEscClosesIt() throws {
        try startBoard("--theme solarized")
        let lines = Self.lines(autoHedge: true, commands: [:], steps: 100)
        try (lines.map(\.text).joined(separator: "\n") + "\n")
            .write(toFile: ClassJournalName.path(directory: folder, trainee: "erin"), atomically: false, encoding: .utf8)
        XCTAssertNotNil(session.wait(timeout: 3) { self.rowOrder($0, ["erin"]) == ["erin"] })
        try session.keys("Enter")
        XCTAssertNotNil(session.wait { $0.contains("Score so far") && $0.contains("╭ erin ") }, "no summary")
        try session.keys("Escape")
        XCTAssertNotNil(session.wait { !$0.contains("Score so far") }, "Esc did not close the summary")
        try session.keys("s")
        XCTAssertNotNil(session.wait { $0.contains("trainee▼") }, "s did not sort by trainee")
        try session.keys("C-c")
        XCTAssertNotNil(session.wait { $0.contains("EXIT=0") }, "Ctrl-C did not quit")
        try assertCleanShell()
    }

    func testSigtermRestoresTheTerminal() throws {
        try startBoard()
        let pid = try XCTUnwrap(session.foregroundChild())
        XCTAssertEqual(kill(pid, SIGTERM), 0)
        XCTAssertNotNil(session.wait { $0.contains("EXIT=143") }, "no exit 143 after SIGTERM")
        try assertCleanShell()
    }
}
