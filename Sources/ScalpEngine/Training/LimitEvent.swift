/// A risk limit's state changed: the trainee went over it, or came back inside.
/// `TrainingSession` produces these as it checks the limits; the journal records them.
public struct LimitEvent: Sendable, Hashable {
    public enum Limit: String, Sendable, Hashable, CaseIterable {
        /// |net delta| in shares against the scenario's net-delta limit.
        case netDelta = "net_delta"
        /// The loss (−P&L) in currency against the scenario's loss limit.
        case loss
    }

    public enum Change: String, Sendable, Hashable, CaseIterable {
        case breach, clear
    }

    public var step: Int
    /// Session time, years.
    public var time: Double
    public var limit: Limit
    public var change: Change
    /// Net delta in shares (signed), or the loss in currency (−P&L).
    public var value: Double
    /// The limit: |value| above it is a breach.
    public var maximum: Double

    public init(step: Int, time: Double, limit: Limit, change: Change, value: Double, maximum: Double) {
        self.step = step
        self.time = time
        self.limit = limit
        self.change = change
        self.value = value
        self.maximum = maximum
    }
}
