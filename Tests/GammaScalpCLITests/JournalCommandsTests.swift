import Foundation
import Testing
import ScalpEngine
import ScalpFormat
import ScalpJournal
import ScalpTUI
@testable import gammascalp

/// Session journals as `play` writes them: the live screen's state machine (`AppState`) driven
/// by commands at chosen steps, its events written with the real `JournalLine.text`. A
/// session played without a terminal, in milliseconds.
enum JournalFixture {
    /// When the fixture sessions "started": 2026-11-18T19:33:20Z.
    static let startedAt = Date(timeIntervalSince1970: 1_795_030_400)

    static func play(scenario: Scenario = .classicScalp, seed: UInt64 = 5, autoHedge: Bool = false,
                     commands: [Int: [Command]] = [:], keys: [Int: [Key]] = [:], quitAt: Int? = nil) -> String {
        var settings = PlaySettings(scenario: scenario, seed: seed, autoHedge: autoHedge)
        settings.startedAt = startedAt
        var state = AppState(settings)
        var lines: [String] = []
        func flush() { lines += state.takeEvents().map(\.text) }
        while state.endReason == nil {
            let step = state.session.step
            for command in commands[step] ?? [] { state.perform(command) }
            for key in keys[step] ?? [] { state.handle(key) }
            if step == quitAt { state.end(.quit) } else { state.advance(steps: 1) }
            flush()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A trainee who hedges by hand, trades lots, changes speed, turns the auto-hedger on,
    /// switches policy and quits at step 900 of classic-scalp.
    static let busyTrainee: [Int: [Command]] = [
        0: [.lotDown], 30: [.hedgeNow], 90: [.buyLot, .faster], 150: [.lotUp, .sellLot], 200: [.toggleAutoHedge],
        400: [.nextPolicy], 555: [.togglePause, .togglePause], 700: [.sellLot], 701: [.hedgeNow],
    ]

    static func write(_ text: String, name: String = "journal") throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-journal-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name + ".jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    static func object(_ line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    static func type(_ line: String) -> String { object(line)["type"] as? String ?? "" }

    /// A field's JSON text as written, e.g. the digits of a number. (Compare numbers as text:
    /// JSONSerialization on Linux does not always read a double back to the same bits.)
    static func raw(_ line: String, _ key: String) -> String? {
        guard let start = line.range(of: "\"\(key)\":") else { return nil }
        return String(line[start.upperBound...].prefix { $0 != "," && $0 != "}" })
    }
}

@Suite("replay, export, report and leaderboard on session journals")
struct JournalCommandsTests {
    let busy = JournalFixture.play(commands: JournalFixture.busyTrainee, quitAt: 900)

    // MARK: - replay --verify

    @Test func verifyPassesOnARealJournal() throws {
        let path = try JournalFixture.write(busy)
        let lines = JournalFixture.lines(busy)
        let trades = lines.filter { JournalFixture.type($0) == "trade" }.count
        let ticks = lines.filter { JournalFixture.type($0) == "tick" }.count
        let pnl = try #require(JournalFixture.object(lines.last ?? "")["pnl"] as? Double)
        #expect(trades >= 6 && ticks > 70)
        let result = try CLI.run(["replay", "--verify", path])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout == "verified: \(trades) trades, \(ticks) ticks, final P&L \(Table.fixed(pnl, 2)) match\n")
    }

    /// trend-day's day is shorter than its options: the session ends at its horizon.
    @Test func verifyPassesOnASessionThatRanToItsHorizon() throws {
        let trendDay = try #require(Scenario.named("trend-day"))
        let text = JournalFixture.play(scenario: trendDay, seed: 77, autoHedge: true, commands: [300: [.nextPolicy]])
        #expect(JournalFixture.object(JournalFixture.lines(text).last ?? "")["reason"] as? String == "horizon")
        let result = try CLI.run(["replay", "--verify", try JournalFixture.write(text)])
        #expect(result.status == 0 && result.stdout.hasPrefix("verified: ") && result.stdout.hasSuffix(" match\n"), "\(result.stderr)")
    }

    @Test func aTamperedTradePriceFailsWithItsLine() throws {
        var lines = JournalFixture.lines(busy)
        let index = try #require(lines.indices.filter { JournalFixture.type(lines[$0]) == "trade" }.dropFirst().first)
        let trade = JournalFixture.object(lines[index])
        let price = try #require(trade["price"] as? Double)
        let step = try #require(trade["step"] as? Int)
        let tampered = price.nextUp
        lines[index] = lines[index].replacingOccurrences(of: "\"price\":\(JSONText.format(price))",
                                                         with: "\"price\":\(JSONText.format(tampered))")
        let path = try JournalFixture.write(lines.joined(separator: "\n") + "\n")
        let result = try CLI.run(["replay", "--verify", path])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "error: \(path):\(index + 1): trade at step \(step): recorded price "
                + "\(JSONText.format(tampered)), replayed price \(JSONText.format(price))\n")
    }

