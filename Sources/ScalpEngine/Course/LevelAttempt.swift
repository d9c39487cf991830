import Foundation

/// One finished, verified session played for a course level: what its journal records
/// that the pass criteria and the rating read.
public struct LevelAttempt: Sendable, Hashable {
    public var mark: CourseMark
    /// The scenario played (an attempt counts only for a level on the same scenario).
    public var scenarioName: String
    public var seed: UInt64
    /// When it started (nil in a journal without `started_at`); orders the rating.
    public var startedAt: Date?
    /// The grade, 0–100.
    public var points: Double
    /// No breach of the net-delta limit and none of the loss limit.
    public var withinLimits: Bool
    /// Whether the auto-hedge was on at any time.
    public var usedAutoHedge: Bool
    /// The trainee's stock trades, by hand and by the auto-hedge (the close-out not counted).
    public var hedgeTrades: Int
    /// The level's difficulty on this session's path, 0–1 (`LevelDifficulty`).
    public var difficulty: Double

    public init(mark: CourseMark, scenarioName: String, seed: UInt64, startedAt: Date?, points: Double,
                withinLimits: Bool, usedAutoHedge: Bool, hedgeTrades: Int, difficulty: Double) {
        (self.mark, self.scenarioName, self.seed, self.startedAt) = (mark, scenarioName, seed, startedAt)
        (self.points, self.withinLimits, self.usedAutoHedge) = (points, withinLimits, usedAutoHedge)
        (self.hedgeTrades, self.difficulty) = (hedgeTrades, difficulty)
    }
}
