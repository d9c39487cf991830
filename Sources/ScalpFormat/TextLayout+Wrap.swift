extension TextLayout {
    /// `text` broken into lines of at most `width` columns at spaces (a word longer than a
    /// line is cut).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            while self.width(word) > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                let scalars = word.unicodeScalars
                lines.append(String(String.UnicodeScalarView(scalars.prefix(width))))
                word = String(String.UnicodeScalarView(scalars.dropFirst(width)))
            }
            if word.isEmpty { continue }
            if current.isEmpty {
                current = word
            } else if self.width(current) + 1 + self.width(word) <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
