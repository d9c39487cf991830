/// What is checked in a scenario file's raw text before the TOML parser sees it.
extension ScenarioFile {
    /// Refuses, at its line and column, a control character other than tab and the line ends
    /// (toml++ places a NUL on the wrong line and stops at one in a table header); a table
    /// header whose `[` or `[[` is not followed by a name (toml++ 3.4 asserts, and so aborts,
    /// on `[[#`: found by the fuzzer); and an array of tables repeated more than
    /// `InputLimits.events` times (a million `[[events]]` would take the parser minutes and
    /// gigabytes before any key is read).
    static func checkRawText(_ text: String, file: String) throws(ScenarioFileError) {
        var line = 1, column = 1
        var headers: [Substring: Int] = [:]
        var lineStart = text.utf8.startIndex
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            if byte == 0x0A {
                try countHeader(text.utf8[lineStart..<index], line: line)
                (line, column, lineStart) = (line + 1, 1, text.utf8.index(after: index))
                continue
            }
            if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                let name = byte == 0 ? "a NUL byte" : "the control character 0x" + String(byte, radix: 16, uppercase: true)
                throw ScenarioFileError(file: file, line: line, column: column, key: nil,
                                        problem: "\(name) (TOML allows none but tab and line ends)")
            }
            // Columns count characters, not UTF-8 continuation bytes.
            if byte & 0xC0 != 0x80 { column += 1 }
        }
        try countHeader(text.utf8[lineStart...], line: line)

        func countHeader(_ bytes: Substring.UTF8View.SubSequence, line: Int) throws(ScenarioFileError) {
            // toml++ skips a byte-order mark before the first line, as it skips blanks.
            let trimmed = Substring(bytes).drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
            guard trimmed.hasPrefix("[") else { return }
            // What toml++ reads as the header's first key character: after `[`, blanks, an
            // optional second `[` and blanks (a `]` there is its own clean error).
            var rest = trimmed.dropFirst().drop { $0 == " " || $0 == "\t" }
            if rest.first == "[" { rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" } }
            let first = rest.first.map { $0 == "\r\n" ? "\r" : $0 }
            if first != "]", !(first.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || "_-\"'".contains($0) } ?? false) {
                let column = 1 + Substring(bytes).distance(from: Substring(bytes).startIndex, to: rest.startIndex)
                let found = first.map { $0.isASCII && !$0.isWhitespace ? "'\($0)'" : "\($0.unicodeScalars.first!.escaped(asASCII: true))" }
                throw ScenarioFileError(file: file, line: line, column: column, key: nil,
                                        problem: "a table header needs a name after '[', got \(found ?? "the end of the line")")
            }
            guard trimmed.hasPrefix("[["), let close = trimmed.firstRange(of: "]]") else { return }
            let name = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<close.lowerBound]
                .filter { $0 != " " && $0 != "\t" }
            let count = (headers[Substring(name)] ?? 0) + 1
            headers[Substring(name)] = count
            if count > InputLimits.events {
                throw ScenarioFileError(file: file, line: line, key: nil,
                                        problem: "more than \(InputLimits.events) [[\(name)]] tables")
            }
        }
    }
}
