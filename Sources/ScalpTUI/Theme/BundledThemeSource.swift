/// Writes `BundledThemes.swift` from the theme files in `Themes/`, so the bundled themes are
/// compiled into the binary and work wherever it is copied. A unit test compares the file
/// with the theme files and rewrites it when GAMMASCALP_RECORD=1.
public enum BundledThemeSource {
    /// The Swift source for `themes` (name, TOML text), the default theme first.
    public static func generate(_ themes: [(name: String, text: String)]) -> String {
        let ordered = themes.sorted { ($0.name == "default" ? 0 : 1, $0.name) < ($1.name == "default" ? 0 : 1, $1.name) }
        var out = """
        // Generated from Themes/*.toml by BundledThemesTests; do not edit by hand.
        // After changing a theme file: GAMMASCALP_RECORD=1 swift test --filter BundledThemesTests

        /// The themes built into the binary, by name, as the TOML text of Themes/NAME.toml.
        public enum BundledThemes {
            /// The bundled theme names, the default first.
            public static let names: [String] = [\(ordered.map { "\"\($0.name)\"" }.joined(separator: ", "))]

            /// The TOML text of the bundled theme `name`, if there is one.
            public static func source(named name: String) -> String? { sources[name] }

            static let sources: [String: String] = [

        """
        for theme in ordered {
            out += "        \"\(theme.name)\": #\"\"\"\n"
            // The line break before the closing delimiter is not part of a multi-line
            // literal, so the text's own last newline needs one more.
            out += theme.text.hasSuffix("\n") ? theme.text + "\n" : theme.text + "\n\n"
            out += "\"\"\"#,\n"
        }
        out += "    ]\n}\n"
        return out
    }
}