    /// A journal from another version that does not verify says so: the last digits of the
    /// hedger's deltas may differ between versions.
    @Test func aMismatchFromAnotherVersionNamesBothVersions() throws {
        var lines = JournalFixture.lines(busy)
        lines[0] = lines[0].replacingOccurrences(of: "\"version\":\"\(GammaScalp.version)\"", with: "\"version\":\"0.1.0\"")
        #expect(lines[0].contains("\"version\":\"0.1.0\""))
        let tick = try #require(lines.indices.filter { JournalFixture.type(lines[$0]) == "tick" }.dropFirst(3).first)
        lines[tick] = lines[tick].replacingOccurrences(of: "\"pnl\":", with: "\"pnl\":1")
        let result = try CLI.run(["replay", "--verify", try JournalFixture.write(lines.joined(separator: "\n") + "\n")])
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("(recorded by gammascalp 0.1.0, replayed by \(GammaScalp.version): "
                                        + "numbers can differ in the last digits between versions)\n"), "\(result.stderr)")
    }

    @Test func aTamperedActionOrTickFails() throws {
        var lines = JournalFixture.lines(busy)
        let hedge = try #require(lines.firstIndex { $0.contains("\"action\":\"hedge_now\"") })
        lines[hedge] = lines[hedge].replacingOccurrences(of: "hedge_now", with: "buy_lot")
        let result = try CLI.run(["replay", "--verify", try JournalFixture.write(lines.joined(separator: "\n") + "\n")])
        #expect(result.status == 1 && result.stderr.contains(":\(hedge + 2): trade at step "), "the hedge's trade line: \(result.stderr)")

        var ticks = JournalFixture.lines(busy)
        let tick = try #require(ticks.indices.filter { JournalFixture.type(ticks[$0]) == "tick" }.dropFirst(10).first)
        ticks[tick] = ticks[tick].replacingOccurrences(of: "\"pnl\":", with: "\"pnl\":1")
        let tickResult = try CLI.run(["replay", "--verify", try JournalFixture.write(ticks.joined(separator: "\n") + "\n")])
        #expect(tickResult.status == 1 && tickResult.stderr.contains(":\(tick + 1): tick at step "))
        #expect(tickResult.stderr.contains(": recorded pnl 1"), "\(tickResult.stderr)")
    }

    @Test func aTruncatedJournalReplaysAndSaysSo() throws {
        // Killed while writing a line: the bytes stop mid-line.
        let bytes = Array(busy.utf8)
        var cut = bytes.count * 6 / 10
        while bytes[cut - 1] == UInt8(ascii: "\n") || bytes[cut] == UInt8(ascii: "\n") { cut += 1 }
        let text = String(decoding: bytes[..<cut], as: UTF8.self)
        let complete = JournalFixture.lines(text).dropLast()
        let lastStep = try #require(JournalFixture.object(complete.last ?? "")["step"] as? Int)
        let path = try JournalFixture.write(text)
        let result = try CLI.run(["replay", "--verify", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "note: \(path): journal truncated after line \(complete.count) (no end line); "
                + "replaying up to step \(lastStep), the last recorded\n")
        #expect(result.stdout.hasPrefix("verified: ") && result.stdout.contains("match up to step \(lastStep)"), "\(result.stdout)")
    }

    @Test(arguments: [
        ("", "the journal is empty"),
        ("{\"type\":\"tick\",\"t\":0,\"step\":0}\n", "1: not a gammascalp session journal (the first line is not a \"start\" line)"),
        ("START\n{\"type\":\"tick\",\n{\"type\":\"tick\",\"t\":0,\"step\":0}\n", "2: not valid JSON"),
        ("START\n[1,2]\n", "2: not a JSON object"),
        ("START\n{\"type\":\"trade\",\"t\":0,\"step\":3,\"qty\":\"x\",\"price\":1,\"cost\":0,\"reason\":\"auto\"}\n", "2: trade line: 'qty' is not a number"),
        ("START\n{\"type\":\"action\",\"t\":0,\"step\":3,\"action\":\"sell_everything\"}\n", "2: action line: unknown action 'sell_everything'"),
        ("START\n{\"type\":\"tick\",\"t\":0,\"step\":9}\n{\"type\":\"tick\",\"t\":0,\"step\":3}\n", "3: step 3 comes after step 9; journal lines must be in step order"),
    ])
    func brokenJournalsAreOneErrorLine(text: String, message: String) throws {
        let start = JournalFixture.lines(busy)[0]
        let path = try JournalFixture.write(text.replacingOccurrences(of: "START", with: start))
        let result = try CLI.run(["replay", "--verify", path])
        #expect(result.status == 1 && result.stdout.isEmpty)
        let separator = message.first?.isNumber == true ? ":" : ": "
        #expect(result.stderr == "error: \(path)\(separator)\(message)\n")
    }

    @Test func newerFormatsAndOldJournalsAreRefused() throws {
        let start = JournalFixture.lines(busy)[0]
        let newer = try JournalFixture.write(start.replacingOccurrences(of: "\"format\":1", with: "\"format\":2") + "\n")
        let result = try CLI.run(["replay", "--verify", newer])
        #expect(result.status == 1 && result.stderr == "error: \(newer):1: journal format 2 is newer than this gammascalp reads (1); use a newer gammascalp\n")
        let specStart = try #require(start.range(of: ",\"scenario_spec\":"))
        let old = try JournalFixture.write(String(start[..<specStart.lowerBound]) + "}\n")
        let oldResult = try CLI.run(["replay", "--verify", old])
        #expect(oldResult.status == 1 && oldResult.stderr.hasPrefix("error: \(old):1: the start line has no \"scenario_spec\""))
    }

    @Test func aJournalWithSeveralSessionsNeedsSession() throws {
        let other = JournalFixture.play(seed: 9, commands: [10: [.hedgeNow]], quitAt: 50)
        let path = try JournalFixture.write(busy + other)
        let result = try CLI.run(["replay", "--verify", path])
        #expect(result.status == 1 && result.stderr == "error: \(path) holds 2 sessions; pick one with --session 1…2\n")
        let second = try CLI.run(["replay", "--verify", path, "--session", "2"])
        #expect(second.status == 0 && second.stdout.hasPrefix("verified: 2 trades, "), "\(second.stdout)\(second.stderr)")
    }

    // MARK: - The screen replay

    /// The screen's replay applies the recorded actions through the same `AppState` as live
    /// play: it writes the very journal it replays (less the screen-only control lines), and
    /// the trading keys do nothing.
    @Test func theScreenReplayRecreatesTheJournal() throws {
        let document = try JournalReader.parse(busy, path: "busy.jsonl")
        let recorded = try #require(document.sessions.first)
        let script = try recorded.script()
        var settings = PlaySettings(scenario: script.scenario, seed: script.seed, speed: 1, autoHedge: script.autoHedge,
                                    replay: ScriptedPlay(script: script, endReason: .quit))
        settings.startedAt = recorded.start.startedAt
        var state = AppState(settings)
        var lines = state.takeEvents().map(\.text)
        for key in "hbsaA[]" { state.handle(.character(key.unicodeScalars.first!), keyMap: ReplayCommand.playbackKeys) }
        while state.endReason == nil {
            state.advance(steps: 7)
            lines += state.takeEvents().map(\.text)
        }
        let expected = JournalFixture.lines(busy).filter { JournalFixture.type($0) != "control" }
        #expect(lines.count == expected.count)
        #expect(lines == expected)
    }

    @Test func theScreenReplayStopsAtATruncatedJournalsLastStep() throws {
        let lines = JournalFixture.lines(busy)
        let document = try JournalReader.parse(lines.prefix(lines.count / 2).joined(separator: "\n") + "\n", path: "half.jsonl")
        let recorded = try #require(document.sessions.first)
        var state = AppState(PlaySettings(scenario: recorded.start.scenario, seed: 5,
                                          replay: ScriptedPlay(script: try recorded.script(), endReason: nil)))
        state.advance(steps: 5000)
        #expect(state.session.step == recorded.lastStep && state.isReplayComplete && !state.isRunning)
        #expect(state.endReason == nil && !state.session.isFinished)
    }

    // MARK: - export

    @Test func exportWritesEveryStepAndEveryTrade() throws {
        let path = try JournalFixture.write(busy)
        let folder = (path as NSString).deletingLastPathComponent
        let csv = folder + "/steps.csv", tradesCSV = folder + "/trades.csv"
        let result = try CLI.run(["export", path, "--csv", csv, "--trades", tradesCSV])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stderr)")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows[0] == StepCSV.columns)
        #expect(rows.count == 902, "steps 0…900 and the header")
        #expect(rows.dropFirst().map { Int($0[0]) } == Array(0...900))
        #expect(rows.allSatisfy { $0.count == StepCSV.columns.count })
        let column = { (name: String) in StepCSV.columns.firstIndex(of: name)! }
        let journal = JournalFixture.lines(busy)
        let tradeLines = journal.filter { JournalFixture.type($0) == "trade" }
        #expect(rows.dropFirst().compactMap { Int($0[column("trades")]) }.reduce(0, +) == tradeLines.count)
        // The last row is the end line's P&L, digit for digit; a tick line's spot is its step's.
        let end = try #require(journal.last)
        #expect(end.contains("\"pnl\":\(rows[901][column("pnl")]),"))
        let tick = try #require(journal.first { JournalFixture.type($0) == "tick" && JournalFixture.raw($0, "step") == "120" })
        #expect(rows[121][column("spot")] == JournalFixture.raw(tick, "spot"))
        #expect(rows[1][column("realized_vol")] == "", "no realized vol after one return")

        let trades = try String(contentsOfFile: tradesCSV, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(trades[0] == StepCSV.tradeColumns && trades.count == tradeLines.count + 1)
        for (row, line) in zip(trades.dropFirst(), tradeLines) {
            let cell = { (name: String) in row[StepCSV.tradeColumns.firstIndex(of: name)!] }
            #expect(cell("step") == JournalFixture.raw(line, "step") && cell("price") == JournalFixture.raw(line, "price")
                    && cell("cost") == JournalFixture.raw(line, "cost") && "\"\(cell("reason"))\"" == JournalFixture.raw(line, "reason")
                    && cell("instrument") == "underlying")
        }
    }

    /// An option bought with the ticket (`o`, then Enter) is a row of `export --trades` and of
    /// the report, with its kind, strike, expiry, side, contracts, price and premium.
    @Test func optionTicketTradesAreInTheTradesCSVAndTheReport() throws {
        let text = JournalFixture.play(keys: [40: [.character("o"), .enter], 60: [.character("h")]], quitAt: 200)
        let journal = JournalFixture.lines(text)
        let action = try #require(journal.first { JournalFixture.type($0) == "action" && $0.contains("trade_option") },
                                  "the ticket's Enter records an option trade")
        let path = try JournalFixture.write(text)
        let folder = (path as NSString).deletingLastPathComponent
        let result = try CLI.run(["export", path, "--csv", folder + "/steps.csv", "--trades", "-"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == StepCSV.tradeColumns && rows.allSatisfy { $0.count == StepCSV.tradeColumns.count })
        let column = { (name: String) in StepCSV.tradeColumns.firstIndex(of: name)! }
        let options = rows.filter { $0[column("instrument")] == "option" }
        let option = try #require(options.first, "\(result.stdout)")
        #expect(options.count == 1 && option[column("step")] == "40" && option[column("side")] == "buy")
        #expect(["call", "put"].contains(option[column("kind")]) && Double(option[column("strike")])! > 0)
        let contracts = try #require(Double(option[column("qty")])), multiplier = try #require(Double(option[column("multiplier")]))
        let price = try #require(Double(option[column("price")])), premium = try #require(Double(option[column("premium")]))
        #expect(contracts > 0 && abs(premium - contracts * multiplier * price) <= 1e-9 * premium, "premium = units × price")
        #expect(action.contains(JournalFixture.raw(action, "strike") ?? "?") && Double(option[column("expiry_years")])! > 0)
        #expect(rows.contains { $0[column("instrument")] == "underlying" && $0[column("step")] == "60" }, "the h after it")

        let html = folder + "/report.html"
        #expect(try CLI.run(["report", path, "--out", html]).status == 0)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<h2>Option trades (1)</h2>") && page.contains("\(option[column("kind")]) "))
    }

    // MARK: - report

    @Test func reportIsOneSelfContainedPageWithChartsAndTheVerdict() throws {
        let path = try JournalFixture.write(busy)
        let html = (path as NSString).deletingLastPathComponent + "/report.html"
        let result = try CLI.run(["report", path, "--out", html])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        var replay = SessionReplay(try #require(JournalReader.parse(busy, path: path).sessions.first).script())
        replay.runToEnd()
        let score = replay.training.grade
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        #expect(page.components(separatedBy: "<svg ").count - 1 == 7)
        for id in ["price", "vol", "range-vol", "delta", "attribution", "benchmark", "best-rule"] {
            #expect(page.contains("<figure id=\"chart-\(id)\">"))
        }
        for name in RangeVolEstimator.allCases.map(\.name) { #expect(page.contains(HTML.escape(name)), "\(name) in the range chart") }
        #expect(page.contains(HTML.escape(score.verdict)))
        #expect(page.contains("<div class=\"points\">\(Int(score.points))<small>/100</small>"))
        #expect(page.contains("reproduces every recorded trade, tick and the final P&amp;L exactly"))
        #expect(page.contains("K 100"), "the strike line")
        #expect(page.contains("<dt>Played</dt><dd>2026-11-18T19:33:20Z (UTC)</dd>"), "the wall-clock start")
        let nearest = try #require(score.nearestRule), best = try #require(score.bestRule)
        let parts = try #require(score.decomposition)
        #expect(page.contains("<tr><th>Hedged most like</th><td colspan=\"2\">\(nearest)</td></tr>"))
        #expect(page.contains("<tr><th>Best rule on this path</th><td colspan=\"2\">\(best)</td></tr>"))
        #expect(page.contains("<tr><th>Luck: the market&#39;s part</th><td colspan=\"2\">\(Format.money(parts.market))</td></tr>")
                || page.contains("<tr><th>Luck: the market's part</th><td colspan=\"2\">\(Format.money(parts.market))</td></tr>"))
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href="))
        #expect(page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("http") == false)
        let again = try CLI.run(["report", path, "--out", "-"])
        #expect(again.stdout == page, "the same journal gives the same bytes")
    }

    // MARK: - leaderboard

    @Test func leaderboardRanksTraineesOfOneMarket() throws {
        let lazy = JournalFixture.play(commands: [600: [.hedgeNow]], quitAt: 900)
        let auto = JournalFixture.play(autoHedge: true, quitAt: 900)
        let paths = try [("busy", busy), ("lazy", lazy), ("auto", auto)].map { try JournalFixture.write($0.1, name: $0.0) }
        let result = try CLI.run(["leaderboard", "--json"] + paths)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let object = try #require(JournalFixture.object(result.stdout))
        let ranking = try #require(object["ranking"] as? [[String: Any]])
        #expect(object["scenario"] as? String == "classic-scalp" && object["seed"] as? Int == 5)
        #expect(Set(ranking.compactMap { $0["trainee"] as? String }) == ["busy", "lazy", "auto"], "named as the live board names them")
        // Each quits at step 900 of the month: unfinished sessions are listed, never ranked.
        #expect(ranking.allSatisfy { $0["finished"] as? Bool == false && $0["rank"] is NSNull })
        // Luck is the path's, the same for every trainee; skill and the nearest rule are each one's.
        let markets = Set(ranking.compactMap { $0["market"] as? Double })
        #expect(markets.count == 1 && ranking.allSatisfy { $0["hedging"] is Double && $0["nearest_rule"] is String })
        let table = try CLI.run(["leaderboard"] + paths)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines[0].hasPrefix("classic-scalp, seed 5: 3 sessions"))
        #expect(lines[1].hasPrefix("rank  trainee") && lines[2].hasPrefix("   –  "))
        #expect(lines.dropFirst(2).allSatisfy { $0.contains("did not finish: step ") }, "\(table.stdout)")
    }

    @Test func leaderboardRefusesDifferentMarkets() throws {
        let a = try JournalFixture.write(busy, name: "a")
        let b = try JournalFixture.write(JournalFixture.play(seed: 6, quitAt: 20), name: "b")
        let result = try CLI.run(["leaderboard", a, b])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "error: \(a) and \(b) are not the same market: seed 5 vs 6; a leaderboard compares one scenario and seed\n")
        let trendDay = try #require(Scenario.named("trend-day"))
        let c = try JournalFixture.write(JournalFixture.play(scenario: trendDay, quitAt: 20), name: "c")
        let other = try CLI.run(["leaderboard", a, c])
        #expect(other.stderr.contains("not the same market: scenario 'classic-scalp' vs 'trend-day'"))
    }
}
