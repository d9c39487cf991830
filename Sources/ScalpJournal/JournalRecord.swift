/// One line of a session journal as read, with the line number it came from (1-based).
public struct JournalRecord: Sendable {
    public var line: Int
    public var entry: JournalLine

    /// The session step the line was written at (0 for the start line).
    public var step: Int { entry.step }
}

/// A journal that cannot be read or replayed: one message naming the file and line.
public struct JournalError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}
