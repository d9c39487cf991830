/// The scenarios built into the binary. Their source of truth is the TOML text in
/// `BuiltInScenarioFiles`, read by the same `ScenarioFile.parse` as any user's file.
extension Scenario {
    /// The scenarios built into the binary, default first.
    public static let builtIn: [Scenario] = BuiltInScenarioFiles.texts.map { text in
        do {
            return try ScenarioFile.parse(text, file: "built-in scenario")
        } catch {
            fatalError("a built-in scenario does not parse: \(error)") // a test parses them all
        }
    }

    /// The default: a long at-the-money straddle, 30 days, bought at 20% implied while the
    /// market realizes 25%. Ten straddles of 100 shares each, hedged in 100-share lots.
    public static let classicScalp: Scenario = builtIn[0]

    /// The built-in scenario called `name`, if any.
    public static func named(_ name: String) -> Scenario? {
        builtIn.first { $0.name == name.lowercased() }
    }

    /// The TOML text of the built-in scenario called `name`, as shipped (with its comments).
    public static func builtInFile(named name: String) -> String? {
        guard let index = builtIn.firstIndex(where: { $0.name == name.lowercased() }) else { return nil }
        return BuiltInScenarioFiles.texts[index]
    }
}
