/// A scenario file that cannot be used, located at a line (and, for TOML syntax errors, a
/// column). Its description is one line: `<file>:<line>[:<column>]: <key>: <problem>`, e.g.
/// `class.toml:12: process.vol: must be ≥ 0, got -0.2`.
public struct ScenarioFileError: Error, Hashable, CustomStringConvertible {
    /// The file's name as the user gave it (or "built-in NAME").
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, for syntax errors.
    public var column: Int?
    /// The key's full path, e.g. "process.vol" or "book[2].strike"; nil for syntax errors.
    public var key: String?
    public var problem: String

    public init(file: String, line: Int, column: Int? = nil, key: String?, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.problem = problem
    }

    public var description: String {
        "\(file):\(line)" + (column.map { ":\($0)" } ?? "") + ": " + (key.map { "\($0): " } ?? "") + problem
    }
}
