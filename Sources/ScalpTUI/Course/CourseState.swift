import ScalpEngine

/// What the course screen shows: the course and the trainee's progress on it, the selected
/// level, whether its briefing is open, and what the trainee asked for (a level to play, or
/// to leave). Keys change it; `CourseScreen` only draws it.
public struct CourseState: Sendable {
    public let progress: CourseProgress
    /// The selected level's number, from 1.
    public private(set) var selected: Int
    public private(set) var showingBriefing = false
    /// The level to play once the screen closes (Enter on an open briefing).
    public private(set) var levelToPlay: Int?
    public private(set) var exitRequested = false
    /// One line under the table: how the last session went, or why a level cannot be played.
    public private(set) var message: String?
    /// Course sessions that were not counted (unreadable, or not what they replay to).
    public let problems: [String]
    /// Bumped on every change, so the loop redraws only when something changed.
    public private(set) var revision = 0

    public init(progress: CourseProgress, problems: [String] = [], message: String? = nil) {
        self.progress = progress
        self.problems = problems
        self.message = message
        selected = progress.nextLevel
    }

    public mutating func handle(_ key: Key) {
        switch key {
        case .character("q"), .character("\u{3}"):
            exitRequested = true
        case .escape where showingBriefing:
            showingBriefing = false
        case .up, .character("k"):
            move(by: -1)
        case .down, .character("j"):
            move(by: 1)
        case .enter, .character(" "):
            if showingBriefing {
                levelToPlay = selected
                exitRequested = true
            } else if let refusal = progress.refusal(toPlay: selected) {
                message = refusal
            } else {
                showingBriefing = true
            }
        default:
            return
        }
        revision += 1
    }

    public mutating func requestExit() {
        exitRequested = true
        revision += 1
    }

    private mutating func move(by offset: Int) {
        guard !showingBriefing else { return }
        selected = min(max(selected + offset, 1), progress.course.levels.count)
        message = nil
    }
}
