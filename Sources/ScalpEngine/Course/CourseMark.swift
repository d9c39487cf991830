/// The course and level a session was played for, as its journal's start line records them
/// (`course`, `level`): what progress through a course is read from.
public struct CourseMark: Sendable, Hashable {
    /// The course's name (`name` in its file).
    public var course: String
    /// The level's place in the course, from 1.
    public var level: Int

    public init(course: String, level: Int) {
        (self.course, self.level) = (course, level)
    }
}
