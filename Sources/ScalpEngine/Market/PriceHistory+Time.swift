extension PriceHistory {
    /// Seconds since 1970 (UTC) and whether the label is a plain date (`YYYY-MM-DD`); a
    /// timestamp is `YYYY-MM-DD HH:MM[:SS]` (`T` also separates, a trailing `Z` is allowed).
    static func parseTime(_ text: String) -> (Double, Bool)? {
        var text = text
        return text.withUTF8 { parseTime(bytes: $0) }
    }

    /// `parseTime(_:)` on the label's UTF-8 bytes, already trimmed of spaces. Allocates nothing.
    static func parseTime(bytes: UnsafeBufferPointer<UInt8>) -> (Double, Bool)? {
        let space = UInt8(ascii: " "), letterT = UInt8(ascii: "T")
        // The label splits into one or two parts at runs of spaces and `T`s.
        var datePart: Range<Int>?, clockPart: Range<Int>?
        var index = 0
        while index < bytes.count {
            while index < bytes.count, bytes[index] == space || bytes[index] == letterT { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            while index < bytes.count, bytes[index] != space && bytes[index] != letterT { index += 1 }
            if datePart == nil { datePart = start..<index } else if clockPart == nil { clockPart = start..<index } else { return nil }
        }
        guard let datePart, datePart.count == 10 else { return nil }
        // Like `split(separator: "-").compactMap { Int($0) }`: pieces that are not integers are dropped.
        let date = firstThree(bytes, datePart, separator: UInt8(ascii: "-"), none: 0, integer)
        guard date.count == 3, (1...12).contains(date.1), (1...31).contains(date.2) else { return nil }
        var seconds = Double(daysFromCivil(year: date.0, month: date.1, day: date.2)) * 86_400
        guard var clockPart else { return (seconds, true) }
        while let first = clockPart.first, bytes[first] == UInt8(ascii: "Z") { clockPart = clockPart.dropFirst() }
        while let last = clockPart.last, bytes[last] == UInt8(ascii: "Z") { clockPart = clockPart.dropLast() }
        let clock = firstThree(bytes, clockPart, separator: UInt8(ascii: ":"), none: 0.0, DecimalBytes.parse)
        guard clock.count == 2 || clock.count == 3, clock.0 < 24, clock.1 < 60, (clock.count == 2 || clock.2 < 61) else { return nil }
        seconds += clock.0 * 3600 + clock.1 * 60 + (clock.count == 3 ? clock.2 : 0)
        return (seconds, false)
    }

    /// The first three pieces of `range` (runs between `separator` bytes) that `read` reads, `none`
    /// where fewer did, and how many it read in all: pieces it cannot read are dropped.
    private static func firstThree<Value>(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, separator: UInt8, none: Value,
                                          _ read: (UnsafeBufferPointer<UInt8>) -> Value?) -> (Value, Value, Value, count: Int) {
        var values = (none, none, none), count = 0
        forEachPiece(bytes, range, separator: separator) { piece in
            guard let value = read(UnsafeBufferPointer(rebasing: bytes[piece])) else { return }
            switch count {
            case 0: values.0 = value
            case 1: values.1 = value
            case 2: values.2 = value
            default: break
            }
            count += 1
        }
        return (values.0, values.1, values.2, count)
    }

    /// Calls `body` with each non-empty run of `range` between `separator` bytes.
    private static func forEachPiece(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, separator: UInt8,
                                     _ body: (Range<Int>) -> Void) {
        var start = range.lowerBound
        for index in range where bytes[index] == separator {
            if index > start { body(start..<index) }
            start = index + 1
        }
        if range.upperBound > start { body(start..<range.upperBound) }
    }

    /// A decimal integer as `Int(String)` reads one (an optional sign, then digits), or nil.
    private static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0, negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count, bytes.count - index <= 18 else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
