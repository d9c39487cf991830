import Foundation
import Testing
import ScalpJournal

/// The class board's reader of growing files: only complete lines, only what is new, and a
/// fresh start for a file that shrank, was replaced or was rewritten.
@Suite("JournalTail: reading a journal while it is written")
struct JournalTailTests {
    final class Folder {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-tail-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static func append(_ text: String, to path: String) throws {
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    /// A folder with `a.jsonl` holding `text`, and a tail that has read all of it.
    static func readAll(_ text: String) throws -> (Folder, String, JournalTail) {
        let folder = try Folder()
        let path = folder.path("a.jsonl")
        try append(text, to: path)
        var tail = JournalTail(path: path)
        #expect(tail.poll().lines.count == text.filter { $0 == "\n" }.count)
        return (folder, path, tail)
    }

    @Test func aLineIsReadOnlyOnceItsNewlineIsThere() throws {
        let folder = try Folder()
        let path = folder.path("a.jsonl")
        var tail = JournalTail(path: path)
        #expect(tail.poll().missing)
        try Self.append("{\"type\":\"st", to: path)
        var update = tail.poll()
        #expect(update.lines.isEmpty && !update.missing && !update.restarted)
        #expect(tail.offset == 0 && tail.pendingBytes == 11)
        try Self.append("art\"}\n{\"b\":", to: path)
        update = tail.poll()
        #expect(update.lines == ["{\"type\":\"start\"}"])
        #expect(tail.offset == 17 && tail.pendingBytes == 5)
        // A multi-byte character cut between two writes is whole when its line is.
        try Self.append("\"é", to: path)
        #expect(tail.poll().lines.isEmpty)
        try Self.append("\"}\n\n", to: path)
        update = tail.poll()
        #expect(update.lines == ["{\"b\":\"é\"}", ""])
        #expect(tail.poll().lines.isEmpty, "nothing new is nothing read")
    }

    @Test func onlyTheAppendedBytesAreRead() throws {
        let folder = try Folder()
        let path = folder.path("a.jsonl")
        try Self.append((1...1000).map { "line \($0)" }.joined(separator: "\n") + "\n", to: path)
        var tail = JournalTail(path: path)
        tail.sliceBytes = 4096  // a big file comes in slices, each ending at a complete line
        var lines: [Substring] = []
        for _ in 0..<10 { lines += tail.poll().lines }
        #expect(lines.count == 1000 && lines.first == "line 1" && lines.last == "line 1000")
        try Self.append("line 1001\n", to: path)
        #expect(tail.poll().lines == ["line 1001"])
    }

    @Test func aFileCutBackIsReadAgainFromTheStart() throws {
        let (folder, path, read) = try Self.readAll("one\ntwo\nthree\n")
        defer { withExtendedLifetime(folder) {} }
        var tail = read
        try "one\n".write(toFile: path, atomically: false, encoding: .utf8)
        let update = tail.poll()
        #expect(update.restarted && update.lines == ["one"])
    }

    @Test func aReplacedFileIsReadAgainFromTheStart() throws {
        let (folder, path, read) = try Self.readAll("one\ntwo\n")
        defer { withExtendedLifetime(folder) {} }
        var tail = read
        // Another file renamed over it, longer than what was read: a new inode.
        try Self.append("uno\ndos\ntres\n", to: folder.path("b.tmp"))
        #expect(rename(folder.path("b.tmp"), path) == 0)
        let update = tail.poll()
        #expect(update.restarted && update.lines == ["uno", "dos", "tres"])
    }

    @Test func aFileRewrittenInPlaceIsReadAgain() throws {
        let (folder, path, read) = try Self.readAll("one\ntwo\n")
        defer { withExtendedLifetime(folder) {} }
        var tail = read
        // Same inode, longer, but the byte before the offset is no longer a newline.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.write(Data("garbage-garbage\n".utf8))
        try handle.close()
        let update = tail.poll()
        #expect(update.restarted && update.lines == ["garbage-garbage"])
    }

    @Test func aDeletedFileIsMissingAndARecreatedOneStartsOver() throws {
        let (folder, path, read) = try Self.readAll("one\ntwo\n")
        defer { withExtendedLifetime(folder) {} }
        var tail = read
        try FileManager.default.removeItem(atPath: path)
        #expect(tail.poll().missing)
        try Self.append("again\n", to: path)
        let update = tail.poll()
        #expect(!update.missing && update.restarted && update.lines == ["again"])
    }

    @Test func theWritersLockTellsALiveSessionFromADeadOne() throws {
        let folder = try Folder()
        let path = folder.path("a.jsonl")
        var appender: JournalAppender? = try JournalAppender(path: path, exclusive: true)
        let tail = JournalTail(path: path)
        #expect(tail.writerHoldsLock() == true)
        appender = nil
        _ = appender
        #expect(tail.writerHoldsLock() == false)
        #expect(JournalTail(path: folder.path("none.jsonl")).writerHoldsLock() == nil)
        // A second trainee of the same name is refused, not merged.
        #expect(throws: JournalError.self) { try JournalAppender(path: path, exclusive: true) }
    }

    @Test func namesAreMadeSafe() {
        #expect(ClassJournalName.sanitized("alice") == "alice")
        #expect(ClassJournalName.sanitized("../../etc/passwd") == "_.._etc_passwd")
        #expect(ClassJournalName.sanitized("-rf") == "rf")
        #expect(ClassJournalName.sanitized("José Ñ") == "Jos___")
        #expect(ClassJournalName.sanitized("...") == nil)
        #expect(ClassJournalName.sanitized("/") == nil)
        #expect(ClassJournalName.sanitized(String(repeating: "a", count: 100))?.count == 64)
    }
}
