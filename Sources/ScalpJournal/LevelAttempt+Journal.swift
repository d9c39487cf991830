import ScalpEngine

/// A course attempt read from a journal. This is the one place course progress reads a
/// session's grade: the points on the end line, the limit use beside them, and the family's
/// utilities from the replay that verified them.
extension LevelAttempt {
    /// The attempt `session` records: nil when it was not played for a course or did not run
    /// to its last step. Throws when its journal does not replay to what it records
    /// (`JournalVerifier`), so an edited journal never counts.
    public init?(verifying session: RecordedSession) throws {
        guard let mark = session.start.course, let end = session.end?.end, end.reason.ranToTheEnd,
              end.step >= session.start.config.steps, let score = end.summary.score else { return nil }
        let outcome = try JournalVerifier.verify(session)
        let family = outcome.replay.training.grade.family.map(\.result.utility.value)
        self.init(mark: mark, scenarioName: session.start.scenario.name, seed: session.start.seed,
                  startedAt: session.start.startedAt, points: score.points,
                  withinLimits: score.deltaLimitBreaches == 0 && !score.lossLimitBreached,
                  usedAutoHedge: Self.usedAutoHedge(session),
                  hedgeTrades: end.summary.manualTrades + end.summary.autoTrades,
                  difficulty: LevelDifficulty.of(familyUtilities: family))
    }

    /// Whether the auto-hedge was on at the start or switched on by any action.
    static func usedAutoHedge(_ session: RecordedSession) -> Bool {
        var on = session.start.config.autoHedge
        var used = on
        for (_, recorded) in session.actions {
            switch recorded.action {
            case .setAutoHedge(let value): on = value
            case .toggleAutoHedge: on.toggle()
            default: continue
            }
            used = used || on
        }
        return used
    }
}
