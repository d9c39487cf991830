import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A trainee's journal in a class folder: `DIR/NAME.jsonl`, NAME made safe as a file name.
public enum ClassJournalName {
    /// `name` as a file name: letters, digits, `.`, `_` and `-` kept, anything else `_`; no
    /// leading dot or dash (no hidden files, nothing read as a flag); at most 64 characters.
    /// Nil when nothing is left.
    public static func sanitized(_ name: String) -> String? {
        let kept = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        let trimmed = kept.drop { $0 == "." || $0 == "-" }.prefix(64)
        return trimmed.isEmpty || trimmed.allSatisfy({ $0 == "_" }) ? nil : String(trimmed)
    }

    /// The login name: `$USER`, else the password database's entry for this user.
    public static func loginName(environment: [String: String]) -> String? {
        if let user = environment["USER"], !user.isEmpty { return user }
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// `DIR/NAME.jsonl`.
    public static func path(directory: String, trainee: String) -> String {
        (directory as NSString).appendingPathComponent(trainee + ".jsonl")
    }
}
