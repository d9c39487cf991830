import ArgumentParser
import Foundation
import ScalpEngine
import ScalpJournal

/// The flag every `course` command shares: which course (the bundled one, or an
/// instructor's file), and the trainee's progress on it, read from their journals.
struct CourseOptions: ParsableArguments {
    @Option(name: .customLong("course"),
            help: ArgumentHelp("An instructor's course file (TOML) instead of the bundled course.", valueName: "file"))
    var file: String?

    /// The course: the bundled one, or the file's. A bad file is one `error:` line naming the
    /// file, the line and the key. A level's scenario file is found relative to the course file.
    func load() throws -> Course {
        guard let file else { return .bundled }
        guard FileManager.default.fileExists(atPath: file) else { throw CommandFailure("--course: no such course file '\(file)'") }
        let text = try TextFile.read(file, what: "course file")
        let folder = (file as NSString).deletingLastPathComponent
        do {
            return try CourseFile.parse(text, file: file) { reference in
                if let scenario = Scenario.named(reference) { return scenario }
                let path = reference.hasPrefix("/") || folder.isEmpty ? reference : folder + "/" + reference
                return try ScenarioFileReader.load(path)
            }
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The trainee's progress on `course`, from the finished, verified journals in the
    /// sessions folder, with the course sessions that could not be counted.
    static func progress(on course: Course, folder: SessionsFolder) throws -> (CourseProgress, [String]) {
        let history: CourseHistory
        do {
            history = try CourseHistory.read(folder, course: course.name)
        } catch {
            throw CommandFailure("\(error)")
        }
        return (CourseProgress(course: course, attempts: history.attempts), history.problems)
    }

    /// The sessions folder, or one `error:` line.
    static func folder() throws -> SessionsFolder {
        do {
            return try SessionsFolder()
        } catch {
            throw CommandFailure("course: \(error)")
        }
    }
}
