/// A session action as a journal recorded it: what was done, and the step the session had
/// reached when it was done (applied after that step's tick, before the next one).
public struct RecordedAction: Sendable, Hashable, Codable {
    /// The session's step when the action was applied (0 = before the first tick).
    public var step: Int
    public var action: SessionAction

    public init(step: Int, action: SessionAction) {
        self.step = step
        self.action = action
    }
}
