import Foundation
import ScalpEngine
import ScalpFormat

/// The `start` line: the session's identity. With the `action` lines it is enough to replay
/// the session exactly: the whole scenario (`scenario_spec`), the seed and the trainee's
/// configuration as it ran.
public struct JournalStart: Sendable {
    /// The journal format (`JournalLine.format` when written).
    public var format: Int
    /// The gammascalp version that wrote it (`ProgramVersion.current`); nil in hand-made journals.
    public var version: String?
    /// When the session started on the wall clock (UTC); nil in journals written before 0.3.0.
    public var startedAt: Date?
    public var scenarioName: String
    public var seed: UInt64
    /// The scenario's default live speed, steps per real second.
    public var stepsPerSecond: Double
    /// The trainee's session configuration as it ran (full detail, its auto-hedge state).
    public var config: SessionConfig
    /// The whole scenario: benchmark rule, limits, implied-vol model.
    public var scenario: Scenario
    /// The course and level the session was played for (`course`, `level`); nil for a session
    /// outside a course, and in journals written before courses.
    public var course: CourseMark?

    /// A start line written by this version.
    public init(scenario: Scenario, seed: UInt64, config: SessionConfig, startedAt: Date?, course: CourseMark? = nil) {
        format = JournalLine.format
        version = ProgramVersion.current
        self.startedAt = startedAt
        scenarioName = scenario.name
        self.seed = seed
        stepsPerSecond = scenario.stepsPerSecond
        self.config = config
        self.scenario = scenario
        self.course = course
    }

    /// `started_at` as written: ISO 8601, UTC, whole seconds ("2026-11-29T16:21:03Z").
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    var text: String {
        // Readable copies of the config's main terms first, for people and scripts; the
        // `config` and `scenario_spec` objects (the engine's own Codable form) are what
        // replay, report and leaderboard rebuild the session from.
        var fields: [(String, JSONText)] = [
            ("type", .string("start")), ("t", .number(0)), ("version", version.map { .string($0) } ?? .null),
            ("format", .integer(format)),
        ]
        if let startedAt { fields.append(("started_at", .string(Self.timestamp(startedAt)))) }
        fields += [
            ("scenario", .string(scenarioName)), ("seed", Self.seedValue(seed)),
            ("steps_per_second", .number(stepsPerSecond)),
            ("time_step", .number(config.timeStep)), ("steps", .integer(config.steps)),
            ("spot", .number(config.spot)), ("lot_size", .number(config.lotSize)),
            ("hedge_rule", .string(config.hedgeRule.description)), ("auto_hedge", .bool(config.autoHedge)),
        ]
        if let course { fields += [("course", .string(course.course)), ("level", .integer(course.level))] }
        var raw: [(String, String)] = []
        if let json = Self.encoded(config) { raw.append(("config", json)) }
        if let json = Self.encoded(scenario) { raw.append(("scenario_spec", json)) }
        let pairs = fields.map { JSONText.quote($0.0) + ":" + $0.1.rendered } + raw.map { JSONText.quote($0.0) + ":" + $0.1 }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// Seeds above 2^53 are written as strings, so JSON readers that use doubles keep them exact.
    public static func seedValue(_ seed: UInt64) -> JSONText {
        seed <= 1 << 53 ? .integer(Int(seed)) : .string(String(seed))
    }

    /// The engine's own Codable form, on one line with sorted keys.
    static func encoded(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

extension JournalStart: Decodable {
    enum CodingKeys: String, CodingKey {
        case format, version, scenario, seed, config, course, level
        case startedAt = "started_at", stepsPerSecond = "steps_per_second", scenarioSpec = "scenario_spec"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(Int.self, forKey: .format)
        guard format <= JournalLine.format else {
            throw JournalLineError("journal format \(format) is newer than this gammascalp reads "
                                   + "(\(JournalLine.format)); use a newer gammascalp")
        }
        guard c.contains(.scenarioSpec) else {
            throw JournalLineError("the start line has no \"scenario_spec\" (a journal from before replay "
                                   + "was possible), so the session cannot be rebuilt")
        }
        if let number = try? c.decode(UInt64.self, forKey: .seed) {
            seed = number
        } else if let text = try? c.decode(String.self, forKey: .seed), let number = UInt64(text) {
            seed = number
        } else {
            throw JournalLineError("start line: 'seed' is not a whole number ≥ 0")
        }
        version = try c.decodeIfPresent(String.self, forKey: .version)
        if let text = try c.decodeIfPresent(String.self, forKey: .startedAt) {
            guard let date = try? Date(text, strategy: Date.ISO8601FormatStyle()) else {
                throw JournalLineError("start line: 'started_at' is not an ISO 8601 time: '\(text)'")
            }
            startedAt = date
        }
        scenarioName = try c.decode(String.self, forKey: .scenario)
        stepsPerSecond = try c.decodeIfPresent(Double.self, forKey: .stepsPerSecond) ?? 10
        config = try c.decode(SessionConfig.self, forKey: .config)
        scenario = try c.decode(Scenario.self, forKey: .scenarioSpec)
        if let name = try c.decodeIfPresent(String.self, forKey: .course) {
            guard let level = try c.decodeIfPresent(Int.self, forKey: .level), level >= 1 else {
                throw JournalLineError("start line: 'course' needs 'level', a whole number ≥ 1")
            }
            course = CourseMark(course: name, level: level)
        }
    }
}
