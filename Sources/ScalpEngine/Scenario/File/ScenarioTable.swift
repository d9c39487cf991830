import TOMLKit

/// One table of a scenario file as it is read: typed access to its keys, every error located
/// at its key's line, and a final check that no key was left unread (so a misspelt key is an
/// error, not a silently ignored line).
struct ScenarioTable {
    /// The table's path, e.g. "market" or "book[2]"; "" for the top level.
    let path: String
    let source: ScenarioSource
    private let table: TOMLTable
    /// Every key asked for, present or not, in the order asked: the known keys.
    private var asked: [String] = []

    init(_ table: TOMLTable, path: String, source: ScenarioSource) {
        self.table = table
        self.path = path
        self.source = source
    }

    /// The top level of the TOML `text` (a scenario or a course file); `file` names it in
    /// errors. Syntax errors come with their line and column.
    static func top(of text: String, file: String) throws(ScenarioFileError) -> ScenarioTable {
        try ScenarioFile.checkRawText(text, file: file)
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ScenarioFileError(file: file, line: error.source.begin.line, column: error.source.begin.column,
                                    key: nil, problem: error.description)
        } catch {
            throw ScenarioFileError(file: file, line: 1, key: nil, problem: "\(error)")
        }
        return ScenarioTable(root, path: "", source: ScenarioSource(file: file, text: text))
    }

    /// The full path of `key` in this table.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// An error at `key`'s line.
    func error(_ key: String, _ problem: String) -> ScenarioFileError { source.error(path(key), problem) }

    /// True if the table has `key` (without reading it).
    func contains(_ key: String) -> Bool { table.contains(key: key) }

    /// The raw value of `key`, marking it read.
    mutating func value(_ key: String) -> TOMLValueConvertible? {
        if !asked.contains(key) { asked.append(key) }
        return table[key]
    }

    // MARK: - Typed values

    /// A number (TOML integer or float), finite; nil if absent.
    mutating func number(_ key: String) throws(ScenarioFileError) -> Double? {
        guard let value = value(key) else { return nil }
        let number: Double
        if let double = value.double {
            number = double
        } else if let int = value.int {
            number = Double(int)
        } else {
            throw error(key, "must be a number, got \(Self.describe(value))")
        }
        guard number.isFinite else { throw error(key, "must be a finite number, got \(number)") }
        return number
    }

    /// A number inside `range` (`unit` says what it counts, for the message); nil if absent.
    mutating func number(_ key: String, in range: ValueRange, _ unit: String) throws(ScenarioFileError) -> Double? {
        guard let value = try number(key) else { return nil }
        try check(value, in: range, key, unit)
        return value
    }

    /// A number that must be present.
    mutating func requiredNumber(_ key: String) throws(ScenarioFileError) -> Double {
        guard let number = try number(key) else { throw missing(key) }
        return number
    }

    /// A whole number; nil if absent.
    mutating func integer(_ key: String) throws(ScenarioFileError) -> Int? {
        guard let value = value(key) else { return nil }
        if let int = value.int { return int }
        if let double = value.double, double == double.rounded(), abs(double) < 1e15 { return Int(double) }
        throw error(key, "must be a whole number, got \(Self.describe(value))")
    }

    mutating func string(_ key: String) throws(ScenarioFileError) -> String? {
        guard let value = value(key) else { return nil }
        guard let string = value.string else { throw error(key, "must be a string, got \(Self.describe(value))") }
        return string
    }

    mutating func bool(_ key: String) throws(ScenarioFileError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard let bool = value.bool else { throw error(key, "must be true or false, got \(Self.describe(value))") }
        return bool
    }

    /// One of a fixed set of words, e.g. "call" or "put"; nil if absent.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, _ type: Choice.Type) throws(ScenarioFileError) -> Choice?
    where Choice.RawValue == String {
        guard let text = try string(key) else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw error(key, "must be one of \(allowed), got \"\(text)\"")
        }
        return choice
    }

    /// A hedge rule in its command-line form, e.g. "band:100"; nil if absent.
    mutating func hedgeRule(_ key: String) throws(ScenarioFileError) -> HedgeRule? {
        guard let text = try string(key) else { return nil }
        do { return try HedgeRule.parse(text) } catch { throw self.error(key, "\(error.reason), got \"\(text)\"") }
    }

    /// The sub-table `key` (`[path.key]`) to read; nil if absent. Call `finish()` on it when read.
    mutating func section(_ key: String) throws(ScenarioFileError) -> ScenarioTable? {
        guard let value = value(key) else { return nil }
        guard let table = value.table else { throw error(key, "must be a table (\(Self.header(path(key)))), got \(Self.describe(value))") }
        return ScenarioTable(table, path: path(key), source: source)
    }

    /// The array of tables `key` (`[[key]]`), numbered from 1, at most `limit` of them; empty
    /// if absent. Call `finish()` on each when read.
    mutating func sections(_ key: String, atMost limit: Int = InputLimits.events) throws(ScenarioFileError) -> [ScenarioTable] {
        guard let value = value(key) else { return [] }
        let header = Self.header(path(key) + "[1]")
        guard let array = value.array else { throw error(key, "must be an array of tables (\(header)), got \(Self.describe(value))") }
        if array.count > limit {
            throw source.error(path(key) + "[\(limit + 1)]", "more than \(limit) \(Self.header(path(key) + "[1]")) tables")
        }
        var readers: [ScenarioTable] = []
        for (index, element) in array.enumerated() {
            let elementPath = path(key) + "[\(index + 1)]"
            guard let table = element.table else {
                throw source.error(elementPath, "must be a table (\(header)), got \(Self.describe(element))")
            }
            readers.append(ScenarioTable(table, path: elementPath, source: source))
        }
        return readers
    }

    // MARK: - Checks

    /// Throws "<rule>, got <value>" at `key` unless `ok`.
    func check(_ ok: Bool, _ key: String, _ value: Double, _ rule: String) throws(ScenarioFileError) {
        if !ok { throw error(key, "\(rule), got \(ScenarioFile.decimal(value))") }
    }

    /// Throws "must be in <range> (<unit>), got <value>" at `key` unless `range` holds `value`.
    func check(_ value: Double, in range: ValueRange, _ key: String, _ unit: String) throws(ScenarioFileError) {
        try check(range.contains(value), key, value, "must be in \(range.describe()) (\(unit))")
    }

    /// The error for a required key that is absent (located at the table's header).
    func missing(_ key: String) -> ScenarioFileError {
        error(key, "required" + (path.isEmpty ? "" : " in " + Self.header(path)))
    }

    /// Refuses the first key (in file order) that was never asked for.
    func finish() throws(ScenarioFileError) {
        let unknown = table.keys.filter { !asked.contains($0) }
        guard !unknown.isEmpty else { return }
        let first = unknown.min { (source.keyLines.line(of: path($0)) ?? 0) < (source.keyLines.line(of: path($1)) ?? 0) }!
        throw error(first, "unknown key" + (asked.isEmpty ? "" : " (known: \(asked.joined(separator: ", ")))"))
    }

    /// The header a table's path is written with: `market` → `[market]`, `book[2]` → `[[book]]`.
    static func header(_ path: String) -> String {
        guard let bracket = path.firstIndex(of: "[") else { return "[\(path)]" }
        return "[[\(path[..<bracket])]]"
    }

    /// A value's type and, for short scalars, the value: `string "abc"`, `table`.
    static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .string: "string \"\(value.string ?? "")\""
        case .int: "integer \(value.int ?? 0)"
        case .double: "number \(value.double.map(ScenarioFile.decimal) ?? "")"
        case .bool: "\(value.bool ?? false)"
        default: value.type.description
        }
    }
}
