import ScalpFormat
/// Text made safe for HTML and SVG.
enum HTML {
    /// Escapes &, <, >, " and '.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // A control or format character from a name is not text: a visible mark instead.
            case _ where character.unicodeScalars.contains(where: TextLayout.isControl): out += "\u{FFFD}"
            default: out.append(character)
            }
        }
        return out
    }

    /// A pixel coordinate with one decimal, no trailing ".0".
    static func px(_ value: Double) -> String {
        let tenths = (min(max(value, -1e9), 1e9) * 10).rounded()
        guard tenths.isFinite else { return "0" }
        let whole = Int(tenths) / 10
        let fraction = abs(Int(tenths) % 10)
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
