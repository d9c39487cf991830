import TOMLKit

/// Scenario files: a scenario as TOML text, read and written. The engine does no file I/O:
/// the caller reads the file and passes its text with a name to show in errors.
///
/// Layout (every key is listed, with its unit and default, in the README's scenario reference):
/// top-level `name`, `description`, `goal`; `[market]`; `[process]`; `[implied]`;
/// `[[implied.term]]`; `[[events]]`; `[[book]]`; `[hedging]`; `[execution]`; `[limits]`; `[training]`; `[session]`. Times are calendar days
/// or minutes; rates, yields and vols are annualised fractions. Unknown keys are refused.
public enum ScenarioFile {
    /// The scenario described by `text`; `file` names it in errors (and, without a `name`
    /// key, names the scenario: its last path component without the extension).
    public static func parse(_ text: String, file: String) throws(ScenarioFileError) -> Scenario {
        var top = try ScenarioTable.top(of: text, file: file)
        let source = top.source

        let name = try top.string("name") ?? defaultName(file: file)
        if name.trimmingSpaces.isEmpty { throw top.error("name", "must not be empty") }
        let description = try top.string("description") ?? ""
        let goal = try top.string("goal") ?? ""

        guard var marketTable = try top.section("market") else { throw top.error("market", "required: a [market] table") }
        let market = try readMarket(&marketTable, trading: try readCalendar(try top.section("execution")))
        try marketTable.finish()

        guard var processTable = try top.section("process") else { throw top.error("process", "required: a [process] table") }
        let process = try readProcess(&processTable, market: market)
        try processTable.finish()

        var entries: [BookEntry] = []
        for var table in try top.sections("book") {
            entries.append(try readBookEntry(&table, market: market))
            try table.finish()
        }
        if entries.isEmpty { throw top.error("book", "required: at least one [[book]] table") }

        var impliedTable = try top.section("implied") ?? ScenarioTable(TOMLTable(), path: "implied", source: source)
        let implied = try readImplied(&impliedTable, book: entries)
        try impliedTable.finish()

        var eventList: [ScheduledEvent] = []
        for var table in try top.sections("events") {
            eventList.append(try readEvent(&table, market: market))
            try table.finish()
        }
        let events = EventSchedule(eventList)

        var hedging = HedgingTerms()
        if var table = try top.section("hedging") {
            hedging = try readHedging(&table)
            try table.finish()
        }
        var execution = ExecutionTerms.standard
        if var table = try top.section("execution") {
            let read = try readExecution(&table)
            if let bps = read.halfSpreadBps {
                if hedging.costBpsGiven && bps != hedging.costs.halfSpreadBps {
                    throw table.error("half_spread_bps", "is [hedging] cost_bps by another name; they disagree (\(decimal(bps)) and \(decimal(hedging.costs.halfSpreadBps)))")
                }
                hedging.costs.halfSpreadBps = bps
            }
            execution = read.terms
            try table.finish()
        }
        var limits = RiskLimits.none
        if var table = try top.section("limits") {
            limits = try readLimits(&table)
            try table.finish()
        }
        var training = (riskAversion: Scenario.defaultRiskAversion, coachInClass: false)
        if var table = try top.section("training") {
            training = try readTraining(&table)
            try table.finish()
        }
        var session = SessionTerms()
        if var table = try top.section("session") {
            session = try readSession(&table)
            try table.finish()
        }
        try top.finish()

        var config = SessionConfig(
            spot: market.spot, rate: market.rate, dividendYield: market.dividend, process: process,
            timeStep: market.timeStep, steps: market.steps,
            book: positions(entries, spot: market.spot,
                            model: ImpliedVolModel(atmVol: implied.atmVol, skew: implied.skew, sticky: implied.sticky,
                                                   term: implied.term),
                            carry: market.rate - market.dividend, events: events),
            costs: hedging.costs, lotSize: hedging.lot, hedgeRule: hedging.policy, autoHedge: hedging.auto,
            hedgeVolatility: hedging.hedgeVol, hedgeDelta: hedging.hedgeDelta, volatilityWindow: session.volWindow, ewmaHalfLife: session.ewmaHalfLife,
            execution: execution)
        config.dayCountChoice = market.dayCountChoice
        config.equityCalendar = market.equityCalendar
        do {
            try config.validate()
        } catch {
            throw ScenarioFileError(file: file, line: 1, key: nil, problem: "the session cannot run: \(error)")
        }
        var scenario = Scenario(
            name: name, description: description, learningGoal: goal, config: config,
            stepsPerSecond: session.speed, atmImpliedVol: implied.atmVol, impliedVolDynamics: implied.dynamics,
            skew: implied.skew, sticky: implied.sticky, spotVolBeta: implied.spotVolBeta,
            realizedLink: implied.realizedLink, term: implied.term, events: events,
            benchmarkRule: hedging.benchmark, riskLimits: limits, riskAversion: training.riskAversion)
        scenario.coachInClass = training.coachInClass
        return scenario
    }

    /// `scenarios/calm-day.toml` → `calm-day`.
    static func defaultName(file: String) -> String {
        let last = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = last.lastIndex(of: "."), dot != last.startIndex else { return last }
        return String(last[..<dot])
    }
}
