/// The text of a scenario file being read, for locating errors: its display name and the
/// line of every key.
struct ScenarioSource: Sendable {
    /// The name errors start with, e.g. "class.toml".
    let file: String
    let keyLines: TOMLKeyLines

    init(file: String, text: String) {
        self.file = file
        keyLines = TOMLKeyLines(text: text)
    }

    /// An error at the line of `key` (or of its nearest enclosing key or table; line 1 if none).
    func error(_ key: String, _ problem: String) -> ScenarioFileError {
        ScenarioFileError(file: file, line: keyLines.line(of: key) ?? 1, key: key, problem: problem)
    }
}
