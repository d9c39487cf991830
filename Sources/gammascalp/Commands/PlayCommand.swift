import ScalpFormat
import ArgumentParser
import Foundation
import ScalpJournal
import ScalpEngine
import ScalpTUI

/// `gammascalp play` (and `gammascalp` alone): the live screen.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "The live gamma-scalping screen (the default command).",
        discussion: """
        Hold the scenario's options while the price moves, and keep the book hedged by \
        trading the underlying, by hand or with an auto-hedge policy.

        Keys: space pause/resume · . one step while paused · h hedge to neutral · b/s \
        buy/sell a lot · [ ] lot size · a auto-hedge on/off · A next hedge policy · o option \
        ticket · + - speed · ? help · Esc close · q end the session and show its summary \
        (then Enter, Esc or q closes it). Ctrl-C ends like q; Ctrl-Z suspends.

        Training: the session starts under the scenario's description and learning goal \
        (any key starts it; --no-intro skips it). A benchmark hedger trades the same book \
        on the same price path with the scenario's benchmark rule; the P&L panel shows both \
        and the gap for comparison. The summary grades your decisions out of 100 among the \
        reference hedge rules on the same path, with the luck of your open delta taken out \
        and the risk it took charged (see the README's "How the grade is computed"). The risk panel warns \
        from 80% of the scenario's net-delta limit and says OVER LIMIT beyond it.

        --prices FILE.csv replays a real price series (date and close columns, optionally \
        implied vol, and open, high and low, which `gammascalp vol` reads) instead of a \
        simulated market: spot starts at the first close, the \
        options (--kind, --quantity contracts of 100) are struck at --strike (default the \
        first close) and expire at the last row, at the file's implied vol or --implied-vol.

        Every session writes a JSON-lines journal (start, ticks, trades, actions, end) to \
        $XDG_STATE_HOME/gammascalp/sessions/ (default ~/.local/state/gammascalp/sessions/) \
        unless --journal FILE or --no-journal. In a class, --class DIR (with --seed and \
        --scenario, so everyone plays one market) writes DIR/NAME.jsonl, NAME from --name or \
        the login name; `gammascalp leaderboard --watch DIR` shows the class live. Themes: `gammascalp themes`; NO_COLOR turns \
        color off.
        """
    )

    @Option(help: ArgumentHelp("The scenario: a built-in name (\(Scenario.builtIn.map(\.name).joined(separator: ", "))) or a scenario file.",
                               valueName: "name|file"))
    var scenario: String?

    @Option(parsing: .unconditional, help: "Random seed, 0 to 2^63−1 (default: from the clock; shown in the header).")
    var seed: Int?

    @OptionGroup(title: "Screen") var screen: ScreenOptions

    @Option(help: ArgumentHelp("Write the session journal to FILE (appending).", valueName: "file"))
    var journal: String?

    @Flag(help: "Do not write a session journal.")
    var noJournal = false

    @Option(name: .customLong("class"),
            help: ArgumentHelp("Play in a class: write the journal to DIR/NAME.jsonl, which `leaderboard --watch DIR` "
                               + "shows live. Needs --seed and --scenario, so everyone plays one market.", valueName: "dir"))
    var classDirectory: String?

    @Option(help: ArgumentHelp("With --class: the trainee's name on the board (default: the login name).", valueName: "name"))
    var name: String?

    @Flag(help: "Start with the auto-hedger on (it hedges to neutral at once).")
    var autoHedge = false


    @Flag(help: "Do not show the scenario's description and learning goal at the start.")
    var noIntro = false

    @OptionGroup(title: "Real prices") var priceSeries: PriceSeriesOptions

    mutating func validate() throws {
        if let seed, seed < 0 { throw ValidationError("--seed must be ≥ 0, got \(seed)") }
        if journal != nil, noJournal { throw ValidationError("--journal and --no-journal cannot be used together") }
        if let journal, journal.isEmpty { throw ValidationError("--journal needs a file name") }
        if let classDirectory {
            if seed == nil { throw ValidationError("--class needs --seed: everyone in a class plays one market") }
            if scenario == nil { throw ValidationError("--class needs --scenario: everyone in a class plays one market") }
            if journal != nil || noJournal {
                throw ValidationError("--class writes the journal to \(classDirectory)/NAME.jsonl; not with --journal or --no-journal")
            }
            if let name, ClassJournalName.sanitized(name) == nil { throw ValidationError("--name '\(name)' leaves no usable file name") }
        } else if name != nil {
            throw ValidationError("--name is only for --class")
        }
        try priceSeries.validate(scenario: scenario)
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let startedAt = ProcessStart.secondsSinceStart()
        let series = try priceSeries.load()
        let history = series?.history
        let scenario = try series?.scenario
            ?? scenario.map { try ScenarioLookup.resolve($0) } ?? Scenario.builtIn[0]
        let theme = try screen.loadTheme(environment: environment)
        let seed = self.seed.map { UInt64($0) } ?? Self.clockSeed()
        var journalFile: JournalAppender?
        var rejoined: (script: ReplayScript, coachUses: Int)?
        if let classDirectory {
            (journalFile, rejoined) = try classJournal(classDirectory, scenario: scenario, seed: seed, environment: environment)
        } else if !noJournal {
            let path: String
            do {
                path = try journal ?? JournalAppender.defaultPath(scenario: scenario.name, seed: seed, environment: environment)
            } catch {
                throw CommandFailure("journal: \(error)")
            }
            do {
                journalFile = try JournalAppender(path: path)
            } catch {
                throw CommandFailure("\(journal == nil ? "journal" : "--journal"): cannot write '\(path)': \(error)")
            }
        }
        var settings = PlaySettings(scenario: scenario, seed: seed, speed: screen.speed, autoHedge: autoHedge, startPaused: screen.paused)
        settings.showIntro = !noIntro
        settings.priceLabels = history.map { Array($0.labels) }
        settings.startedAt = Date()
        settings.className = classDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL.lastPathComponent }
        if let rejoined {
            // Back where the journal broke off, paused, so the trainee can look before going on.
            (settings.resume, settings.showIntro, settings.startPaused) = (rejoined.script, false, true)
            settings.resumedCoachUses = rejoined.coachUses
        }
        try LiveScreen.play(settings, theme: theme, journal: journalFile, labels: settings.priceLabels,
                            environment: environment, startedAt: startedAt) {
            // Nothing was played: free the trainee's name in the class folder again.
            if classDirectory != nil, rejoined == nil, let journalFile { unlink(journalFile.location) }
        }
    }

    /// The trainee's journal in the class folder: created new, or, when the trainee's journal
    /// is there and nobody holds it (the connection dropped, the process died), carried on,
    /// with the session so far to replay. A name whose session is being played, or whose
    /// session has ended, is refused: never shared, never played twice.
    func classJournal(_ directory: String, scenario: Scenario, seed: UInt64,
                      environment: [String: String]) throws -> (JournalAppender, (script: ReplayScript, coachUses: Int)?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("--class: no folder '\(directory)' (the instructor creates it)")
        }
        guard let login = name ?? ClassJournalName.loginName(environment: environment),
              let trainee = ClassJournalName.sanitized(login) else {
            throw CommandFailure("--class: no login name to use; give --name NAME")
        }
        let path = ClassJournalName.path(directory: directory, trainee: trainee)
        do {
            return (try JournalAppender(path: path, exclusive: true), nil)
        } catch let error as JournalError where error.message == JournalAppender.existsMessage {
            return try rejoin(path, trainee: trainee, directory: directory, scenario: scenario, seed: seed)
        } catch {
            throw CommandFailure("--class: cannot write '\(path)': \(error)")
        }
    }

    /// Carries on `trainee`'s unfinished session of this class's market in `path`.
    func rejoin(_ path: String, trainee: String, directory: String, scenario: Scenario,
                seed: UInt64) throws -> (JournalAppender, (script: ReplayScript, coachUses: Int)) {
        let appender: JournalAppender
        do {
            appender = try JournalAppender(resuming: path)
        } catch let error as JournalError where error.message == JournalAppender.inUseMessage {
            throw CommandFailure("--class: a trainee called '\(trainee)' is playing in \(directory) now (\(path) is in use); "
                                 + "pick another --name")
        } catch {
            throw CommandFailure("--class: cannot carry on '\(path)': \(error)")
        }
        let document: JournalDocument
        do {
            document = try JournalReader.parse(TextFile.read(path, what: "journal"), path: path)
        } catch {
            throw CommandFailure("--class: a trainee called '\(trainee)' is already in \(directory), and \(path) cannot be "
                                 + "carried on (\(error)); pick another --name")
        }
        guard let session = document.sessions.last else {
            throw CommandFailure("--class: \(path) has no session to carry on; pick another --name")
        }
        if session.end != nil {
            throw CommandFailure("--class: '\(trainee)' has finished this class's session (\(path)); pick another --name to play again")
        }
        guard session.start.seed == seed, session.start.scenario.name == scenario.name else {
            throw CommandFailure("--class: \(path) is a session of \(session.start.scenario.name), seed \(session.start.seed), "
                                 + "not of this class's market; pick another --name")
        }
        do {
            return (appender, (try session.script(), session.coachUses))
        } catch {
            throw CommandFailure("--class: \(path) cannot be carried on: \(error)")
        }
    }

    /// A six-digit seed from the clock, short enough to read out to a class.
    static func clockSeed() -> UInt64 {
        UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000
    }
}

