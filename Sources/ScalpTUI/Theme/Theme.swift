/// A theme: a color for every role. Theme files name some roles; the rest are filled from
/// related roles (btop style), so a theme of three lines still colors everything.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var description: String
    /// "bundled", or the file it was read from.
    public var origin: String
    public private(set) var colors: [Role: ThemeColor]

    /// Where a role's color comes from when a theme does not give it.
    public static let fallbacks: [Role: Role] = [
        .muted: .text, .border: .muted, .accent: .text, .title: .accent,
        .up: .text, .down: .text, .profit: .up, .loss: .down, .warning: .accent,
        .gauge: .accent, .selection: .background,
        .chartPrice: .text, .chartStrike: .muted, .chartRealized: .accent, .chartEWMA: .muted,
        .chartImplied: .warning, .chartPnL: .profit,
    ]

    public init(name: String, description: String = "", origin: String = "bundled", colors: [Role: ThemeColor]) {
        self.name = name
        self.description = description
        self.origin = origin
        var complete: [Role: ThemeColor] = [:]
        func resolve(_ role: Role) -> ThemeColor {
            if let color = colors[role] ?? complete[role] { return color }
            guard let parent = Self.fallbacks[role] else { return .terminalDefault }
            return resolve(parent)
        }
        for role in Role.allCases { complete[role] = resolve(role) }
        self.colors = complete
    }

    public subscript(role: Role) -> ThemeColor { colors[role] ?? .terminalDefault }

    /// The theme used when nothing else is asked for.
    public static var standard: Theme {
        (try? ThemeParser.parse(BundledThemes.source(named: "default") ?? "", file: "default", origin: "bundled"))
            ?? Theme(name: "default", colors: [:])
    }
}
