/// The line on which each key and table header of a TOML text appears, found by scanning
/// the text: TOMLKit reports positions only for syntax errors, and a scenario error should
/// point at the offending key.
///
/// Paths are dotted, with arrays of tables numbered from 1: `market.spot`, `book[2].strike`.
/// Dotted keys (`a.b = 1`) register every prefix; keys inside inline tables and multi-line
/// values are not registered (their lookups fall back to the enclosing key). The text is
/// assumed to have parsed as TOML already.
struct TOMLKeyLines: Sendable {
    private var lines: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        var arrayCounts: [String: Int] = [:]
        var state = ValueState()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var characters = Array(line)
            if characters.last == "\r" { characters.removeLast() }
            var start = 0
            if let delimiter = state.openString {
                guard let close = Self.find(delimiter, in: characters, from: 0) else { continue }
                state.openString = nil
                start = close + delimiter.count
            } else if state.depth == 0 {
                let trimmed = String(characters).trimmingSpaces
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                if trimmed.hasPrefix("[[") {
                    let name = Self.keyParts(Self.headerBody(trimmed, brackets: 2)).joined(separator: ".")
                    arrayCounts[name, default: 0] += 1
                    table = [name + "[\(arrayCounts[name]!)]"]
                    record(table, line: number)
                    continue
                }
                if trimmed.hasPrefix("[") {
                    table = Self.keyParts(Self.headerBody(trimmed, brackets: 1))
                    record(table, line: number)
                    continue
                }
                guard let equals = Self.firstUnquoted("=", in: characters) else { continue }
                let key = Self.keyParts(String(characters[..<equals]))
                for length in 1...key.count {
                    record(table + key.prefix(length), line: number)
                }
                start = equals + 1
            }
            state.scan(characters, from: start)
        }
    }

    /// The line of `path`, or of its nearest recorded ancestor; nil if none is recorded.
    func line(of path: String) -> Int? {
        var path = path
        while true {
            if let line = lines[path] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            path = String(path[..<cut])
        }
    }

    private mutating func record(_ parts: [String], line: Int) {
        let path = parts.joined(separator: ".")
        if lines[path] == nil { lines[path] = line }
    }

    // MARK: - Lexing

    /// Where a value spanning lines stands at the end of a line.
    private struct ValueState {
        /// Bracket depth of an unfinished array or inline table.
        var depth = 0
        /// The delimiter of an unfinished multi-line string.
        var openString: String?

        mutating func scan(_ c: [Character], from start: Int) {
            var i = start
            while i < c.count {
                if let delimiter = openString {
                    guard let close = TOMLKeyLines.find(delimiter, in: c, from: i) else { return }
                    openString = nil
                    i = close + delimiter.count
                    continue
                }
                switch c[i] {
                case "#": return
                case "\"", "'":
                    let quote = c[i]
                    if i + 2 < c.count, c[i + 1] == quote, c[i + 2] == quote {
                        openString = String(repeating: quote, count: 3)
                        i += 3
                    } else {
                        i = TOMLKeyLines.endOfString(c, from: i) + 1
                    }
                case "[", "{": depth += 1; i += 1
                case "]", "}": depth = max(depth - 1, 0); i += 1
                default: i += 1
                }
            }
        }
    }

    /// The index of the closing quote of the one-line string opening at `start` (or the line's end).
    static func endOfString(_ c: [Character], from start: Int) -> Int {
        let quote = c[start]
        var i = start + 1
        while i < c.count {
            if quote == "\"" && c[i] == "\\" { i += 2; continue }
            if c[i] == quote { return i }
            i += 1
        }
        return c.count
    }

    static func find(_ delimiter: String, in c: [Character], from start: Int) -> Int? {
        let d = Array(delimiter)
        var i = start
        while i + d.count <= c.count {
            if Array(c[i..<(i + d.count)]) == d {
                // A basic-string delimiter preceded by an odd number of backslashes is escaped.
                var slashes = 0
                while d[0] == "\"", i - slashes - 1 >= start, c[i - slashes - 1] == "\\" { slashes += 1 }
                if slashes % 2 == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    static func firstUnquoted(_ target: Character, in c: [Character]) -> Int? {
        var i = 0
        while i < c.count {
            if c[i] == "\"" || c[i] == "'" { i = endOfString(c, from: i) + 1; continue }
            if c[i] == target { return i }
            i += 1
        }
        return nil
    }

    /// The text between a header's brackets: `[[ book ]] # x` → ` book `.
    static func headerBody(_ line: String, brackets: Int) -> String {
        let c = Array(line.dropFirst(brackets))
        return String(c[..<(firstUnquoted("]", in: c) ?? c.count)])
    }

    /// A dotted key's parts without quotes: `a . "b.c"` → ["a", "b.c"].
    static func keyParts(_ key: String) -> [String] {
        var parts: [String] = []
        var current = ""
        let c = Array(key)
        var i = 0
        while i < c.count {
            if c[i] == "\"" || c[i] == "'" {
                let end = endOfString(c, from: i)
                current += String(c[(i + 1)..<min(end, c.count)])
                i = end + 1
            } else if c[i] == "." {
                parts.append(current.trimmingSpaces)
                current = ""
                i += 1
            } else {
                current.append(c[i])
                i += 1
            }
        }
        parts.append(current.trimmingSpaces)
        return parts
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
