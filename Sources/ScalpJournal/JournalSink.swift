/// Where journal lines go as a session produces them: a file (`JournalAppender`) for the
/// live screen, anything else in tests. Write errors are shown on the screen, and the
/// session goes on.
public protocol JournalSink: AnyObject {
    func write(_ line: JournalLine) throws
    /// Forces what was written to stable storage.
    func sync() throws
    /// Where the journal is, for the summary screen.
    var location: String { get }
}
