import ScalpEngine
import ScalpJournal

/// A recorded session shown again on the live screen (`gammascalp replay`): the engine's
/// `SessionReplay` applies the recorded actions at their steps, while the user's keys only
/// pause, step and change speed.
public struct ScriptedPlay: Sendable {
    public var script: ReplayScript
    /// How the recording ended; nil when it breaks off (the replay then stops, unfinished).
    public var endReason: EndReason?

    public init(script: ReplayScript, endReason: EndReason?) {
        self.script = script
        self.endReason = endReason
    }
}
