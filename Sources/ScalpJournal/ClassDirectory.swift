import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A class's journal folder (`play --class DIR` writes `DIR/NAME.jsonl`), watched: each
/// `*.jsonl` in it is followed by a `JournalFollower`. A poll lists the folder once and reads
/// only what each file gained. A file that disappears keeps its follower, marked missing.
public struct ClassDirectory: Sendable {
    public let path: String
    /// The followers by file name, in the order the files were first seen.
    public private(set) var followers: [JournalFollower] = []
    /// Why the folder itself could not be listed at the last poll, if it could not.
    public private(set) var problem: String?

    public init(path: String) { self.path = path }

    /// Looks at the folder and every journal in it once; true when anything changed.
    @discardableResult
    public mutating func poll(now: Double) -> Bool {
        var changed = false
        let names = listJournals()
        let known = Set(followers.map { ($0.tail.path as NSString).lastPathComponent })
        for name in names where !known.contains(name) {
            followers.append(JournalFollower(path: (path as NSString).appendingPathComponent(name), now: now))
            changed = true
        }
        for index in followers.indices where followers[index].poll(now: now) { changed = true }
        return changed
    }

    /// The `*.jsonl` names in the folder, sorted; none (and `problem` set) if it cannot be read.
    private mutating func listJournals() -> [String] {
        guard let directory = opendir(path) else {
            let message = "cannot read \(path): \(String(cString: strerror(errno)))"
            problem = message
            return []
        }
        defer { closedir(directory) }
        problem = nil
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.hasSuffix(".jsonl"), !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }
}
