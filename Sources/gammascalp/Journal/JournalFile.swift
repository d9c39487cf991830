import Foundation
import ScalpEngine
import ScalpTUI
#if canImport(Glibc)
import Glibc
#endif

/// The session journal: an append-only file of JSON lines, one event per line, each with
/// `type` and `t` (session time in years). Every line goes to the kernel with one write(2)
/// as soon as it is produced (a killed process loses nothing written); trades and the end
/// are also fsync'd (the loop syncs once per batch of lines that holds any).
final class JournalFile: JournalSink {
    /// Bumped when a line's meaning changes.
    static let formatVersion = 1

    let location: String
    private var descriptor: Int32

    /// Opens (creating folders and the file as needed) `path` for appending.
    init(path: String) throws {
        location = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw JournalError(String(cString: strerror(errno))) }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    func write(_ event: JournalEvent) throws {
        try writeLine(JournalLine.render(event))
    }

    func sync() throws {
        guard fsync(descriptor) == 0 else { throw JournalError("fsync: " + String(cString: strerror(errno))) }
    }

    private func writeLine(_ line: String) throws {
        var bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw JournalError(String(cString: strerror(errno)))
            }
            offset += written
        }
        bytes.removeAll()
    }

    /// `$XDG_STATE_HOME/gammascalp/sessions/` (default `~/.local/state/...`), one file per
    /// session named by its UTC start time, scenario and seed.
    static func defaultPath(scenario: String, seed: UInt64, date: Date = Date(),
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let state: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            state = home + "/.local/state"
        } else {
            throw JournalError("neither XDG_STATE_HOME nor HOME is set; give --journal FILE or --no-journal")
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let safeName = String(scenario.unicodeScalars.map { scalar in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        }.prefix(48))
        let base = state + "/gammascalp/sessions/" + formatter.string(from: date) + "-" + safeName + "-seed\(seed)"
        var path = base + ".jsonl"
        var counter = 2
        while FileManager.default.fileExists(atPath: path) {
            path = base + "-\(counter).jsonl"
            counter += 1
        }
        return path
    }
}

struct JournalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One journal line per event, keys in a fixed order.
enum JournalLine {
    static func render(_ event: JournalEvent) -> String {
        switch event {
        case .start(let scenario, let seed, let config, let stepsPerSecond):
            var raw: [(String, String)] = []
            if let json = encoded(config) { raw.append(("config", json)) }
            // The whole scenario (benchmark rule, limits, implied-vol model): what replay,
            // report and leaderboard rebuild the session from.
            if let json = encoded(scenario) { raw.append(("scenario_spec", json)) }
            return line([
                ("type", .string("start")), ("t", .number(0)), ("version", .string(GammaScalp.version)),
                ("format", .integer(JournalFile.formatVersion)),
                ("scenario", .string(scenario.name)), ("seed", seedValue(seed)),
                ("steps_per_second", .number(stepsPerSecond)),
                ("time_step", .number(config.timeStep)), ("steps", .integer(config.steps)),
                ("spot", .number(config.spot)), ("lot_size", .number(config.lotSize)),
                ("hedge_rule", .string(config.hedgeRule.description)), ("auto_hedge", .bool(config.autoHedge)),
            ], raw: raw)
        case .tick(let tick):
            return line([
                ("type", .string("tick")), ("t", .number(tick.time)), ("step", .integer(tick.step)),
                ("spot", .number(tick.spot)), ("net_delta", .number(tick.netDelta)),
                ("realized_vol", optional(tick.realizedVol)), ("ewma_vol", optional(tick.ewmaVol)),
                ("implied_vol", .number(tick.impliedVol)), ("pnl", .number(tick.pnl)),
            ])
        case .trade(let trade):
            return line([
                ("type", .string("trade")), ("t", .number(trade.time)), ("step", .integer(trade.step)),
                ("qty", .number(trade.quantity)), ("price", .number(trade.price)), ("cost", .number(trade.cost)),
                ("reason", .string(trade.reason.rawValue)),
            ])
        case .action(let step, let time, let action):
            return line([("type", .string("action")), ("t", .number(time)), ("step", .integer(step)),
                         ("action", .string(action.journalName))] + parameters(action))
        case .control(let step, let time, let control):
            var pairs: [(String, JSONText)] = [("type", .string("control")), ("t", .number(time)),
                                               ("step", .integer(step)), ("event", .string(control.name))]
            if case .speed(let stepsPerSecond) = control { pairs.append(("steps_per_second", .number(stepsPerSecond))) }
            return line(pairs)
        case .end(let step, let time, let reason, let summary):
            let a = summary.attribution
            return line([
                ("type", .string("end")), ("t", .number(time)), ("step", .integer(step)),
                ("reason", .string(reason.rawValue)), ("pnl", .number(summary.pnl)),
                ("attribution", .object([
                    ("delta", .number(a.delta)), ("gamma", .number(a.gamma)), ("theta", .number(a.theta)),
                    ("vega", .number(a.vega)), ("costs", .number(a.costs)), ("financing", .number(a.financing)),
                    ("residual", .number(a.residual)),
                ])),
                ("trades", .integer(summary.trades)), ("manual_trades", .integer(summary.manualTrades)),
                ("auto_trades", .integer(summary.autoTrades)), ("close_out_trades", .integer(summary.closeOutTrades)),
                ("shares_traded", .number(summary.sharesTraded)), ("costs", .number(summary.costs)),
                ("realized_vol", optional(summary.realizedVol)), ("implied_vol", .number(summary.impliedVol)),
                ("hedging_error", .number(summary.hedgingError)),
                ("hedging_error_per_step", .number(summary.hedgingErrorPerStep)),
            ] + (summary.score.map { [("score", score($0, rule: summary.benchmarkRule))] } ?? []))
        case .limit(let limit):
            return line([
                ("type", .string("limit")), ("t", .number(limit.time)), ("step", .integer(limit.step)),
                ("limit", .string(limit.limit.rawValue)), ("event", .string(limit.change.rawValue)),
                ("value", .number(limit.value)), ("max", .number(limit.maximum)),
            ])
        }
    }

