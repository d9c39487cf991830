import ScalpJournal
@testable import ScalpTUI

/// A journal kept in memory: the lines as a file would receive them, and the syncs.
final class MemoryJournal: JournalSink {
    var events: [JournalLine] = []
    var syncs = 0
    var location: String { "memory" }
    func write(_ line: JournalLine) throws { events.append(line) }
    func sync() throws { syncs += 1 }
}

extension AppState {
    /// The journal lines the session's recorder produced since the last call, oldest first.
    mutating func takeEvents() -> [JournalLine] { recorder.takeLines() }
}
