import Foundation

/// The trainee's rating on a course, 0–100: an exponentially weighted average of the points
/// of every attempt, oldest first, each adjusted for the level's difficulty on its path.
///
///   adjusted = min(100, points × (0.5 + difficulty))
///   rating   = Σ wᵢ·adjustedᵢ / Σ wᵢ,   wᵢ = (1 − α)^(n − 1 − i),   α = 0.3
///
/// so the newest attempt weighs most, and one twelve attempts back about a fiftieth as much.
/// A level of average difficulty (0.5) keeps the points as they are; the hardest (1) counts
/// them half as much again, the most forgiving (0) half.
public enum CourseRating {
    /// The weight of the newest attempt.
    public static let alpha = 0.3

    /// Points as the rating counts them for a level of `difficulty` (0–1).
    public static func adjusted(points: Double, difficulty: Double) -> Double {
        min(100, max(0, points * (0.5 + min(max(difficulty, 0), 1))))
    }

    /// The rating of `attempts` in the order played (oldest first); nil when there are none.
    public static func rating(_ attempts: [LevelAttempt]) -> Double? {
        guard !attempts.isEmpty else { return nil }
        var total = 0.0, weights = 0.0, weight = 1.0
        for attempt in attempts.reversed() {
            total += weight * adjusted(points: attempt.points, difficulty: attempt.difficulty)
            weights += weight
            weight *= 1 - alpha
        }
        return total / weights
    }
}
