/// Fitting text into columns, and cleaning text that came from outside the program.
public enum TextLayout {
    /// Columns `text` takes on the grid (one per scalar).
    public static func width(_ text: String) -> Int { text.unicodeScalars.count }

    /// `text` cut to `width` columns, ending in "…" when cut.
    public static func fit(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let scalars = text.unicodeScalars
        guard scalars.count > width else { return text }
        var out = String.UnicodeScalarView(scalars.prefix(width - 1))
        out.append("…")
        return String(out)
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, _ width: Int, align: Alignment = .left) -> String {
        let count = text.unicodeScalars.count
        if count >= width { return String(String.UnicodeScalarView(text.unicodeScalars.prefix(width))) }
        let padding = String(repeating: " ", count: width - count)
        switch align {
        case .left: return text + padding
        case .right: return padding + text
        case .center:
            let left = (width - count) / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: width - count - left)
        }
    }

    /// `text` with every control and format character removed but newline and tab: C0, DEL,
    /// C1, bidi overrides, zero-width joiners. What the shell commands print and say on stderr
    /// goes through it, so a name read from a scenario, a journal or a price file cannot move
    /// the cursor, recolor or retitle the terminal of whoever reads the output.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isControl(scalar) { out.append(scalar) }
        return String(out)
    }

    /// A control or format character other than newline and tab.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar != "\n", scalar != "\t" else { return false }
        let category = scalar.properties.generalCategory
        return category == .control || category == .format
    }

    /// Text from a file or the command line made safe to draw: control characters (C0, C1,
    /// DEL), format characters (bidi overrides, zero-width joiners) and combining marks are
    /// dropped, so one scalar is one column and nothing can move the cursor or recolor the
    /// terminal.
    public static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .nonspacingMark, .enclosingMark, .spacingMark, .lineSeparator,
                 .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                continue
            default:
                if scalar.properties.isEmojiPresentation || isWide(scalar) {
                    out.append("?")
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// East Asian wide and fullwidth blocks: two columns on a terminal, so not drawn as one.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// Where text sits in a column wider than it.
public enum Alignment: Sendable { case left, right, center }
