import ScalpEngine

/// One line of a session journal, typed, with the line number it came from (1-based).
struct JournalRecord: Sendable {
    var line: Int
    var entry: Entry

    enum Entry: Sendable {
        case start(JournalStart)
        case tick(RecordedTick)
        case trade(Trade)
        case action(RecordedAction)
        /// Pause, resume or speed: the screen's business, not the session's.
        case control(step: Int)
        case end(RecordedEnd)
    }

    /// The session step the line was written at (0 for the start line).
    var step: Int {
        switch entry {
        case .start: 0
        case .tick(let tick): tick.step
        case .trade(let trade): trade.step
        case .action(let recorded): recorded.step
        case .control(let step): step
        case .end(let end): end.step
        }
    }
}

/// The `start` line: the session's identity.
struct JournalStart: Sendable {
    /// The journal format (`JournalFile.formatVersion` when written).
    var format: Int
    /// The gammascalp version that wrote it.
    var version: String?
    var scenarioName: String
    var seed: UInt64
    /// The scenario's default live speed, steps per real second.
    var stepsPerSecond: Double
    /// The trainee's session configuration as it ran (full detail, its auto-hedge state).
    var config: SessionConfig
    /// The whole scenario: benchmark rule, limits, implied-vol model.
    var scenario: Scenario
}

/// A `tick` line: a thinned sample of the trainee's session. Numbers that were not finite
/// were written as null and read as nil.
struct RecordedTick: Sendable {
    var step: Int
    /// Session time, years.
    var time: Double
    var spot: Double?
    /// Shares.
    var netDelta: Double?
    var realizedVol: Double?
    var ewmaVol: Double?
    var impliedVol: Double?
    /// Currency.
    var pnl: Double?
}

/// The `end` line.
struct RecordedEnd: Sendable {
    var step: Int
    var time: Double
    /// quit, expired or terminated.
    var reason: String
    /// Final P&L, currency.
    var pnl: Double?
    var attribution: PnLAttribution?
}
