import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal (so pipes, files
/// and tests see nothing), redrawn only when the whole percentage changes.
struct ProgressBar {
    let total: Int
    let label: String
    private let enabled = isatty(STDERR_FILENO) != 0
    private var shownPercent = -1

    /// Columns the bar itself takes.
    static let width = 30

    init(total: Int, label: String) {
        self.total = max(total, 1)
        self.label = label
    }

    mutating func update(_ done: Int) {
        guard enabled else { return }
        let percent = min(done, total) * 100 / total
        guard percent != shownPercent else { return }
        shownPercent = percent
        let filled = percent * Self.width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: Self.width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)%  \(done)/\(total)".utf8))
    }

    /// Erases the bar, leaving the cursor at the start of an empty line.
    func clear() {
        guard enabled, shownPercent >= 0 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
