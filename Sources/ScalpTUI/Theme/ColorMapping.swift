/// What colors a terminal can show, from none to any RGB value.
public enum ColorDepth: Sendable, Hashable {
    /// No color (NO_COLOR, or a terminal without colors): attributes only.
    case monochrome
    /// The 8 ANSI colors.
    case ansi8
    /// The 16 ANSI colors.
    case ansi16
    /// The xterm 256-color palette.
    case palette256
    /// The terminal can redefine its colors (can_change_color): `slots` palette entries
    /// from 16 up may be set to exact RGB values.
    case redefinable(slots: Int)

    /// The depth for a terminal with `colors` colors (ncurses' COLORS).
    public static func forTerminal(colors: Int, canChangeColor: Bool, noColor: Bool) -> ColorDepth {
        if noColor || colors < 8 { return .monochrome }
        if canChangeColor, colors >= 256 { return .redefinable(slots: min(colors, 256) - 16) }
        if colors >= 256 { return .palette256 }
        if colors >= 16 { return .ansi16 }
        return .ansi8
    }
}

/// Nearest-color mapping from theme colors to what the terminal has (btop's approach:
/// truecolor to the 6×6×6 cube or the gray ramp, whichever is nearer).
public enum ColorMapping {
    /// The usual xterm RGB values of the 16 ANSI colors (only used to pick the nearest one).
    static let ansiRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB of palette entry `index` (0-255) in the xterm palette.
    public static func rgb(ofIndex index: Int) -> (Int, Int, Int) {
        switch index {
        case 0..<16: return ansiRGB[index]
        case 16..<232:
            let i = index - 16
            return (cubeLevels[i / 36], cubeLevels[(i / 6) % 6], cubeLevels[i % 6])
        default:
            let level = 8 + 10 * (min(max(index, 232), 255) - 232)
            return (level, level, level)
        }
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        // "Redmean" weighting: closer to what the eye sees than plain RGB distance.
        let rMean = (a.0 + b.0) / 2
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        // (Shifts bind tighter than products in Swift: divide explicitly.)
        return (512 + rMean) * dr * dr / 256 + 4 * dg * dg + (767 - rMean) * db * db / 256
    }

    /// The nearest entry of the 256-color palette (cube or gray ramp, not the ANSI 16,
    /// whose look each terminal redefines).
    public static func nearest256(_ r: Int, _ g: Int, _ b: Int) -> Int {
        func nearestLevel(_ v: Int) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - v) < abs(cubeLevels[$1] - v) }!
        }
        let cube = 16 + 36 * nearestLevel(r) + 6 * nearestLevel(g) + nearestLevel(b)
        let average = (r + g + b) / 3
        let grayIndex = 232 + min(max((average - 8 + 5) / 10, 0), 23)
        let target = (r, g, b)
        return distance(rgb(ofIndex: grayIndex), target) < distance(rgb(ofIndex: cube), target) ? grayIndex : cube
    }

    /// The nearest of the first `count` (8 or 16) ANSI colors.
    public static func nearestANSI(_ r: Int, _ g: Int, _ b: Int, count: Int) -> Int {
        (0..<count).min { distance(ansiRGB[$0], (r, g, b)) < distance(ansiRGB[$1], (r, g, b)) }!
    }

    /// The palette index to draw `color` with at `depth`; -1 is the terminal's default
    /// color. For `.redefinable`, RGB colors are not mapped here (the backend gives each
    /// its own slot) and this returns the 256-color fallback.
    public static func index(for color: ThemeColor, depth: ColorDepth) -> Int {
        switch (color, depth) {
        case (_, .monochrome), (.terminalDefault, _):
            return -1
        case (.indexed(let index), .palette256), (.indexed(let index), .redefinable):
            return index
        case (.indexed(let index), .ansi16):
            if index < 16 { return index }
            let (r, g, b) = rgb(ofIndex: index)
            return nearestANSI(r, g, b, count: 16)
        case (.indexed(let index), .ansi8):
            if index < 8 { return index }
            if index < 16 { return index - 8 }
            let (r, g, b) = rgb(ofIndex: index)
            return nearestANSI(r, g, b, count: 8)
        case (.rgb(let r, let g, let b), .palette256), (.rgb(let r, let g, let b), .redefinable):
            return nearest256(Int(r), Int(g), Int(b))
        case (.rgb(let r, let g, let b), .ansi16):
            return nearestANSI(Int(r), Int(g), Int(b), count: 16)
        case (.rgb(let r, let g, let b), .ansi8):
            return nearestANSI(Int(r), Int(g), Int(b), count: 8)
        }
    }
}
