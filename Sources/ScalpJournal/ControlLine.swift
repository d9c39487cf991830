import ScalpEngine
import ScalpFormat

/// The `control` line: a screen-only user action (pause, resume, speed), not needed to
/// replay the numbers.
public struct ControlLine: Sendable, Hashable {
    public var step: Int
    /// Session time, years.
    public var time: Double
    public var event: ControlEvent

    public init(step: Int, time: Double, event: ControlEvent) {
        self.step = step
        self.time = time
        self.event = event
    }

    var fields: [(String, JSONText)] {
        var fields: [(String, JSONText)] = [("step", .integer(step)), ("event", .string(event.name))]
        if case .speed(let stepsPerSecond) = event { fields.append(("steps_per_second", .number(stepsPerSecond))) }
        return fields
    }
}

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
}

extension ControlLine: Decodable {
    enum CodingKeys: String, CodingKey {
        case step, t, event
        case stepsPerSecond = "steps_per_second"
    }

    public init(from decoder: any Decoder) throws {
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
