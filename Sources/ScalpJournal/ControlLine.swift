import ScalpEngine
import ScalpFormat

/// A screen-only user action (pause, resume, speed), written as a `control` line: `step`,
/// `event` and, for a speed change, `steps_per_second`. Not needed to replay the numbers.
public enum ControlEvent: Sendable, Hashable {
    case pause, resume
    /// Steps per real second, after a change.
    case speed(Double)

    public var name: String {
        switch self {
        case .pause: "pause"
        case .resume: "resume"
        case .speed: "speed"
        }
    }

    func fields(step: Int) -> [(String, JSONText)] {
        var fields: [(String, JSONText)] = [("step", .integer(step)), ("event", .string(name))]
        if case .speed(let stepsPerSecond) = self { fields.append(("steps_per_second", .number(stepsPerSecond))) }
        return fields
    }
}

/// Reads a `control` line.
struct ControlLine: Decodable {
    var step: Int
    var time: Double
    var event: ControlEvent

    enum CodingKeys: String, CodingKey {
        case step, t, event
        case stepsPerSecond = "steps_per_second"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        step = try c.step(.step)
        time = try c.decode(Double.self, forKey: .t)
        switch try c.decode(String.self, forKey: .event) {
        case "pause": event = .pause
        case "resume": event = .resume
        case "speed": event = .speed(try c.decode(Double.self, forKey: .stepsPerSecond))
        case let other: throw JournalLineError("control line: unknown event '\(other)' (pause, resume, speed)")
        }
    }
}
