import Foundation
import ScalpEngine
import ScalpFormat

/// One line of a session journal, typed. The journal is JSON lines: every line an object with
/// `type` and `t` (session time in years). This enum is the format's one owner: `text` writes
/// a line and `decode(_:)` reads one, for every type, beside each other in the `JournalLine+…`
/// files. Lines of a type this version does not know read as nil, so newer journals still read.
public enum JournalLine: Sendable {
    /// The session's identity: enough, with the `action` lines, to replay it exactly.
    case start(JournalStart)
    /// A thinned sample of the trainee's session (once a simulated hour, and at the end).
    case tick(TickSample)
    /// Every trade the session made (manual, auto, close-out).
    case trade(Trade)
    /// A `SessionAction` the user caused, applied after the session reached `step`; `time` is
    /// the session time then, years.
    case action(RecordedAction, time: Double)
    /// A screen-only user action (pause, resume, speed) at `step` (session time `time`,
    /// years): not needed to replay the numbers.
    case control(step: Int, time: Double, event: ControlEvent)
    /// The session ended.
    case end(JournalEnd)
    /// A risk limit was breached, or the breach ended.
    case limit(LimitEvent)
    /// A limit order was placed (`order`), filled (`fill`) or cancelled (`cancel`).
    case order(OrderEvent)
    /// The trainee asked the coach (`m`): what the best rule so far would do then.
    case coach(CoachNote)

    /// The journal format this program writes, and the newest it reads. Bumped when a line's
    /// meaning changes (new line types and new fields do not bump it: readers skip them).
    public static let format = 1

    /// Trades, order events and the end are synced to disk as soon as they are written.
    public var needsSync: Bool {
        switch self {
        case .trade, .end, .order: true
        default: false
        }
    }

    /// The session step the line was written at (0 for the start line).
    public var step: Int {
        switch self {
        case .start: 0
        case .tick(let tick): tick.step
        case .trade(let trade): trade.step
        case .action(let recorded, _): recorded.step
        case .control(let step, _, _): step
        case .end(let end): end.step
        case .limit(let limit): limit.step
        case .order(let event): event.step
        case .coach(let note): note.step
        }
    }

    /// The line as written: one JSON object with keys in a fixed order, without the newline.
    public var text: String {
        switch self {
        case .start(let start): start.text
        case .tick(let tick): Self.object("tick", time: tick.time, tick.fields)
        case .trade(let trade): Self.object("trade", time: trade.time, trade.journalFields)
        case .action(let recorded, let time): Self.object("action", time: time, recorded.journalFields)
        case .control(let step, let time, let event): Self.object("control", time: time, event.fields(step: step))
        case .end(let end): Self.object("end", time: end.time, end.fields)
        case .limit(let limit): Self.object("limit", time: limit.time, limit.journalFields)
        case .order(let event): Self.object(event.kind.rawValue, time: event.time, event.journalFields)
        case .coach(let note): Self.object("coach", time: note.time, note.journalFields)
        }
    }

    /// Reads one line. Nil for a line of a type this version does not know; a known line that
    /// is malformed throws a short message naming the field.
    public static func decode(_ line: Data) throws(JournalLineError) -> JournalLine? {
        let decoder = JSONDecoder()
        let type: String
        do { type = try decoder.decode(LineType.self, from: line).type } catch {
            switch try? JSONSerialization.jsonObject(with: line, options: .fragmentsAllowed) {
            case .none: throw JournalLineError("not valid JSON")
            case .some(let value) where value is [String: Any]: throw JournalLineError("a journal line needs a \"type\"")
            default: throw JournalLineError("not a JSON object")
            }
        }
        do {
            switch type {
            case "start": return .start(try decoder.decode(JournalStart.self, from: line))
            case "tick": return .tick(try decoder.decode(TickSample.self, from: line))
            case "trade": return .trade(try decoder.decode(TradeLine.self, from: line).trade)
            case "action":
                let action = try decoder.decode(ActionLine.self, from: line)
                return .action(action.recorded, time: action.time)
            case "control":
                let control = try decoder.decode(ControlLine.self, from: line)
                return .control(step: control.step, time: control.time, event: control.event)
            case "end": return .end(try decoder.decode(JournalEnd.self, from: line))
            case "limit": return .limit(try decoder.decode(LimitLine.self, from: line).limit)
            case "order", "fill", "cancel": return .order(try decoder.decode(OrderLine.self, from: line).event)
            case "coach": return .coach(try decoder.decode(CoachNote.self, from: line))
            default: return nil
            }
        } catch let problem as JournalLineError {
            throw problem
        } catch let error as DecodingError {
            throw JournalLineError("\(type) line: " + JournalLineError.describe(error))
        } catch {
            throw JournalLineError("\(type) line: \(error)")
        }
    }

    /// `{"type":TYPE,"t":TIME,...fields}`.
    static func object(_ type: String, time: Double, _ fields: [(String, JSONText)]) -> String {
        JSONText.object([("type", .string(type)), ("t", .number(time))] + fields).rendered
    }

    private struct LineType: Decodable { var type: String }
}

/// Keys every line reader shares.
enum LineKey: String, CodingKey {
    case step, t
}

extension KeyedDecodingContainer {
    /// A step: a whole number ≥ 0.
    func step(_ key: Key) throws -> Int {
        let step = try decode(Int.self, forKey: key)
        guard step >= 0 else { throw JournalLineError("'step' must be ≥ 0, got \(step)") }
        return step
    }

    /// A number written by `JSONText`: null stands for a value that was not finite.
    func number(_ key: Key) throws -> Double {
        try decodeIfPresent(Double.self, forKey: key) ?? .nan
    }

    /// A value of a `String` raw-value enum, or a message naming the choices.
    func choice<T: RawRepresentable & CaseIterable>(_ key: Key, _ type: T.Type, line: String) throws -> T
    where T.RawValue == String {
        let text = try decode(String.self, forKey: key)
        guard let value = T(rawValue: text) else {
            throw JournalLineError("\(line) line: unknown \(key.stringValue) '\(text)' ("
                                   + T.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return value
    }
}
