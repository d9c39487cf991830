import TOMLKit

/// A theme file that cannot be used, located to its line (and column, for TOML syntax).
public struct ThemeError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return location + ": " + message
    }
}

/// Reads theme files:
///
/// ```toml
/// name = "solarized"
/// description = "Solarized dark"
///
/// [colors]
/// background = "#002b36"
/// text = "#839496"
/// up = "green"        # ANSI name, 0-255, #rrggbb, or "default"
/// ```
///
/// Unknown keys and roles are errors (a typo should not silently do nothing).
public enum ThemeParser {
    public static let topLevelKeys: Set<String> = ["name", "description", "colors"]

    public static func parse(_ text: String, file: String, origin: String? = nil) throws(ThemeError) -> Theme {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ThemeError(file: file, line: error.source.begin.line, column: error.source.begin.column,
                             message: error.description)
        } catch {
            throw ThemeError(file: file, message: "not a TOML file (\(error))")
        }
        let lines = KeyLines(text)
        for key in table.keys.sorted() where !topLevelKeys.contains(key) {
            throw ThemeError(file: file, line: lines.line(of: key, in: nil),
                             message: "unknown key '\(key)' (expected name, description and a [colors] table)")
        }
        func string(_ key: String) throws(ThemeError) -> String? {
            guard let value = table[key] else { return nil }
            guard let text = value.string else {
                throw ThemeError(file: file, line: lines.line(of: key, in: nil), message: "'\(key)' must be a string")
            }
            return text
        }
        let name = try string("name") ?? defaultName(file)
        let description = try string("description") ?? ""
        guard let colorValue = table["colors"] else {
            throw ThemeError(file: file, message: "no [colors] table")
        }
        guard let colorTable = colorValue.table else {
            throw ThemeError(file: file, line: lines.line(of: "colors", in: nil), message: "'colors' must be a table")
        }
        var colors: [Role: ThemeColor] = [:]
        for key in colorTable.keys.sorted() {
            let line = lines.line(of: key, in: "colors")
            guard let role = Role(rawValue: key) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw ThemeError(file: file, line: line, message: "unknown color role '\(key)' (known: \(known))")
            }
            let value = colorTable[key]
            var color: ThemeColor?
            if let text = value?.string {
                color = ThemeColor(parsing: text)
            } else if let number = value?.int, (0...255).contains(number) {
                color = .indexed(number)
            }
            guard let color else {
                let shown = value?.string.map { "'\($0)'" } ?? value?.int.map { String($0) }
                    ?? "a \(value.map { "\($0.type)" } ?? "missing value")"
                throw ThemeError(file: file, line: line,
                                 message: "\(key) = \(shown) is not a color (use an ANSI name such as 'red' or "
                                     + "'bright_blue', 0-255, '#rrggbb' or 'default')")
            }
            colors[role] = color
        }
        return Theme(name: name, description: description, origin: origin ?? file, colors: colors)
    }

    static func defaultName(_ file: String) -> String {
        var name = file.split(separator: "/").last.map(String.init) ?? file
        if name.hasSuffix(".toml") { name.removeLast(5) }
        return name
    }
}

/// Finds the line a key is set on, for error messages (TOMLKit gives positions only for
/// syntax errors).
struct KeyLines {
    private let lines: [Substring]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line of `key` in table `table` (nil: the top level), or of the `[table]`
    /// header when the key is a table.
    func line(of key: String, in table: String?) -> Int? {
        var current: String?
        for (index, raw) in lines.enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let name = line.dropFirst().prefix { $0 != "]" }.trimmingSpaces
                if table == nil, name == key { return index + 1 }
                current = name
                continue
            }
            let candidates = current == table ? [key, "\"\(key)\"", "'\(key)'"] : []
            let dotted = table.map { current == nil ? ["\($0).\(key)"] : [] } ?? []
            for candidate in candidates + dotted where line.hasPrefix(candidate) {
                let rest = line.dropFirst(candidate.count).drop { $0 == " " || $0 == "\t" }
                if rest.hasPrefix("=") { return index + 1 }
            }
        }
        return nil
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
