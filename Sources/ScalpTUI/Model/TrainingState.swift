import DequeModule
import ScalpEngine
import ScalpFormat

/// What the live screen keeps for training beside the engine's `TrainingSession`: the intro
/// and the option ticket overlays, the option trades for the blotter, and the price file's
/// row labels.
public struct TrainingState: Sendable {
    /// The scenario's description and learning goal, shown over the screen at the start.
    public internal(set) var showIntro: Bool
    /// The option ticket, while it is open.
    public internal(set) var ticket: OptionTicket?
    /// The coach's latest line (`m`), until the next key or `AppState.coachSeconds` of play.
    public internal(set) var coach: CoachLine?
    /// The latest option trades, oldest first (at most `fillCapacity`).
    public internal(set) var fills: Deque<TicketFill> = []
    /// The date or timestamp of each price row when replaying a price file: the header and
    /// the chart show these instead of "day D hh:mm".
    public let priceLabels: [String]?

    static let fillCapacity = 100

    init(showIntro: Bool, priceLabels: [String]?) {
        self.showIntro = showIntro
        self.priceLabels = priceLabels.flatMap { $0.isEmpty ? nil : $0.map(TextLayout.sanitize) }
    }
}

/// A line the coach showed: its text and the step it was asked at.
public struct CoachLine: Sendable, Hashable {
    public var step: Int
    public var text: String
}

/// How a limit's status is drawn (the engine decides the status).
extension LimitStatus {
    /// The warning role: warning when near, loss when over, nil otherwise.
    public var role: Role? {
        switch self {
        case .near: .warning
        case .over: .loss
        case .none, .within: nil
        }
    }
}
