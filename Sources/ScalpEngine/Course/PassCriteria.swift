import Foundation

/// What a finished session of a level must show to pass it. Only a finished session (played
/// to its last step) is an attempt at all; these are the rest.
public struct PassCriteria: Sendable, Hashable {
    /// The least points, 0–100.
    public var points: Double
    /// No breach of the scenario's net-delta or loss limit.
    public var withinLimits: Bool
    /// The auto-hedge never switched on: every hedge by hand.
    public var autoHedgeOff: Bool
    /// At most this many stock trades (by hand and by the auto-hedge; the close-out not counted).
    public var maximumTrades: Int?

    /// Points a level asks for when its file does not say.
    public static let defaultPoints = 50.0

    public init(points: Double = defaultPoints, withinLimits: Bool = false, autoHedgeOff: Bool = false, maximumTrades: Int? = nil) {
        (self.points, self.withinLimits, self.autoHedgeOff, self.maximumTrades) = (points, withinLimits, autoHedgeOff, maximumTrades)
    }

    /// What `attempt` fell short of, in words; empty when it passes.
    public func shortfalls(_ attempt: LevelAttempt) -> [String] {
        var missed: [String] = []
        if attempt.points < points {
            missed.append("\(Int(attempt.points)) points, below \(Self.whole(points))")
        }
        if withinLimits, !attempt.withinLimits { missed.append("went over a risk limit") }
        if autoHedgeOff, attempt.usedAutoHedge { missed.append("used the auto-hedge") }
        if let maximumTrades, attempt.hedgeTrades > maximumTrades {
            missed.append("\(attempt.hedgeTrades) trades, more than \(maximumTrades)")
        }
        return missed
    }

    public func passes(_ attempt: LevelAttempt) -> Bool { shortfalls(attempt).isEmpty }

    /// The criteria in words, one per line, for the briefing: "at least 50 points on a fresh
    /// seed, played to the end".
    public var lines: [String] {
        var lines = ["at least \(Self.whole(points)) points on a fresh seed, played to the end"]
        if withinLimits { lines.append("never over the scenario's risk limits") }
        if autoHedgeOff { lines.append("auto-hedge off: every hedge by hand") }
        if let maximumTrades { lines.append("at most \(maximumTrades) hedge trades") }
        return lines
    }

    /// The criteria in a few words, for tables: "≥50 pts · in limits · by hand · ≤200 trades".
    public var summary: String {
        var parts = ["≥\(Self.whole(points)) pts"]
        if withinLimits { parts.append("in limits") }
        if autoHedgeOff { parts.append("by hand") }
        if let maximumTrades { parts.append("≤\(maximumTrades) trades") }
        return parts.joined(separator: " · ")
    }

    /// Points as written: 50, or 62.5.
    static func whole(_ points: Double) -> String {
        points == points.rounded() ? String(Int(points)) : String(format: "%g", points)
    }
}
