/// Decimal numbers read straight from UTF-8 bytes, bit for bit the `Double` that
/// `Double(String)` gives for the same text, without making a `String` for ordinary numbers.
///
/// The grammar is `[+-]? digits? ('.' digits?)? ([eE] [+-]? digits)?` with at least one digit
/// before the exponent; anything else (spaces, `inf`, `nan`, hex) is refused. Up to 19
/// significant digits with a decimal exponent within ±22 are exact by Clinger's fast path (one
/// correctly rounded multiply or divide of two exact doubles); longer or larger numbers fall back
/// to `Double(String)` on that one field.
public enum DecimalBytes {
    /// 10⁰ … 10²², every one exactly representable as a `Double`.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The number written in `bytes`, or nil when they are not a decimal number.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var index = 0
        let end = bytes.count
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var mantissa: UInt64 = 0, significant = 0, exponent = 0, digits = 0
        var exact = true
        while index < end, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
            digits += 1
            if mantissa == 0 && digit == 0 {
                // A leading zero carries no significance.
            } else if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                significant += 1
            } else {
                exact = false
                exponent += 1
            }
            index += 1
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
                digits += 1
                if mantissa == 0 && digit == 0 {
                    exponent -= 1
                } else if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    significant += 1
                    exponent -= 1
                } else {
                    exact = false
                }
                index += 1
            }
        }
        guard digits > 0 else { return nil }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var written = 0, exponentDigits = 0
            while index < end, case let digit = bytes[index] &- UInt8(ascii: "0"), digit < 10 {
                written = min(written * 10 + Int(digit), 1_000_000)
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard index == end else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if exact && mantissa <= 1 << 53 && (-22...22).contains(exponent) {
            let value = Double(mantissa)
            let scaled = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
            return negative ? -scaled : scaled
        }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// The number written in `bytes`, or nil; see `parse(_:)` on a buffer.
    public static func parse(_ bytes: some Collection<UInt8>) -> Double? {
        if let value = bytes.withContiguousStorageIfAvailable({ parse($0) }) { return value }
        return Array(bytes).withUnsafeBufferPointer { parse($0) }
    }
}
