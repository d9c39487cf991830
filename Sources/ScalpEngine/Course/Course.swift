/// A course: levels played in order, each a scenario with a briefing and what it takes to
/// pass. A level opens once the one before it is passed.
public struct Course: Sendable {
    /// The name journals record (`course` on the start line), e.g. "first-desk".
    public var name: String
    /// What the course screen's title shows; the name when the file gives none.
    public var title: String
    public var description: String
    /// In playing order; level N is `levels[N - 1]`.
    public var levels: [CourseLevel]

    public init(name: String, title: String, description: String, levels: [CourseLevel]) {
        (self.name, self.title, self.description, self.levels) = (name, title, description, levels)
    }

    /// The level numbered `number` (from 1), if the course has it.
    public func level(_ number: Int) -> CourseLevel? {
        levels.indices.contains(number - 1) ? levels[number - 1] : nil
    }
}

/// One level of a course.
public struct CourseLevel: Sendable {
    /// Its place in the course, from 1.
    public var number: Int
    public var scenario: Scenario
    /// A short name for the level; the scenario's name when the file gives none.
    public var title: String
    /// What the trainee reads before playing: the lesson and what to try.
    public var briefing: String
    public var pass: PassCriteria

    public init(number: Int, scenario: Scenario, title: String, briefing: String, pass: PassCriteria) {
        (self.number, self.scenario, self.title, self.briefing, self.pass) = (number, scenario, title, briefing, pass)
    }
}
