import ScalpJournal
@testable import ScalpTUI

extension AppState {
    /// The journal lines the session's recorder produced since the last call, oldest first.
    mutating func takeEvents() -> [JournalLine] { recorder.takeLines() }
}