    /// The `end` line's `score`: the trainee against the benchmark hedger on the same path.
    /// Hedging errors are per step (the standard deviation the score uses); costs are paid (≥ 0).
    static func score(_ score: TrainingScore, rule: HedgeRule?) -> JSONText {
        .object([
            ("points", .number(score.points)), ("verdict", .string(score.verdict)),
            ("benchmark_rule", rule.map { .string($0.description) } ?? .null),
            ("pnl", .number(score.traineePnL)), ("benchmark_pnl", .number(score.benchmarkPnL)),
            ("pnl_gap", .number(score.traineePnL - score.benchmarkPnL)),
            ("hedging_error", .number(score.traineeHedgingError)),
            ("benchmark_hedging_error", .number(score.benchmarkHedgingError)),
            ("costs", .number(score.traineeCosts)), ("benchmark_costs", .number(score.benchmarkCosts)),
            ("trades", .integer(score.traineeTrades)), ("benchmark_trades", .integer(score.benchmarkTrades)),
            ("time_over_limit", .number(score.timeOverLimit)),
            ("delta_limit_breaches", .integer(score.deltaLimitBreaches)),
            ("loss_limit_breached", .bool(score.lossLimitBreached)),
        ])
    }

    static func parameters(_ action: SessionAction) -> [(String, JSONText)] {
        switch action {
        case .trade(let shares): [("shares", .number(shares))]
        case .setAutoHedge(let on): [("on", .bool(on))]
        case .setHedgeRule(let rule): [("rule", .string(rule.description))]
        case .setLotSize(let size): [("lot_size", .number(size))]
        case .tradeOption(let order):
            [("kind", .string(order.kind.rawValue)), ("strike", .number(order.strike)), ("expiry", .number(order.expiry)),
             ("quantity", .number(order.quantity)), ("multiplier", .number(order.multiplier))]
        case .tick, .buyLot, .sellLot, .hedgeNow, .toggleAutoHedge, .finish: []
        }
    }

    static func optional(_ value: Double?) -> JSONText { value.map { .number($0) } ?? .null }

    /// Seeds above 2^53 are written as strings, so JSON readers that use doubles keep them exact.
    static func seedValue(_ seed: UInt64) -> JSONText {
        seed <= 1 << 53 ? .integer(Int(seed)) : .string(String(seed))
    }

    /// An object line: the ordered pairs, then already-encoded JSON values.
    static func line(_ pairs: [(String, JSONText)], raw: [(String, String)] = []) -> String {
        let fields = pairs.map { JSONText.quote($0.0) + ":" + $0.1.rendered } + raw.map { JSONText.quote($0.0) + ":" + $0.1 }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The engine's own Codable form (what a replay decodes), on one line with sorted keys.
    static func encoded(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
