import ArgumentParser
import Foundation
import ScalpJournal

/// The journal a command reads (`replay`, `export`, `report`), and which of its sessions.
struct JournalOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A session journal written by `gammascalp play` (JSON lines).", valueName: "journal"))
    var journal: String?

    @Flag(help: "Read the newest journal in the sessions folder (see `gammascalp sessions`).")
    var last = false

    @Option(help: ArgumentHelp("Which session, when the journal holds several (`play --journal FILE` appends).",
                               valueName: "n"))
    var session: Int?

    func validate() throws {
        if let session, session < 1 { throw ValidationError("--session must be at least 1, got \(session)") }
        if last, let journal { throw ValidationError("give a journal or --last, not both (got \(journal) and --last)") }
        if !last, journal == nil { throw ValidationError("Missing expected argument '<journal>' (or --last for the newest)") }
    }

    /// The journal's path: the one named, or with `--last` the sessions folder's newest.
    func path() throws -> String {
        if let journal { return journal }
        return try SessionsFolder().newest()
    }

    /// Reads the journal and picks the session; notes a truncation on stderr.
    func load() throws -> RecordedSession {
        let journal = try path()
        let document = try JournalReader.parse(TextFile.read(journal, what: "journal"), path: journal)
        let sessions = document.sessions
        let chosen: RecordedSession
        if let session {
            guard session <= sessions.count else {
                throw CommandFailure("--session \(session): \(journal) holds \(sessions.count) session\(sessions.count == 1 ? "" : "s")")
            }
            chosen = sessions[session - 1]
        } else {
            guard sessions.count == 1 else {
                throw CommandFailure("\(journal) holds \(sessions.count) sessions; pick one with --session 1…\(sessions.count)")
            }
            chosen = sessions[0]
        }
        JournalNote.truncation(chosen, document: document)
        return chosen
    }
}

/// Notes on stderr that do not stop a command.
enum JournalNote {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data("note: \(text)\n".utf8))
    }

    /// Says when a session's journal breaks off, or when an incomplete last line was dropped.
    static func truncation(_ session: RecordedSession, document: JournalDocument) {
        if let note = session.truncationNote {
            print(note)
        } else if let dropped = document.droppedPartialLine, session.index == document.sessions.count - 1 {
            print("\(document.path): dropped the incomplete last line \(dropped)")
        }
    }
}
