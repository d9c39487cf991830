import Foundation

/// The folder `play` and `course` write journals to when not given `--journal`:
/// `$XDG_STATE_HOME/gammascalp/sessions/` (default `~/.local/state/gammascalp/sessions/`).
/// Its journals are named by their UTC start time, `yyyyMMdd'T'HHmmss'Z'-scenario-seedN.jsonl`.
public struct SessionsFolder: Sendable {
    /// The folder's absolute path, without a trailing slash.
    public var path: String

    public init(path: String) { self.path = path }

    /// The folder the environment names; fails when neither `XDG_STATE_HOME` (absolute) nor
    /// `HOME` is set.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            path = xdg + "/gammascalp/sessions"
        } else if let home = environment["HOME"], !home.isEmpty {
            path = home + "/.local/state/gammascalp/sessions"
        } else {
            throw JournalError("neither XDG_STATE_HOME nor HOME is set; give --journal FILE or --no-journal")
        }
    }

    /// The journals (`*.jsonl`) in the folder, newest first: by the start time in the name,
    /// and by modification time for a file named otherwise. An absent folder holds none.
    public func journals() throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch CocoaError.fileReadNoSuchFile {
            return []
        } catch {
            throw JournalError("\(path): cannot list the sessions folder: \(error.localizedDescription)")
        }
        let dated: [(started: Date, name: String)] = names.filter { $0.hasSuffix(".jsonl") }.map { name in
            (Self.startTime(inName: name) ?? modificationTime(of: name), name)
        }
        return dated.sorted { ($0.started, $0.name) > ($1.started, $1.name) }.map { path + "/" + $0.name }
    }

    /// The newest journal, for `--last`.
    public func newest() throws -> String {
        guard let newest = try journals().first else {
            throw JournalError("--last: no journal in \(path) yet (play a session first, or name a journal)")
        }
        return newest
    }

    /// A new journal's path for a session starting at `date`: `<start>-<scenario>-seed<N>.jsonl`,
    /// with `-2`, `-3`, … when that name is taken.
    public func newJournalPath(scenario: String, seed: UInt64, date: Date) -> String {
        let safeName = String(scenario.unicodeScalars.map { scalar in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        }.prefix(48))
        let base = path + "/" + Self.nameFormatter().string(from: date) + "-" + safeName + "-seed\(seed)"
        var candidate = base + ".jsonl"
        var counter = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = base + "-\(counter).jsonl"
            counter += 1
        }
        return candidate
    }

    /// The UTC start time a journal's name begins with, if it was named by `play`.
    static func startTime(inName name: String) -> Date? {
        Self.nameFormatter().date(from: String(name.prefix(16)))
    }

    private func modificationTime(of name: String) -> Date {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + name)
        return attributes?[.modificationDate] as? Date ?? .distantPast
    }

    private static func nameFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter
    }
}
