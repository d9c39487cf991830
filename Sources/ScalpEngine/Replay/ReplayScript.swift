/// Everything needed to re-run a recorded training session: the market (scenario and seed),
/// the trainee's starting auto-hedge state, the actions in the order they were applied, and
/// where the recording ended. The same script always replays to the same numbers.
public struct ReplayScript: Sendable, Hashable {
    public let scenario: Scenario
    public let seed: UInt64
    /// Whether the trainee's auto-hedger was on at step 0 (it then hedges at time 0).
    public let autoHedge: Bool
    /// The recorded actions, oldest first; steps never decrease.
    public let actions: [RecordedAction]
    public let ending: ReplayEnding

    /// Checks that the actions are in step order and inside the recording.
    public init(scenario: Scenario, seed: UInt64, autoHedge: Bool, actions: [RecordedAction],
                ending: ReplayEnding) throws(ReplayScriptError) {
        let steps = scenario.config.steps
        guard ending.step >= 0, ending.step <= steps else {
            throw ReplayScriptError(actionIndex: nil, message: "the recording ends at step \(ending.step), "
                                    + "outside the scenario's 0…\(steps) steps")
        }
        var previous = 0
        for (index, recorded) in actions.enumerated() {
            if recorded.step < previous {
                throw ReplayScriptError(actionIndex: index, message: "action at step \(recorded.step) "
                                        + "comes after one at step \(previous)")
            }
            if recorded.step > ending.step {
                throw ReplayScriptError(actionIndex: index, message: "action at step \(recorded.step) "
                                        + "is after the recording's end at step \(ending.step)")
            }
            previous = recorded.step
        }
        self.scenario = scenario
        self.seed = seed
        self.autoHedge = autoHedge
        self.actions = actions
        self.ending = ending
    }
}

/// Where a recording stops.
public enum ReplayEnding: Sendable, Hashable {
    /// The session ended at `step` (quit, expiry or a signal): the replay finishes there,
    /// closing out the stock if the recorded actions have not already.
    case finished(step: Int)
    /// The recording breaks off at `step` without an end (the process was killed): the
    /// replay stops there with the session still open.
    case truncated(step: Int)

    /// The last step of the recording.
    public var step: Int {
        switch self {
        case .finished(let step), .truncated(let step): step
        }
    }

    public var finishes: Bool {
        if case .finished = self { return true }
        return false
    }
}

/// A script whose actions cannot be replayed in order.
public struct ReplayScriptError: Error, Hashable, CustomStringConvertible {
    /// The offending action's index in `actions`, nil when the ending itself is wrong.
    public var actionIndex: Int?
    public var message: String
    public var description: String { message }
}
