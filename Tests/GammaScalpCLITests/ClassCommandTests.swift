import Foundation
import Testing
import ScalpJournal

/// `play --class` and `leaderboard --watch` as scripts see them: every refusal is one
/// `error:` line, and a trainee's name is never shared.
@Suite("class mode: play --class and leaderboard --watch flags")
struct ClassCommandTests {
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-class-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(arguments: [
        (["--scenario", "classic-scalp"], "error: --class needs --seed: everyone in a class plays one market"),
        (["--seed", "5"], "error: --class needs --scenario: everyone in a class plays one market"),
        (["--seed", "5", "--scenario", "classic-scalp", "--no-journal"], "error: --class writes the journal to DIR/NAME.jsonl; not with --journal or --no-journal"),
        (["--seed", "5", "--scenario", "classic-scalp", "--journal", "x.jsonl"], "error: --class writes the journal to DIR/NAME.jsonl; not with --journal or --no-journal"),
        (["--seed", "5", "--scenario", "classic-scalp", "--name", "///"], "error: --name '///' leaves no usable file name"),
    ])
    func classNeedsOneMarketAndItsOwnJournal(arguments: [String], message: String) throws {
        let result = try CLI.run(["play", "--class", "DIR"] + arguments)
        #expect(result.status != 0)
        #expect(result.stderr == message + "\n")
    }

    @Test func nameIsOnlyForClass() throws {
        let result = try CLI.run(["play", "--name", "alice", "--no-journal"])
        #expect(result.status != 0 && result.stderr == "error: --name is only for --class\n")
    }

    @Test func aSecondTraineeOfTheSameNameIsRefused() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let taken = ClassJournalName.path(directory: folder, trainee: "alice")
        try "{\"type\":\"start\"}\n".write(toFile: taken, atomically: false, encoding: .utf8)
        let result = try CLI.run(["play", "--class", folder, "--name", "alice", "--seed", "5", "--scenario", "classic-scalp"])
        #expect(result.status != 0)
        // Not a session to carry on: refused, never overwritten.
        #expect(result.stderr.hasPrefix("error: --class: a trainee called 'alice' is already in \(folder), and \(taken) cannot be carried on"),
                "\(result.stderr)")
        #expect(result.stderr.hasSuffix("; pick another --name\n") && result.stderr.split(separator: "\n").count == 1)
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "{\"type\":\"start\"}\n", "the first trainee's journal is untouched")
        // A name whose journal is held by a running session is refused as in use.
        let holder = open(taken, O_RDONLY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        let held = try CLI.run(["play", "--class", folder, "--name", "alice", "--seed", "5", "--scenario", "classic-scalp"])
        #expect(held.status != 0 && held.stderr == "error: --class: a trainee called 'alice' is playing in \(folder) now "
                + "(\(taken) is in use); pick another --name\n", "\(held.stderr)")
    }

    @Test func withoutATerminalTheNameIsFreedAgain() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["play", "--class", folder, "--name", "bob", "--seed", "5", "--scenario", "classic-scalp"])
        #expect(result.stderr == "error: play needs a terminal: standard input and output must be a TTY\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let missing = try CLI.run(["play", "--class", folder + "/nope", "--seed", "5", "--scenario", "classic-scalp"])
        #expect(missing.stderr == "error: --class: no folder '\(folder)/nope' (the instructor creates it)\n")
    }

    @Test func theBoardWithoutATerminalSaysHowToRankInstead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try CLI.run(["leaderboard", "--watch", folder])
        #expect(result.status != 0)
        #expect(result.stderr == "error: leaderboard --watch needs a terminal (standard input and output a TTY); "
                + "without one, rank the journals: gammascalp leaderboard \(folder)/*.jsonl\n")
    }

    @Test(arguments: [
        (["--watch", "/nonexistent-class"], "error: --watch: '/nonexistent-class' is not a folder"),
        (["--watch", "/tmp", "a.jsonl"], "error: --watch /tmp watches a folder; give no journal files with it"),
        (["--watch", "/tmp", "--json"], "error: --watch and --json cannot be used together"),
        (["--watch", "/tmp", "--stall", "0"], "error: --stall must be positive, got 0"),
        (["--theme", "solarized", "a.jsonl"], "error: --theme is only for --watch"),
        (["--watch", "/tmp", "--theme", "no-such-theme"], ""),
    ])
    func watchFlagsAreChecked(arguments: [String], message: String) throws {
        let result = try CLI.run(["leaderboard"] + arguments)
        #expect(result.status != 0)
        if message.isEmpty {
            #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains("no-such-theme"), "\(result.stderr)")
        } else {
            #expect(result.stderr == message + "\n")
        }
    }
}
