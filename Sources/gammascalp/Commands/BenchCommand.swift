import ScalpFormat
import ArgumentParser
import Foundation
import ScalpJournal
import ScalpEngine

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure this machine: prices+Greeks, implied-vol solves and simulate path-steps per second.",
        discussion: """
        In the manner of `openssl speed`, each figure is counted over about --seconds of work:
          prices+Greeks  BlackScholes.greeks over a spread of calls and puts
          implied vol    ImpliedVolatility.solve on the premiums of those options
          simulate       path-steps per second of `simulate` with its defaults (a long
                         1-year ATM call, 252 steps, hedged every step), on one thread
                         and on --threads threads
          live session   steps per second of whole classic-scalp sessions at full detail
          graded session the same with the training score's reference hedgers beside it
        With --instructions, and valgrind on the PATH, it also counts instructions a
        path-step with callgrind on this binary (simulate --steps 252 --threads 1, 4,000
        minus 2,000 paths) for every:1, ww:1 at 5 bp and ladder:0.01: a figure that other
        work on the machine does not move (about a minute).
        Build with `swift build -c release` for meaningful figures.
        """
    )

    @Option(parsing: .unconditional, help: "Seconds of work per figure (> 0).")
    var seconds = 0.5

    @Option(parsing: .unconditional, help: "Threads for the all-threads simulate figure (≥ 1; default: all cores).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    @Flag(help: "Also count instructions a path-step with valgrind's callgrind (needs valgrind on the PATH).")
    var instructions = false

    mutating func validate() throws {
        try FlagCheck.positive(seconds, "--seconds")
        guard seconds <= 600 else { throw ValidationError("--seconds must be at most 600, got \(seconds)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
        guard threads <= 1_024 else { throw ValidationError("--threads must be at most 1024, got \(threads)") }
    }

    func run() throws {
        let inputs = BenchInputs()
        let greeks = Self.rate(seconds: seconds) { inputs.priceAll() }
        let solves = Self.rate(seconds: seconds) { inputs.solveAll() }
        let oneThread = Self.simulateRate(threads: 1, seconds: seconds)
        let allThreads = Self.simulateRate(threads: threads, seconds: seconds)
        let scaling = allThreads / oneThread
        let graded = Self.gradedSessionRate(seconds: seconds)
        let counts = try instructionCounts()
        if json {
            print(JSONText.object([
                ("cpus", .integer(ProcessInfo.processInfo.activeProcessorCount)), ("threads", .integer(threads)),
                ("price_greeks_per_s", .number(greeks)), ("implied_vol_per_s", .number(solves)),
                ("simulate_path_steps_per_s_1_thread", .number(oneThread)),
                ("simulate_path_steps_per_s_all_threads", .number(allThreads)),
                ("scaling", .number(scaling)),
                ("session_steps_per_s", .number(graded.plain)), ("graded_session_steps_per_s", .number(graded.graded)),
            ] + (instructions ? [("instructions_per_path_step", counts.map { counts in
                .object(counts.map { ($0.label, .number($0.count)) })
            } ?? .null)] : [])).rendered)
            return
        }
        print("gammascalp \(GammaScalp.version) bench, \(ProcessInfo.processInfo.activeProcessorCount) cpus")
        print(Table([
            ["prices+Greeks", Self.millions(greeks), "per second"],
            ["implied vol", Self.millions(solves), "solves per second"],
            ["simulate, 1 thread", Self.millions(oneThread), "path-steps per second"],
            ["simulate, \(threads) threads", Self.millions(allThreads),
             "path-steps per second (\(Table.fixed(scaling, 2))× one thread)"],
            ["live session", Self.millions(graded.plain), "steps per second (classic-scalp, full detail)"],
            ["graded session", Self.millions(graded.graded),
             "steps per second (the same with its \(graded.rules) reference hedgers)"],
        ], rightAligned: [1]).rendered)
        guard instructions else { return }
        guard let counts else {
            print("instructions a path-step: not counted, valgrind is not on the PATH")
            return
        }
        print(Table(counts.map { ["instructions, \($0.label)", Table.fixed($0.count, 1), "a path-step (callgrind)"] },
                    rightAligned: [1]).rendered)
    }

    /// Instructions a path-step of each standard rule, or nil when --instructions is off or
    /// valgrind is missing.
    func instructionCounts() throws -> [(label: String, count: Double)]? {
        guard instructions, let valgrind = InstructionCount.valgrind() else { return nil }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("gammascalp-bench-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let executable = try InstructionCount.strippedCopy(of: InstructionCount.ownExecutable(), in: folder)
        let counter = InstructionCount(valgrind: valgrind, executable: executable)
        return try InstructionCount.standardRules.map { rule in
            (rule.label, try counter.perPathStep(rule.arguments))
        }
    }

    static func millions(_ perSecond: Double) -> String { Table.fixed(perSecond / 1e6, 2) + " M" }

    /// Operations per second of `batch` (which returns how many it did), repeated for about `seconds`.
    static func rate(seconds: Double, _ batch: () -> Int) -> Double {
        _ = batch() // warm caches and lazily built tables
        let stopwatch = Stopwatch()
        var operations = 0
        repeat { operations += batch() } while stopwatch.elapsedSeconds < seconds
        return Double(operations) / stopwatch.elapsedSeconds
    }

    /// Path-steps per second of the default `simulate` run on `threads` threads: a pilot run
    /// sizes a main run of about `seconds`.
    /// Steps per second of classic-scalp's session at full detail (what the live screen
    /// ticks), alone and with the grounded score's reference family in lock step.
    static func gradedSessionRate(seconds: Double) -> (plain: Double, graded: Double, rules: Int) {
        let scenario = Scenario.builtIn[0]
        var config = scenario.config
        config.detail = .full
        config.autoHedge = true
        let family = HedgeRuleFamily.standard(for: scenario)
        var seed: UInt64 = 0
        // Whole sessions, so the family's set-up counts once per session as it does in play.
        let plain = rate(seconds: seconds / 2) {
            seed += 1
            var session = Session(config: config, seed: seed)
            while !session.isFinished { session.apply(.tick) }
            return session.step
        }
        let graded = rate(seconds: seconds / 2) {
            seed += 1
            var session = Session(config: config, seed: seed)
            var references = ReferenceHedgers(scenario: scenario, seed: seed, family: family)
            while !session.isFinished { references.apply(.tick, to: &session) }
            return session.step
        }
        return (plain, graded, family.rules.count)
    }

    static func simulateRate(threads: Int, seconds: Double) -> Double {
        func measure(paths: Int) -> (rate: Double, elapsed: Double) {
            let simulation = MonteCarlo(config: SimulationSetup.defaultConfig, seed: 1, paths: paths)
            let stopwatch = Stopwatch()
            let statistics = simulation.run(threads: threads)
            let elapsed = stopwatch.elapsedSeconds
            precondition(statistics.paths == paths)
            return (Double(simulation.pathSteps) / elapsed, elapsed)
        }
        let pilot = measure(paths: 256)
        let steps = Double(SimulationSetup.defaultConfig.steps)
        let paths = Int(pilot.rate * seconds / steps)
        return measure(paths: max(paths, MonteCarlo.defaultBlockSize * threads)).rate
    }
}

/// A fixed spread of contracts for the pricing figures: calls and puts over strikes from
/// 70% to 130% of spot, vols from 10% to 60%, expiries from a week to two years.
struct BenchInputs {
    struct Contract {
        var kind: OptionKind
        var strike: Double
        var volatility: Double
        var expiry: Double
        var premium: Double
    }

    static let spot = 100.0
    static let rate = 0.03
    static let dividend = 0.01
    let contracts: [Contract]
    /// The contracts whose premium has an implied vol (not lost to rounding deep out of the money).
    let solvable: [Contract]

    init() {
        var contracts: [Contract] = []
        for kind in [OptionKind.call, .put] {
            for strike in stride(from: 70.0, through: 130, by: 5) {
                for volatility in [0.1, 0.2, 0.35, 0.6] {
                    for expiry in [DayCount.calendarDays.years(days: 7), 0.25, 1, 2] {
                        let premium = BlackScholes.price(kind: kind, spot: Self.spot, strike: strike, volatility: volatility,
                                                         timeToExpiry: expiry, rate: Self.rate, dividendYield: Self.dividend)
                        contracts.append(Contract(kind: kind, strike: strike, volatility: volatility, expiry: expiry, premium: premium))
                    }
                }
            }
        }
        self.contracts = contracts
        solvable = contracts.filter { contract in
            (try? ImpliedVolatility.solve(kind: contract.kind, premium: contract.premium, spot: Self.spot,
                                          strike: contract.strike, timeToExpiry: contract.expiry,
                                          rate: Self.rate, dividendYield: Self.dividend)) != nil
        }
    }

    /// Prices every contract with all Greeks; returns how many.
    func priceAll() -> Int {
        var checksum = 0.0
        for contract in contracts {
            let greeks = BlackScholes.greeks(kind: contract.kind, spot: Self.spot, strike: contract.strike,
                                             volatility: contract.volatility, timeToExpiry: contract.expiry,
                                             rate: Self.rate, dividendYield: Self.dividend)
            checksum += greeks.price + greeks.delta + greeks.gamma + greeks.vega + greeks.theta + greeks.rho
        }
        precondition(checksum.isFinite)
        return contracts.count
    }

    /// Solves every solvable contract's implied vol from its price; returns how many.
    func solveAll() -> Int {
        var checksum = 0.0
        for contract in solvable {
            let result = try? ImpliedVolatility.solve(kind: contract.kind, premium: contract.premium, spot: Self.spot,
                                                      strike: contract.strike, timeToExpiry: contract.expiry,
                                                      rate: Self.rate, dividendYield: Self.dividend)
            checksum += result?.volatility ?? 0
        }
        precondition(checksum.isFinite)
        return solvable.count
    }
}
