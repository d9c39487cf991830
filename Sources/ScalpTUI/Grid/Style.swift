/// A semantic color role. Widgets draw with roles; a `Theme` says which color each role is,
/// so the grid (and its golden snapshots) never depends on the theme.
public enum Role: String, CaseIterable, Sendable, Hashable {
    case background, text, muted, border, title, accent
    case up, down, profit, loss, warning, gauge, selection
    case chartPrice = "chart_price"
    case chartStrike = "chart_strike"
    case chartRealized = "chart_realized"
    case chartEWMA = "chart_ewma"
    case chartImplied = "chart_implied"
    case chartPnL = "chart_pnl"
}

/// Text attributes a cell can carry, independent of color (all a monochrome terminal has).
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)
}

/// How a cell is drawn: foreground and background roles and attributes.
public struct Style: Sendable, Hashable {
    public var foreground: Role
    public var background: Role
    public var attributes: Attributes

    public init(_ foreground: Role = .text, on background: Role = .background, _ attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    public func bold() -> Style { with(.bold) }
    public func with(_ extra: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
    public func on(_ background: Role) -> Style {
        var copy = self
        copy.background = background
        return copy
    }
}
