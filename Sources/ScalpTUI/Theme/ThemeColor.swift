import Foundation

/// A color as a theme file writes it: the terminal's own default, one of the 16 ANSI
/// colors, a 256-color palette index, or an exact RGB value.
public enum ThemeColor: Sendable, Hashable, CustomStringConvertible {
    case terminalDefault
    /// 0-255 (0-15 are the ANSI colors, whose look the terminal decides).
    case indexed(Int)
    case rgb(UInt8, UInt8, UInt8)

    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright_black", "bright_red", "bright_green", "bright_yellow",
        "bright_blue", "bright_magenta", "bright_cyan", "bright_white",
    ]

    /// Parses "default", an ANSI name ("red", "bright_blue", "gray"), "0"-"255" or "#rrggbb".
    public init?(parsing text: String) {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "-", with: "_")
        if value == "default" || value == "none" || value == "terminal" {
            self = .terminalDefault
        } else if let index = Self.ansiNames.firstIndex(of: value) {
            self = .indexed(index)
        } else if value == "gray" || value == "grey" {
            self = .indexed(8)
        } else if let number = Int(value), (0...255).contains(number) {
            self = .indexed(number)
        } else if value.hasPrefix("#"), value.count == 7, let rgb = UInt32(value.dropFirst(), radix: 16) {
            self = .rgb(UInt8(rgb >> 16 & 0xFF), UInt8(rgb >> 8 & 0xFF), UInt8(rgb & 0xFF))
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .terminalDefault: "default"
        case .indexed(let index) where index < 16: Self.ansiNames[index]
        case .indexed(let index): String(index)
        case .rgb(let r, let g, let b): "#" + [r, g, b].map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
        }
    }
}