/// How long the process has been running, from /proc (Linux), for the startup figure.
enum ProcessStart {
    static func secondsSinceStart() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let uptimeText = try? String(contentsOfFile: "/proc/uptime", encoding: .utf8),
              let uptime = Double(uptimeText.split(separator: " ").first ?? ""),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name; starttime is field 22 overall, 20 after ")".
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]) else { return nil }
        let hertz = Double(sysconf(Int32(_SC_CLK_TCK)))
        return uptime - ticks / hertz
    }
}

/// Frame times and the first frame's delay, written as JSON when GAMMASCALP_TIMING=FILE.
struct FrameTiming {
    var startup: Double?
    var firstFrame: Double?
    var count = 0
    var total = 0.0
    var longest = 0.0
    private let origin = ContinuousClock.now

    init(startup: Double?) { self.startup = startup }

    mutating func record(_ seconds: Double) {
        if firstFrame == nil {
            let elapsed = ContinuousClock.now - origin
            let sinceRun = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            firstFrame = (startup ?? 0) + sinceRun
        }
        count += 1
        total += seconds
        longest = max(longest, seconds)
    }

    func write(to path: String, frames: Int, steps: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        let json = JSONText.object([
            ("first_frame_ms", firstFrame.map { .number(($0 * 1000).rounded()) } ?? .null),
            ("frames", .integer(frames)), ("steps", .integer(steps)),
            ("mean_frame_ms", .number(count > 0 ? (total / Double(count) * 1e5).rounded() / 100 : 0)),
            ("max_frame_ms", .number((longest * 1e5).rounded() / 100)),
            ("cpu_user_s", .number(seconds(usage.ru_utime))), ("cpu_system_s", .number(seconds(usage.ru_stime))),
            ("max_rss_kb", .integer(usage.ru_maxrss)),
        ])
        do {
            try OutputFile.write(json.rendered + "\n", to: path, flag: "--timing")
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        }
    }
}
