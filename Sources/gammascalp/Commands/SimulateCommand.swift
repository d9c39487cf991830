import ArgumentParser
import Foundation
import ScalpEngine

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Monte Carlo of a hedging rule: the distribution of the hedged P&L over many paths.",
        discussion: """
        Each path is one session of the engine the live screen runs, auto-hedging with no \
        key pressed. M equal steps over [0, T]; the option is bought (sold, for a negative \
        --position) at t=0 at its Black-Scholes value at the implied vol and, unless \
        --hedge none, hedged at t=0; each step the price moves, then the hedge rule \
        decides; at expiry the option settles at intrinsic value and the stock is closed \
        out at S_T, paying costs like any trade. Cash accrues at --rate. P&L is in \
        currency at expiry, financing included. Path i draws from stream i of --seed, and \
        stream 0 is the seed itself: --paths 1 replays the market a live session with the \
        same seed sees.

        Results do not depend on --threads: a seed gives the same statistics to the last \
        digit on any thread count. Mean, stdev, stderr, skew, excess kurtosis, min and max \
        are exact; the quantiles p01 to p99 come from a log-bucket sketch and are within \
        0.1% (relative) of the sample quantiles. Memory does not grow with --paths; --csv \
        streams its rows.

        premium is the option's value per unit at t=0 at the implied vol (call + put for a \
        straddle). With --scenario, the scenario's session (market, book, costs, hedge \
        rule, lot size) is the base and flags override it: --strike, --expiry and \
        --implied-vol change every position of its book; --kind or --position replace the \
        book with one option, its other terms taken from the first position. With the \
        scenario's own book the P&L is the whole book's and premium is the book's value \
        at t=0. The scenario's implied-vol dynamics, skew and scheduled events run in every \
        path as they do on the live screen.

        With --prices FILE.csv the market is a recorded price history instead (every path \
        is the same history): see --prices.

        --shard K/N --state FILE runs one of N parts of the paths and writes its result; \
        `gammascalp merge` combines the N files into exactly this command's statistics.

        Examples:
          gammascalp simulate --paths 100000 --realized-vol 0.25 --json
          gammascalp simulate --paths 20000 --hedge ww:1 --cost-bps 5 --csv paths.csv
          gammascalp simulate --paths 2000 --scenario classic-scalp --hedge every:12
          gammascalp simulate --paths 1 --prices spx-2024.csv --kind straddle
        """
    )

    @Option(parsing: .unconditional, help: "Number of paths (≥ 1).")
    var paths: Int

    @Option(parsing: .unconditional, help: "Equal time steps over [0, expiry] (≥ 1; default 252, or the scenario's).")
    var steps: Int?

    @Option(parsing: .unconditional, help: "Random seed, 0 to 2^63−1; path i uses stream i of it.")
    var seed = 1

    @Option(parsing: .unconditional, help: "Worker threads (≥ 1); the results do not depend on it.")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Start from a scenario: a built-in name (\(Scenario.builtIn.map(\.name).joined(separator: ", ")))"
                                   + " or a scenario file.", valueName: "name|file"))
    var scenario: String?

    @Option(help: ArgumentHelp("""
        Replay a real price history instead of simulating: a CSV with a header row, a date or \
        timestamp column, a close column and optionally an implied-vol column (fraction or percent). \
        The option is struck at the first close (unless --strike) and expires on the last row; \
        every path is the same history.
        """, valueName: "file.csv"))
    var prices: String?

    @Flag(help: "Print one JSON object instead of the summary.")
    var json = false

    @Option(help: ArgumentHelp("Also write one CSV row per path to FILE: path,pnl,trades,costs,final_spot.", valueName: "file"))
    var csv: String?

    @OptionGroup(title: "Market") var market: SimulatedMarket
    @OptionGroup(title: "Option") var option: SimulatedOption
    @OptionGroup(title: "Hedging and costs") var hedging: SimulatedHedging
    @OptionGroup(title: "Execution") var execution: SimulatedExecution
    @OptionGroup(title: "Sharding") var sharding: ShardOptions

    mutating func validate() throws {
        guard paths >= 1 else { throw ValidationError("--paths must be at least 1, got \(paths)") }
        if let steps, steps < 1 { throw ValidationError("--steps must be at least 1, got \(steps)") }
        guard seed >= 0 else { throw ValidationError("--seed must be ≥ 0, got \(seed)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
        guard threads <= 1_024 else { throw ValidationError("--threads must be at most 1024, got \(threads)") }
        if let csv, csv.isEmpty { throw ValidationError("--csv needs a file name") }
        _ = try makeSetup()
    }

    func run() throws {
        let setup = try makeSetup()
        let simulation = MonteCarlo(config: setup.config, seed: UInt64(seed), paths: paths)
        var csvFile = try csv.map { try PathCSV(path: $0) }
        let shard = try sharding.shardToRun()
        let shardPaths = shard.map { simulation.pathRange(ofBlocks: $0.blocks(ofRun: simulation.blockCount)).count } ?? paths
        var progress = ProgressBar(total: shardPaths, label: "simulate")
        let stopwatch = Stopwatch()
        let onBlock = { (block: MonteCarloBlock) in
            csvFile?.write(block.outcomes)
            progress.update(block.completedPaths)
        }
        let kept = shard.map { MonteCarloShardResult(running: simulation, shard: $0, threads: threads,
                                                     recordOutcomes: csvFile != nil, onBlock: onBlock) }
        let statistics = kept?.statistics ?? simulation.run(threads: threads, recordOutcomes: csvFile != nil, onBlock: onBlock)
        let elapsed = stopwatch.elapsedSeconds
        progress.clear()
        try csvFile?.close()
        if let kept, let statePath = sharding.state {
            try ShardStateFile(command: "simulate", threads: threads, elapsedSeconds: elapsed,
                               contents: SimulationShardContents(setup: setup, run: kept)).write(to: statePath)
            if sharding.shard != nil {
                let note = ShardRunNote(result: kept, statePath: statePath, threads: threads, elapsedSeconds: elapsed)
                print(json ? note.json.rendered : note.text)
                return
            }
        }
        let report = SimulationReport(setup: setup, simulation: simulation, statistics: statistics,
                                      threads: threads, elapsedSeconds: elapsed)
        print(json ? report.json.rendered : report.text)
    }

    /// The session every path runs and the premium to report, from the scenario (or the
    /// defaults) with the flags laid over it.
    func makeSetup() throws -> SimulationSetup {
        if let prices { return try historySetup(prices) }
        let base = try scenario.map { try ScenarioLookup.resolve($0) }
        var config = base.map { SimulationSetup(scenario: $0).config } ?? SimulationSetup.defaultConfig
        let scenarioHorizon = config.timeStep * Double(config.steps)
        try market.apply(to: &config)
        let keepsBook = try option.apply(to: &config, fromScenario: base != nil)
        try hedging.apply(to: &config)
        try execution.apply(to: &config)
        if let steps { config.steps = steps }
        if base == nil || steps != nil || option.expiry != nil {
            // M equal steps over [0, T]; a scenario whose horizon and steps are left alone keeps its step exactly.
            let horizon = option.expiry ?? (base == nil ? SimulatedOption.defaultExpiry : scenarioHorizon)
            config.timeStep = horizon / Double(config.steps)
        }
        let premium = keepsBook
            ? config.book.greeks(spot: config.spot, time: 0, rate: config.rate, dividendYield: config.dividendYield).price
            : option.unitPremium(config: config)
        let setup = SimulationSetup(config: config, scenarioName: base?.name, premium: premium, premiumIsPerUnit: !keepsBook)
        do {
            try setup.check(paths: paths)
        } catch {
            throw ValidationError(error.description)
        }
        return setup
    }
}

extension SimulateCommand {
    /// The session for `--prices`: the file's closes (and implied vols) with the option,
    /// hedging and cost flags; flags that shape a simulated market are refused.
    func historySetup(_ path: String) throws -> SimulationSetup {
        let conflicting: [(String, Bool)] = [
            ("--scenario", scenario != nil), ("--steps", steps != nil), ("--expiry", option.expiry != nil),
            ("--spot", market.spot != nil), ("--drift", market.drift != nil), ("--realized-vol", market.realizedVol != nil),
        ]
        if let flag = conflicting.first(where: \.1)?.0 {
            throw ValidationError("--prices: \(flag) cannot be used with a price history (the file sets it)")
        }
        let history = try PriceHistoryReader.load(path)
        try option.check()
        if let rate = market.rate { try FlagCheck.within(InputLimits.rate, rate, "--rate", "a fraction per year") }
        if let dividend = market.dividend { try FlagCheck.within(InputLimits.rate, dividend, "--dividend", "a fraction per year") }
        let units = option.position ?? 1
        var config = history.hedgingStudy(
            name: path, structure: option.kind ?? .call, strike: option.strike, units: units,
            impliedVol: option.impliedVol ?? 0.20, rate: market.rate ?? 0.05, dividendYield: market.dividend ?? 0).config
        config.detail = .pnlOnly
        try hedging.apply(to: &config)
        try execution.apply(to: &config)
        do {
            try config.validate()
        } catch {
            throw ValidationError("the replayed session cannot run: \(error)")
        }
        return SimulationSetup(config: config, scenarioName: path, premium: option.unitPremium(config: config),
                               premiumIsPerUnit: true)
    }
}

// MARK: - Flag groups

/// Market overrides.
struct SimulatedMarket: ParsableArguments {
    @Option(parsing: .unconditional, help: "Spot at t=0, currency (> 0; default 100).")
    var spot: Double?

    @Option(parsing: .unconditional, help: "Expected total return μ of the stock per year, fraction (default 0.05).")
    var drift: Double?

    @Option(name: .customLong("realized-vol"), parsing: .unconditional,
            help: "Volatility the price actually moves with, annualised fraction (≥ 0; default 0.20).")
    var realizedVol: Double?

    @Option(parsing: .unconditional, help: "Riskless rate, continuous per year, fraction; cash accrues at it (default 0.05).")
    var rate: Double?

    @Option(parsing: .unconditional, help: "Continuous dividend yield per year, fraction (default 0).")
    var dividend: Double?

    func apply(to config: inout SessionConfig) throws {
        if let spot { try FlagCheck.within(InputLimits.price, spot, "--spot", "currency"); config.spot = spot }
        if let rate { try FlagCheck.within(InputLimits.rate, rate, "--rate", "a fraction per year"); config.rate = rate }
        if let drift { try FlagCheck.within(InputLimits.rate, drift, "--drift", "a fraction per year") }
        if let realizedVol { try FlagCheck.within(InputLimits.processVol, realizedVol, "--realized-vol", "a fraction per year") }
        if let dividend { try FlagCheck.within(InputLimits.rate, dividend, "--dividend", "a fraction per year") }
        guard case .geometricBrownian(var process) = config.process else {
            // Other processes carry their own vol parameters (and dividend yield): a scenario sets them.
            if drift != nil || realizedVol != nil || dividend != nil {
                throw ValidationError("--drift, --realized-vol and --dividend apply to a GBM market, "
                    + "and this scenario's market is \(config.process.name)")
            }
            return
        }
        if let dividend { config.dividendYield = dividend }
        process.drift = drift ?? process.drift
        process.volatility = realizedVol ?? process.volatility
        process.dividendYield = config.dividendYield
        config.process = .geometricBrownian(process)
    }
}

/// Option overrides.
struct SimulatedOption: ParsableArguments {
    static let defaultExpiry = 1.0

    @Option(help: "call, put or straddle (default call).")
    var kind: OptionStructure?

    @Option(parsing: .unconditional, help: "Strike, currency (> 0; default 100).")
    var strike: Double?

    @Option(parsing: .unconditional, help: "Expiry in years, also the simulated horizon T (> 0; default 1).")
    var expiry: Double?

    @Option(name: .customLong("implied-vol"), parsing: .unconditional,
            help: "Vol the option is bought at and (by default) hedged at, annualised fraction (≥ 0; default 0.20).")
    var impliedVol: Double?

    @Option(parsing: .unconditional,
            help: "Units of underlying per option; negative = short (default 1).")
    var position: Double?

    /// Lays the flags over the config's book. Returns true if the scenario's own book stays
    /// (so the premium to report is the whole book's value).
    /// Each given flag inside its `InputLimits` range.
    func check() throws {
        if let strike { try FlagCheck.within(InputLimits.price, strike, "--strike", "currency") }
        if let expiry { try FlagCheck.within(InputLimits.years, expiry, "--expiry", "years") }
        if let impliedVol { try FlagCheck.within(InputLimits.processVol, impliedVol, "--implied-vol", "a fraction per year") }
        if let position { try FlagCheck.within(InputLimits.contracts, position, "--position", "units") }
    }

    func apply(to config: inout SessionConfig, fromScenario: Bool) throws -> Bool {
        try check()
        if fromScenario && kind == nil && position == nil {
            for index in config.book.positions.indices {
                if let strike { config.book.positions[index].strike = strike }
                if let expiry { config.book.positions[index].expiry = expiry }
                if let impliedVol { config.book.positions[index].impliedVol = impliedVol }
            }
            return true
        }
        config.book = book(units: position ?? 1, template: fromScenario ? config.book.positions.first : nil)
        return false
    }

    /// A book of `units` of the option (each leg, for a straddle), its terms from the flags,
    /// else from `template`, else the defaults.
    func book(units: Double, template: OptionPosition?) -> OptionBook {
        let templateKind = template.flatMap { OptionStructure(rawValue: $0.kind.rawValue) }
        let kinds = (kind ?? templateKind ?? .call).legs
        return OptionBook(kinds.map { optionKind in
            OptionPosition(kind: optionKind, strike: strike ?? template?.strike ?? 100,
                           expiry: expiry ?? template?.expiry ?? Self.defaultExpiry, quantity: units,
                           impliedVol: impliedVol ?? template?.impliedVol ?? 0.20)
        })
    }
}

/// Hedging and cost overrides.
struct SimulatedHedging: ParsableArguments {
    @Option(help: ArgumentHelp("""
        Hedge rule: none, every:K (every K steps), band:X (when |net delta| > X shares), \
        move:P (when spot moved by fraction P), ww[:RISK_AVERSION] (Whalley-Wilmott band; default 1), \
        ladder:X[:SIZE] (resting limit orders X either side of the last fill, sized to neutral or SIZE shares). \
        Default every:1, or the scenario's rule.
        """, valueName: "rule"))
    var hedge: String?

    @Option(name: .customLong("hedge-vol"), help: ArgumentHelp("""
        Vol in the hedge delta: implied, ewma or rolling (the path's own realized-vol estimate), \
        or true (the process's vol, which no trader sees; a teaching device). Default implied.
        """, valueName: "vol"))
    var hedgeVol: HedgeVolatility?

    @Option(name: .customLong("hedge-delta"), help: ArgumentHelp("""
        Delta the hedge trades to: bs (Black-Scholes at the hedge vol) or smile (plus vega · ∂σ/∂S         under the scenario's sticky rule and spot-vol link). Default bs, or the scenario's.
        """, valueName: "delta"))
    var hedgeDelta: HedgeDelta?

    @Option(name: .customLong("cost-bps"), parsing: .unconditional,
            help: "Half-spread paid on each trade's notional, basis points (≥ 0; default 0).")
    var costBps: Double?

    @Option(parsing: .unconditional, help: "Fee per share traded, currency (≥ 0; default 0).")
    var fee: Double?

    @Option(name: .customLong("lot-size"), parsing: .unconditional,
            help: "Shares per lot the hedge rounds to; 0 = fractional shares (default 0, or the scenario's).")
    var lotSize: Double?

    func apply(to config: inout SessionConfig) throws {
        if let hedge {
            do {
                config.hedgeRule = try HedgeRule.parse(hedge)
            } catch {
                throw ValidationError("--hedge: \(error)")
            }
        }
        if let hedgeVol { config.hedgeVolatility = hedgeVol }
        if let hedgeDelta { config.hedgeDelta = hedgeDelta }
        if let costBps { try FlagCheck.nonNegative(costBps, "--cost-bps"); config.costs.halfSpreadBps = costBps }
        if let fee { try FlagCheck.nonNegative(fee, "--fee"); config.costs.feePerShare = fee }
        if let lotSize { try FlagCheck.within(InputLimits.lot, lotSize, "--lot-size", "units; 0 for fractional"); config.lotSize = lotSize }
    }
}

/// `--hedge-vol` values: the scenario-file names. The old `realized` is refused rather than
/// guessed at: it meant the true vol, which the name no longer suggests.
extension HedgeVolatility: ExpressibleByArgument {}

extension HedgeDelta: ExpressibleByArgument {}

extension SimulatedOption {
    /// Value at t=0 of one unit of the option (each leg of a straddle), at the implied vol.
    func unitPremium(config: SessionConfig) -> Double {
        let unit = OptionBook(config.book.positions.map { position in
            var position = position
            position.quantity = 1
            position.multiplier = 1
            return position
        })
        return unit.greeks(spot: config.spot, time: 0, rate: config.rate, dividendYield: config.dividendYield).price
    }
}
