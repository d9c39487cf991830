import Foundation

/// Where themes come from: `--theme FILE`, then `$XDG_CONFIG_HOME/gammascalp/themes/NAME.toml`
/// (default `~/.config/...`), then the themes built into the binary.
public struct ThemeCatalog: Sendable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var description: String
        /// "bundled" or the file's path.
        public var origin: String
        /// Set when a user theme file does not parse.
        public var problem: String?
    }

    /// The user's theme folder, if a home or XDG_CONFIG_HOME is known.
    public var userDirectory: String?

    public init(userDirectory: String?) {
        self.userDirectory = userDirectory
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(userDirectory: Self.userDirectory(environment: environment))
    }

    public static func userDirectory(environment: [String: String]) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/gammascalp/themes"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.config/gammascalp/themes"
        }
        return nil
    }

    /// The user's theme files (name → path), sorted by name.
    public func userThemeFiles() -> [(name: String, path: String)] {
        guard let directory = userDirectory,
              let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return files.filter { $0.hasSuffix(".toml") }.sorted().map { (String($0.dropLast(5)), directory + "/" + $0) }
    }

    /// Every theme that `--theme NAME` can choose: user themes (which hide bundled ones of
    /// the same name) and then the bundled ones.
    public func entries() -> [Entry] {
        var entries: [Entry] = []
        var seen: Set<String> = []
        for (name, path) in userThemeFiles() {
            seen.insert(name)
            do {
                let theme = try Self.load(file: path)
                entries.append(Entry(name: name, description: theme.description, origin: path))
            } catch {
                entries.append(Entry(name: name, description: "", origin: path, problem: error.description))
            }
        }
        for name in BundledThemes.names where !seen.contains(name) {
            let theme = try? ThemeParser.parse(BundledThemes.source(named: name) ?? "", file: name, origin: "bundled")
            entries.append(Entry(name: name, description: theme?.description ?? "", origin: "bundled"))
        }
        return entries
    }

    /// The theme `spec` names: a path (containing "/" or ending in ".toml"), a user theme,
    /// or a bundled theme.
    public func load(_ spec: String) throws(ThemeError) -> Theme {
        if spec.contains("/") || spec.hasSuffix(".toml") {
            return try Self.load(file: spec)
        }
        if let user = userThemeFiles().first(where: { $0.name == spec }) {
            return try Self.load(file: user.path)
        }
        if let source = BundledThemes.source(named: spec) {
            return try ThemeParser.parse(source, file: "\(spec) (bundled)", origin: "bundled")
        }
        let known = entries().map(\.name).joined(separator: ", ")
        throw ThemeError(file: "--theme", message: "unknown theme '\(spec)' (known: \(known))")
    }

    public static func load(file path: String) throws(ThemeError) -> Theme {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the theme file as UTF-8 text"
                : "no such theme file"
            throw ThemeError(file: path, message: reason)
        }
        return try ThemeParser.parse(text, file: path, origin: path)
    }
}
