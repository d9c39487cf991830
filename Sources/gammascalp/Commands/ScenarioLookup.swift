import ArgumentParser
import ScalpEngine

/// Turns a `--scenario NAME|FILE` value into a scenario: a built-in name first, then each
/// file loader in turn.
enum ScenarioLookup {
    /// Reads a scenario from the file at a path, or returns nil when the path is not its
    /// kind of file (so the next loader may try). Throws for a file of its kind that is bad.
    typealias FileLoader = @Sendable (_ path: String) throws -> Scenario?

    /// The scenario-file loaders, tried in order for a value that is not a built-in name.
    static let fileLoaders: [FileLoader] = [ScenarioFileReader.load]

    /// The scenario `text` names; `flag` is the option to name in the error.
    static func resolve(_ text: String, flag: String = "--scenario") throws -> Scenario {
        if let scenario = Scenario.named(text) { return scenario }
        for load in fileLoaders {
            if let scenario = try load(text) { return scenario }
        }
        let known = Scenario.builtIn.map(\.name).joined(separator: ", ")
        throw ValidationError("\(flag): unknown scenario '\(text)' (known: \(known))")
    }
}
