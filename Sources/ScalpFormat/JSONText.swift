import Foundation
import ScalpEngine

/// A JSON value written with keys in the order given: scripts and humans read the same
/// layout every run (simulate's output, the journal's lines). Non-finite numbers are written as null (JSON has no NaN).
public indirect enum JSONText: Sendable {
    case number(Double)
    case integer(Int)
    case string(String)
    case bool(Bool)
    case object([(String, JSONText)])
    case array([JSONText])
    case null

    public var rendered: String {
        switch self {
        case .number(let value): value.isFinite ? Self.format(value) : "null"
        case .integer(let value): String(value)
        case .string(let value): Self.quote(value)
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .array(let values): "[" + values.map(\.rendered).joined(separator: ",") + "]"
        case .object(let pairs): "{" + pairs.map { Self.quote($0.0) + ":" + $0.1.rendered }.joined(separator: ",") + "}"
        }
    }

    /// Shortest text that reads back to the same double.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A JSON string (`QuotedString`).
    public static func quote(_ text: String) -> String { QuotedString.quote(text) }
}
