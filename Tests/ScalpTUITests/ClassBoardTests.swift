import Foundation
import XCTest
import ScalpEngine
import ScalpJournal
@testable import ScalpTUI

/// Real journals as `play` writes them (the live screen's state and its journal events).
enum ClassJournals {
    static func lines(seed: UInt64 = 5, autoHedge: Bool = false, commands: [Int: [Command]] = [:],
                      steps: Int, end: Bool) -> [String] {
        var settings = PlaySettings(scenario: .classicScalp, seed: seed, autoHedge: autoHedge)
        settings.startedAt = Date(timeIntervalSince1970: 1_795_030_400)
        var state = AppState(settings)
        var lines = state.takeEvents().map(\.text)
        while state.session.step < steps {
            for command in commands[state.session.step] ?? [] { state.perform(command) }
            state.advance(steps: 1)
            lines += state.takeEvents().map(\.text)
        }
        if end {
            state.end(.quit)
            lines += state.takeEvents().map(\.text)
        }
        return lines
    }

    static let handHedger: [Int: [Command]] = [0: [.hedgeNow], 30: [.hedgeNow], 90: [.buyLot], 150: [.hedgeNow, .togglePause],
                                               151: [.togglePause], 200: [.toggleAutoHedge], 400: [.nextPolicy]]
}

/// A temporary class folder.
final class ClassFolder {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-class-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ trainee: String) -> String { ClassJournalName.path(directory: path, trainee: trainee) }

    func write(_ trainee: String, _ lines: [String]) throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: file(trainee), atomically: false, encoding: .utf8)
    }

    func append(_ trainee: String, _ bytes: some Sequence<UInt8>) throws {
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: file(trainee)))
        handle.seekToEndOfFile()
        handle.write(Data(bytes))
        try handle.close()
    }
}

final class ClassBoardTests: XCTestCase {
    /// The score the static leaderboard gives: the whole journal read and replayed.
    func replayedScore(_ text: String) throws -> SessionGrade {
        let session = try XCTUnwrap(JournalReader.parse(text, path: "x.jsonl").sessions.first)
        var replay = SessionReplay(try session.script())
        replay.runToEnd()
        return replay.training.grade
    }

    /// Fed in ragged pieces (cut mid-line and mid-number), polled after each, the follower
    /// ends with exactly the score of the whole journal replayed, and never reads a line the
    /// writer has not finished.
    func testAJournalFollowedInPiecesScoresLikeTheWholeReplay() throws {
        let lines = ClassJournals.lines(commands: ClassJournals.handHedger, steps: 600, end: true)
        let text = lines.joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        let folder = try ClassFolder()
        try Data().write(to: URL(fileURLWithPath: folder.file("alice")))
        var follower = JournalFollower(path: folder.file("alice"), now: 0)
        var random = SplitMix64(state: 11)
        var written = 0
        while written < bytes.count {
            let size = min(Int(random.next() % 900) + 1, bytes.count - written)
            try folder.append("alice", bytes[written..<written + size])
            written += size
            follower.poll(now: Double(written))
            XCTAssertNil(follower.problem, "after \(written) bytes")
            // Exactly the complete lines so far were read.
            XCTAssertEqual(follower.lines, bytes[..<written].filter { $0 == 0x0A }.count)
        }
        let session = try XCTUnwrap(follower.session)
        XCTAssertTrue(session.isEnded)
        XCTAssertNil(session.mismatch)
        XCTAssertEqual(session.score, try replayedScore(text))
    }

    func testGarbageMidSessionFreezesTheRowAndSaysWhere() throws {
        let lines = ClassJournals.lines(commands: ClassJournals.handHedger, steps: 300, end: false)
        let folder = try ClassFolder()
        try folder.write("bob", Array(lines[..<20]) + ["{\"type\":\"tick\",\"t\":0.1,\"step\":"] + Array(lines[20...]))
        var follower = JournalFollower(path: folder.file("bob"), now: 0)
        follower.poll(now: 0)
        XCTAssertEqual(follower.problem, "line 21: not valid JSON")
        // Replayed up to the last good line, not past it.
        let good = lines[..<20].joined(separator: "\n") + "\n"
        let lastStep = try XCTUnwrap(JournalReader.parse(good, path: "x").sessions.first).lastStep
        XCTAssertEqual(follower.session?.step, lastStep)
        XCTAssertEqual(follower.lines, lines.count + 1)
    }

