/// Reads the lines of a CSV file's UTF-8 bytes in place, one at a time, and finds each line's
/// fields as byte offsets, without making a `String` or an array per line. Lines are as
/// `TextLines` splits them (a leading byte-order mark dropped, LF or CRLF endings); fields as
/// a CSV line splits (double quotes around a cell, `""` inside them a quote). The offsets of
/// the fields are kept in one array reused from line to line; a quoted cell with a quote inside
/// is unescaped into one scratch buffer, also reused.
///
/// The buffer must outlive the scanner, and a field's bytes are valid until the next line is read.
/// The scanner is used by one reader at a time and never hands out its storage, so its fields
/// skip the runtime's exclusivity checks (an eighth of the parse's instructions otherwise).
final class CSVRowScanner {
    /// One field of the current line: where it starts in the line as written (for its column),
    /// and where its text (without the quotes) lies, in `bytes` or in the scratch buffer.
    private struct Field {
        var rawStart: Int
        var start: Int
        var end: Int
        var inScratch: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// The next byte to read, an offset in `bytes`.
    @exclusivity(unchecked) private var position: Int
    @exclusivity(unchecked) private var atEnd = false
    /// The 1-based number of the current line (0 before the first).
    @exclusivity(unchecked) private(set) var lineNumber = 0
    /// The current line's bytes, offsets in `bytes`, without its ending.
    @exclusivity(unchecked) private(set) var line: Range<Int> = 0..<0
    /// True when the current line has a byte outside ASCII (so it may not be UTF-8).
    @exclusivity(unchecked) private(set) var lineHasNonASCII = false
    @exclusivity(unchecked) private var fields: [Field] = []
    @exclusivity(unchecked) private var scratch = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
    /// Bytes of the scratch buffer the current line's fields use.
    @exclusivity(unchecked) private var scratchUsed = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        position = bytes.count >= 3 && bytes[0] == bom[0] && bytes[1] == bom[1] && bytes[2] == bom[2] ? 3 : 0
        fields.reserveCapacity(16)
    }

    deinit { scratch.deallocate() }

    /// Moves to the next line; false after the last (the text after the last line ending).
    func nextLine() -> Bool {
        guard !atEnd else { return false }
        let start = position
        var index = start, high: UInt8 = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
            high |= bytes[index]
            index += 1
        }
        lineNumber += 1
        lineHasNonASCII = high >= 0x80
        if index < bytes.count {
            position = index + 1
            line = start..<(index > start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index)
        } else {
            atEnd = true
            line = start..<index
        }
        fields.removeAll(keepingCapacity: true)
        return true
    }

    /// Lines after the current one at most: the line endings left, and one for a last line
    /// without an ending.
    var linesLeft: Int {
        var endings = 0
        for index in position..<bytes.count where bytes[index] == UInt8(ascii: "\n") { endings += 1 }
        return endings + 1
    }

    /// True when the current line holds only spaces and tabs.
    var lineIsBlank: Bool {
        line.allSatisfy { bytes[$0] == UInt8(ascii: " ") || bytes[$0] == UInt8(ascii: "\t") }
    }

    /// True when the current line's bytes are valid UTF-8.
    var lineIsUTF8: Bool {
        !lineHasNonASCII || String(validating: UnsafeBufferPointer(rebasing: bytes[line]), as: UTF8.self) != nil
    }

    /// Splits the current line into its fields (read with `fieldCount`, `field(_:)`, `column(_:)`).
    func splitFields() {
        fields.removeAll(keepingCapacity: true)
        scratchUsed = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var index = line.lowerBound, start = index, quotes = 0, quoted = false
        func endField(at end: Int) {
            let field = Field(rawStart: start, start: start, end: end, inScratch: false)
            fields.append(quotes > 0 ? unquote(field, quotes: quotes) : field)
            quotes = 0
        }
        while index < line.upperBound {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    quotes += 1
                    index += 1
                    guard index < line.upperBound else { quoted = false; break }
                    let following = bytes[index]
                    if following == quote {
                        quotes += 1
                    } else {
                        quoted = false
                        if following == comma { endField(at: index); start = index + 1 }
                    }
                }
            } else if byte == quote {
                quotes += 1
                quoted = true
            } else if byte == comma {
                endField(at: index)
                start = index + 1
            }
            index += 1
        }
        endField(at: line.upperBound)
    }

    /// The text of a field with quotes: inside `bytes` when the quotes are just its first and
    /// last bytes, else unescaped into the scratch buffer (a line's text never outgrows the line).
    private func unquote(_ field: Field, quotes: Int) -> Field {
        let quote = UInt8(ascii: "\"")
        if quotes == 2, field.end - field.start >= 2, bytes[field.start] == quote, bytes[field.end - 1] == quote {
            return Field(rawStart: field.rawStart, start: field.start + 1, end: field.end - 1, inScratch: false)
        }
        if scratch.count < line.count {
            scratch.deallocate()
            scratch = .allocate(capacity: max(line.count, 2 * scratch.count))
        }
        let used = scratchUsed
        var out = used, index = field.start, quoted = false
        while index < field.end {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    index += 1
                    if index < field.end {
                        if bytes[index] == quote { scratch[out] = quote; out += 1 } else {
                            quoted = false
                            scratch[out] = bytes[index]
                            out += 1
                        }
                    } else { quoted = false }
                } else {
                    scratch[out] = byte
                    out += 1
                }
            } else if byte == quote {
                quoted = true
            } else {
                scratch[out] = byte
                out += 1
            }
            index += 1
        }
        scratchUsed = out
        return Field(rawStart: field.rawStart, start: used, end: out, inScratch: true)
    }

    /// How many fields the current line has.
    var fieldCount: Int { fields.count }

    /// Field `index`'s text (without its quotes), as UTF-8 bytes.
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        if field.inScratch { return UnsafeBufferPointer(rebasing: scratch[field.start..<field.end]) }
        return UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }

    /// Field `index`'s text without the spaces and tabs around it.
    func trimmedField(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let text = field(index)
        var start = 0, end = text.count
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        while start < end, isSpace(text[start]) { start += 1 }
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: text[start..<end])
    }

    /// Field `index`'s text as a `String`.
    func text(_ index: Int, trimmed: Bool = false) -> String {
        String(decoding: trimmed ? trimmedField(index) : field(index), as: UTF8.self)
    }

    /// The 1-based column, in characters, where field `index` starts in its line.
    func column(_ index: Int) -> Int {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[line.lowerBound..<fields[index].rawStart]), as: UTF8.self).count + 1
    }
}
