/// Builds TOML text line by line, with trailing comments aligned in one column.
struct TOMLWriter {
    private(set) var lines: [String] = []
    /// The column trailing comments start at (wider lines put theirs one space after).
    static let commentColumn = 26

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func blank() { lines.append("") }

    mutating func comment(_ text: String) { lines.append("# " + text) }

    /// `[name]`, after a blank line.
    mutating func section(_ name: String, comment: String? = nil) {
        blank()
        append("[\(name)]", comment)
    }

    /// `[[name]]`, after a blank line.
    mutating func arraySection(_ name: String) {
        blank()
        append("[[\(name)]]", nil)
    }

    mutating func string(_ key: String, _ value: String, _ comment: String?) {
        append("\(key) = \(Self.quote(value))", comment)
    }

    mutating func number(_ key: String, _ value: Double, _ comment: String?) {
        append("\(key) = \(ScenarioFile.decimal(value))", comment)
    }

    mutating func bool(_ key: String, _ value: Bool, _ comment: String?) {
        append("\(key) = \(value)", comment)
    }

    /// `key = value` with `value` already TOML.
    mutating func raw(_ key: String, _ value: String, _ comment: String?) {
        append("\(key) = \(value)", comment)
    }

    private mutating func append(_ line: String, _ comment: String?) {
        guard let comment else { return lines.append(line) }
        let pad = max(Self.commentColumn - line.count, 1)
        lines.append(line + String(repeating: " ", count: pad) + "# " + comment)
    }

    /// A TOML basic string.
    static func quote(_ text: String) -> String { QuotedString.quote(text) }
}