    func testATickWhosePnLTheReplayDoesNotReproduceIsNoted() throws {
        var lines = ClassJournals.lines(steps: 100, end: false)
        let index = try XCTUnwrap(lines.lastIndex { $0.contains("\"type\":\"tick\"") })
        lines[index] = lines[index].replacingOccurrences(of: #""pnl":"#, with: #""pnl":1000,"was":"#)
        let folder = try ClassFolder()
        try folder.write("mallory", lines)
        var follower = JournalFollower(path: folder.file("mallory"), now: 0)
        follower.poll(now: 0)
        XCTAssertEqual(follower.session?.mismatch?.line, index + 1)
        let row = try XCTUnwrap(ClassStanding([follower], now: 0).rows.first)
        XCTAssertTrue(row.notes.contains { $0.hasPrefix("line \(index + 1): recorded P&L 1000.0, replayed") }, "\(row.notes)")
    }

    /// A class: three trainees of seed 5 ranked by points, one of seed 6 apart, one garbage file
    /// apart; each state from the journal, its lock and the clock.
    func makeClass() throws -> (ClassFolder, ClassDirectory, JournalAppender) {
        let folder = try ClassFolder()
        try folder.write("alice", ClassJournals.lines(autoHedge: true, steps: 400, end: true))
        try folder.write("bob", ClassJournals.lines(commands: [10: [.buyLot], 11: [.buyLot]], steps: 300, end: false))
        try folder.write("dave", ClassJournals.lines(seed: 6, steps: 50, end: true))
        try folder.write("eve", ["not json at all"])
        // carol's process is alive: it holds her journal's lock while writing.
        let carol = try JournalAppender(path: folder.file("carol"), exclusive: true)
        for line in ClassJournals.lines(commands: ClassJournals.handHedger, steps: 200, end: false) {
            try carol.write(XCTUnwrap(try JournalLine.decode(Data(line.utf8))))
        }
        var directory = ClassDirectory(path: folder.path)
        XCTAssertTrue(directory.poll(now: 0))
        XCTAssertFalse(directory.poll(now: 0.5), "nothing changed")
        return (folder, directory, carol)
    }

    func testTraineesAreRankedAndOtherMarketsShownApart() throws {
        let (folder, directory, carol) = try makeClass()
        _ = (folder, carol)
        let standing = ClassStanding(directory.followers, now: 1)
        XCTAssertEqual(standing.market?.seed, 5)
        XCTAssertEqual(Set(standing.ranked.map(\.trainee)), ["alice", "bob", "carol"])
        let points = standing.ranked.map { $0.score!.points }
        XCTAssertEqual(points, points.sorted(by: >), "best first")
        XCTAssertEqual(standing.ranked.map(\.rank), [1, 2, 3])
        XCTAssertEqual(standing.apart.map(\.trainee), ["dave", "eve"])
        XCTAssertEqual(standing.apart[0].apart, "seed 6 vs 5")
        XCTAssertNil(standing.apart[0].rank)
        XCTAssertEqual(standing.apart[1].state, .unreadable)
        XCTAssertEqual(standing.apart[1].notes, ["line 1: not valid JSON"])

        // States: just read, everyone is where the journal says.
        func state(_ name: String, _ standing: ClassStanding) -> TraineeState? { standing.rows.first { $0.trainee == name }?.state }
        XCTAssertEqual(state("alice", standing), .ended)
        XCTAssertEqual(state("bob", standing), .playing)
        XCTAssertEqual(state("carol", standing), .playing)
        // 5 s later bob's writer is gone (no lock): truncated. Carol's holds the lock: playing.
        let later = ClassStanding(directory.followers, now: 5)
        XCTAssertEqual(state("bob", later), .truncated)
        XCTAssertEqual(state("carol", later), .playing)
        // 12 s of silence from a live process: stalled.
        XCTAssertEqual(state("carol", ClassStanding(directory.followers, now: 12)), .stalled)

        // The majority decides the market: two trainees of seed 6 against one of seed 5.
        let other = try ClassFolder()
        try other.write("x", ClassJournals.lines(seed: 6, steps: 20, end: true))
        try other.write("y", ClassJournals.lines(seed: 5, steps: 20, end: true))
        try other.write("z", ClassJournals.lines(seed: 6, steps: 30, end: true))
        var watched = ClassDirectory(path: other.path)
        watched.poll(now: 0)
        let majority = ClassStanding(watched.followers, now: 0)
        XCTAssertEqual(majority.market?.seed, 6)
        XCTAssertEqual(majority.apart.map(\.trainee), ["y"])
        XCTAssertEqual(majority.apart.first?.apart, "seed 5 vs 6")
    }

    func testPausedAndStartingSessionsSaySo() throws {
        let folder = try ClassFolder()
        let paused = try JournalAppender(path: folder.file("pat"), exclusive: true)
        for line in ClassJournals.lines(commands: [50: [.togglePause]], steps: 51, end: false) {
            try paused.write(XCTUnwrap(try JournalLine.decode(Data(line.utf8))))
        }
        let starting = try JournalAppender(path: folder.file("sam"), exclusive: true)
        try starting.write(XCTUnwrap(try JournalLine.decode(Data(ClassJournals.lines(steps: 0, end: false)[0].utf8))))
        var directory = ClassDirectory(path: folder.path)
        directory.poll(now: 0)
        let standing = ClassStanding(directory.followers, now: 60)
        XCTAssertEqual(standing.rows.map(\.trainee), standing.ranked.map(\.trainee))
        XCTAssertEqual(standing.rows.first { $0.trainee == "pat" }?.state, .paused)
        XCTAssertEqual(standing.rows.first { $0.trainee == "sam" }?.state, .starting)
        XCTAssertEqual(standing.rows.first { $0.trainee == "sam" }?.step, 0)
        _ = (paused, starting)
    }

    func testADeletedJournalKeepsItsRowMarked() throws {
        let (folder, directory, carol) = try makeClass()
        _ = carol
        var watched = directory
        try FileManager.default.removeItem(atPath: folder.file("alice"))
        XCTAssertTrue(watched.poll(now: 2))
        let alice = try XCTUnwrap(ClassStanding(watched.followers, now: 2).rows.first { $0.trainee == "alice" })
        XCTAssertEqual(alice.notes, ["file deleted"])
        XCTAssertEqual(alice.state, .ended)
        // Truncated to nothing and rewritten: read again from the start, marked.
        try folder.write("bob", ClassJournals.lines(steps: 24, end: false))
        watched.poll(now: 3)
        let bob = try XCTUnwrap(ClassStanding(watched.followers, now: 3).rows.first { $0.trainee == "bob" })
        XCTAssertEqual(bob.step, 24)
        XCTAssertEqual(bob.notes, ["file rewritten"])
    }

    // MARK: - The screen

    func board() throws -> (BoardState, ClassFolder, JournalAppender) {
        let (folder, directory, carol) = try makeClass()
        var state = BoardState(directory: "/srv/class/today")
        state.update(ClassStanding(directory.followers, now: 5), problem: nil)
        return (state, folder, carol)
    }

    func testTheBoardRendersRankedRowsThenTheOnesApart() throws {
        var (state, folder, carol) = try board()
        _ = (folder, carol)
        try assertGolden(BoardScreen.render(state, width: 120, height: 16), "class-board-120x16")
        // The first row is selected: drawn on the selection color.
        let grid = BoardScreen.render(state, width: 120, height: 16)
        XCTAssertEqual(grid[10, 3].style.background, .selection)
        XCTAssertEqual(grid[10, 4].style.background, .background)
        state.handle(.down)
        state.handle(.enter)
        try assertGolden(BoardScreen.render(state, width: 120, height: 30), "class-board-summary-120x30")
        XCTAssertTrue(BoardScreen.render(state, width: 120, height: 30).text.contains("Score so far"))
        state.handle(.escape)
        XCTAssertFalse(BoardScreen.render(state, width: 120, height: 30).text.contains("Score so far"))
        try assertGolden(BoardScreen.render(state, width: 80, height: 12), "class-board-80x12")
    }

    /// The step and time columns keep two spaces between them, and the trainee's card wraps
    /// its numbers rather than cutting them, at 120 and at 80 columns.
    func testColumnsKeepApartAndTheCardNeverCutsANumber() throws {
        var (state, folder, carol) = try board()
        _ = (folder, carol)
        let table = BoardScreen.render(state, width: 120, height: 16).text
        XCTAssertNotNil(table.firstMatch(of: /[0-9]+\/[0-9]+  +day [0-9]+ [0-9]{2}:[0-9]{2}/), table)
        XCTAssertNil(table.firstMatch(of: /[0-9]\/[0-9]+ day/), "step and time run together:\n\(table)")
        state.handle(.enter)
        for (width, height) in [(80, 24), (120, 30)] {
            let card = BoardScreen.render(state, width: width, height: height).text
            XCTAssertNotNil(card.firstMatch(of: /implied [0-9]+\.[0-9]%/), "the implied vol cut at \(width)×\(height):\n\(card)")
        }
    }

    func testSortCyclesAndTheSelectionFollowsTheTrainee() throws {
        var (state, folder, carol) = try board()
        _ = (folder, carol)
        state.handle(.down)
        let selected = try XCTUnwrap(state.selectedRow?.trainee)
        var seen: [BoardSortColumn] = [state.sort]
        for _ in BoardSortColumn.allCases {
            state.handle(.character("s"))
            seen.append(state.sort)
            XCTAssertEqual(state.selectedRow?.trainee, selected, "sorting keeps the trainee selected")
        }
        XCTAssertEqual(seen, BoardSortColumn.allCases + [.score])
        state.handle(.character("s"))  // by trainee
        XCTAssertEqual(state.rows.map(\.trainee), ["alice", "bob", "carol", "dave", "eve"])
        XCTAssertTrue(BoardScreen.render(state, width: 120, height: 16).line(2).contains("trainee▼"))
        for _ in 0..<10 { state.handle(.down) }
        XCTAssertEqual(state.selectedRow?.trainee, "eve", "the selection stops at the last row")
        state.handle(.character("q"))
        XCTAssertTrue(state.exitRequested)
    }

    // MARK: - The loop

    func testTheLoopLooksOnceASecondAndQuitsOnQ() throws {
        let (folder, _, carol) = try makeClass()
        _ = carol
        let clock = FakeClock()
        let terminal = ScriptedTerminal(clock: clock, script: [(3.5, .key(.character("q")))])
        let loop = BoardLoop(directory: folder.path, backend: terminal) { clock.now }
        XCTAssertNil(loop.run())
        // Polls at 0, 1, 2 and 3 s (each a new standing), then q.
        XCTAssertEqual(loop.state.revision, 5)
        XCTAssertTrue(terminal.waits.allSatisfy { $0.timeout <= 1.0 + 1e-9 })
        XCTAssertTrue(terminal.lastGrid?.text.contains("carol") ?? false)
    }

    func testSigtermStopsTheLoop() throws {
        let folder = try ClassFolder()
        let clock = FakeClock()
        let terminal = ScriptedTerminal(clock: clock, script: [(0.5, .signal(.terminate))])
        let loop = BoardLoop(directory: folder.path, backend: terminal) { clock.now }
        XCTAssertEqual(loop.run(), .terminate)
        XCTAssertTrue(terminal.lastGrid?.text.contains("No trainee has started yet") ?? false)
    }
}
