import Foundation

/// Many independent sessions of one configuration, for the distribution of the hedged P&L.
///
/// Path `i` is `Session(config:seed:stream: i)` with no manual action, ticked until it
/// finishes; its P&L is the session's P&L at the end (options settled, stock closed out,
/// financing included). Stream 0 is the plain seed, so path 0 is exactly the session a live
/// screen started with the same configuration and seed plays when no key is pressed (the
/// `simulate` command turns the auto-hedge on). Paths run at `SessionDetail.pnlOnly`, which
/// changes what a session records, not its numbers.
///
/// Paths are cut into blocks of `blockSize` consecutive paths, a partition fixed by the path
/// count alone. Worker threads take blocks in turn; each block's moments are summed in path
/// order, and blocks are merged in block order on the calling thread, so the statistics are
/// the same to the last bit for any thread count. Quantiles come from a `QuantileSketch`,
/// whose merge is exact. No clock is read: the caller times the run.
public struct MonteCarlo: Sendable {
    /// The configuration every path runs (at `pnlOnly` detail).
    public let config: SessionConfig
    public let seed: UInt64
    public let paths: Int
    public let blockSize: Int
    /// Path 0 at time 0: every path is a copy of it on its own random stream.
    private let firstPath: Session
    /// The plain steps' loop for these paths, when their steps are plain (see `PathKernel`).
    private let kernel: PathKernel?

    /// Paths per block: about 10 ms of work at 252 steps, small enough to balance two threads
    /// to within a block, large enough that handing blocks out costs nothing measurable.
    public static let defaultBlockSize = 1024

    public init(config: SessionConfig, seed: UInt64, paths: Int, blockSize: Int = MonteCarlo.defaultBlockSize) {
        precondition(paths >= 1, "a Monte Carlo needs at least one path")
        precondition(blockSize >= 1, "blocks need at least one path")
        var config = config
        config.detail = .pnlOnly
        self.config = config
        self.seed = seed
        self.paths = paths
        self.blockSize = blockSize
        firstPath = Session(config: config, seed: seed, stream: 0)
        kernel = PathKernel(firstPath)
    }

    /// Number of blocks the paths are cut into.
    public var blockCount: Int { (paths + blockSize - 1) / blockSize }

    /// Path steps in the whole run: the unit of throughput.
    public var pathSteps: Int { paths * config.steps }

    /// The session of path `path`, at time 0 (hedged at time 0 if the config auto-hedges).
    public func session(forPath path: Int) -> Session {
        firstPath.onStream(UInt64(path))
    }

    /// Runs path `path` to the end.
    public func runPath(_ path: Int) -> PathOutcome {
        var session = session(forPath: path)
        kernel?.run(&session)
        session.runToEnd()
        return PathOutcome(path: path, pnl: session.pnl, trades: session.tradeCount,
                           costs: -session.attribution.costs, finalSpot: session.spot, execution: session.executionCosts)
    }

    /// Runs every path on `threads` worker threads and returns the statistics.
    ///
    /// - Parameters:
    ///   - blocks: the blocks to run (all by default): a shard of the run runs a part of them,
    ///     and its statistics are those blocks merged in block order.
    ///   - threads: worker threads (≥ 1); more than the blocks to run are not started.
    ///   - recordOutcomes: whether each block hands `onBlock` its paths' outcomes (for a CSV);
    ///     without it memory does not grow with the path count.
    ///   - onBlock: called on the calling thread once per block, in block order, after the
    ///     block is merged: for progress and for streaming outcomes. At most `4 × threads`
    ///     finished blocks wait for it, so a slow consumer holds back the workers, not memory.
    public func run(blocks: Range<Int>? = nil, threads: Int, recordOutcomes: Bool = false,
                    onBlock: (MonteCarloBlock) -> Void = { _ in }) -> MonteCarloStatistics {
        precondition(threads >= 1, "a Monte Carlo needs at least one thread")
        let blocks = blocks ?? 0..<blockCount
        precondition(blocks.lowerBound >= 0 && blocks.upperBound <= blockCount, "blocks outside the run")
        let workers = min(threads, blocks.count)
        let exchange = BlockExchange(blocks: blocks, window: 4 * workers, workers: workers)
        for worker in 0..<workers {
            let thread = Thread { [self] in
                var sketch = QuantileSketch()
                while let block = exchange.claim() {
                    let result = runBlock(block, recordOutcomes: recordOutcomes, sketch: &sketch)
                    exchange.deliver(block, result)
                }
                exchange.finish(worker: worker, sketch: sketch)
            }
            thread.name = "montecarlo-\(worker)"
            thread.start()
        }

        var statistics = MonteCarloStatistics()
        var completed = 0
        for block in blocks {
            let result = exchange.take(block)
            statistics.merge(result.statistics)
            completed += result.statistics.pnl.count
            onBlock(MonteCarloBlock(index: block, paths: pathRange(ofBlock: block), moments: result.statistics.moments,
                                    outcomes: result.outcomes, completedPaths: completed))
        }
        for sketch in exchange.sketches() {
            statistics.pnlQuantiles.merge(sketch)
        }
        return statistics
    }

    /// The paths of block `block`.
    public func pathRange(ofBlock block: Int) -> Range<Int> {
        block * blockSize..<min((block + 1) * blockSize, paths)
    }

    /// The paths of the consecutive blocks `blocks`: a shard's paths.
    public func pathRange(ofBlocks blocks: Range<Int>) -> Range<Int> {
        min(blocks.lowerBound * blockSize, paths)..<min(blocks.upperBound * blockSize, paths)
    }

    private func runBlock(_ block: Int, recordOutcomes: Bool, sketch: inout QuantileSketch) -> BlockResult {
        var result = BlockResult()
        if recordOutcomes { result.outcomes.reserveCapacity(blockSize) }
        for path in pathRange(ofBlock: block) {
            let outcome = runPath(path)
            result.statistics.add(outcome)
            sketch.add(outcome.pnl)
            if recordOutcomes { result.outcomes.append(outcome) }
        }
        return result
    }
}

/// What one path ended with.
public struct PathOutcome: Sendable, Hashable {
    /// Path index, also its random stream.
    public var path: Int
    /// P&L at the end, currency, financing included.
    public var pnl: Double
    /// Trades of the underlying, the time-0 hedge and the close-out included.
    public var trades: Int
    /// Spread and fees paid, currency (≥ 0).
    public var costs: Double
    /// Spot at the end.
    public var finalSpot: Double
    /// The costs in parts, funding and fills.
    public var execution: ExecutionCosts

    public init(path: Int, pnl: Double, trades: Int, costs: Double, finalSpot: Double, execution: ExecutionCosts = ExecutionCosts()) {
        self.path = path
        self.pnl = pnl
        self.trades = trades
        self.costs = costs
        self.finalSpot = finalSpot
        self.execution = execution
    }
}

/// One merged block, as `MonteCarlo.run` reports it.
public struct MonteCarloBlock: Sendable {
    public var index: Int
    public var paths: Range<Int>
    /// The block's moments alone, as merged into the run's statistics.
    public var moments: BlockMoments
    /// The block's outcomes in path order; empty unless outcomes were asked for.
    public var outcomes: [PathOutcome]
    /// Paths merged so far, this block's included.
    public var completedPaths: Int
}

/// The statistics of a Monte Carlo run (or of part of one).
public struct MonteCarloStatistics: Sendable {
    /// P&L per path: moments and exact extremes.
    public var pnl = SampleMoments()
    /// P&L quantiles, within `QuantileSketch.defaultRelativeAccuracy`.
    public var pnlQuantiles = QuantileSketch()
    /// Trades per path.
    public var trades = SampleMoments()
    /// Costs paid per path, currency.
    public var costs = SampleMoments()
    /// Cost parts, funding and fills summed over paths.
    public var execution = ExecutionTotals()

    public init() {}

    public var paths: Int { pnl.count }

    /// Adds one path's moments (not its quantile: the runner keeps sketches per worker).
    mutating func add(_ outcome: PathOutcome) {
        pnl.add(outcome.pnl)
        trades.add(Double(outcome.trades))
        costs.add(outcome.costs)
        execution.add(outcome.execution)
    }

    /// Merges the moments and quantiles of a later part of the run.
    mutating func merge(_ later: MonteCarloStatistics) {
        merge(later.moments)
        pnlQuantiles.merge(later.pnlQuantiles)
    }

    /// The moments alone, without the quantile sketch.
    public var moments: BlockMoments { BlockMoments(pnl: pnl, trades: trades, costs: costs, execution: execution) }

    /// Merges the moments of a later block. Floating-point merging is not associative: merging
    /// every block in block order, from empty statistics, is what gives the run's bits.
    public mutating func merge(_ later: BlockMoments) {
        pnl.merge(later.pnl)
        trades.merge(later.trades)
        costs.merge(later.costs)
        execution.merge(later.execution)
    }
}

private struct BlockResult: Sendable {
    var statistics = MonteCarloStatistics()
    var outcomes: [PathOutcome] = []
}

/// Hands blocks to workers and finished blocks, in order, to the calling thread. A worker
/// may run ahead of the consumer by at most `window` blocks.
private final class BlockExchange: @unchecked Sendable {
    // Everything below is read and written only with `condition` locked.
    private let condition = NSCondition()
    private let end: Int
    private let window: Int
    private var nextClaim: Int
    private var nextTake: Int
    private var finished: [Int: BlockResult] = [:]
    private var workerSketches: [QuantileSketch?]

    init(blocks: Range<Int>, window: Int, workers: Int) {
        end = blocks.upperBound
        nextClaim = blocks.lowerBound
        nextTake = blocks.lowerBound
        self.window = window
        workerSketches = Array(repeating: nil, count: workers)
    }

    /// The next block to run, or nil when all are taken.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextClaim < end && nextClaim >= nextTake + window { condition.wait() }
        guard nextClaim < end else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    func deliver(_ block: Int, _ result: BlockResult) {
        condition.lock()
        finished[block] = result
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for block `block` and removes it.
    func take(_ block: Int) -> BlockResult {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = finished.removeValue(forKey: block) {
                nextTake = block + 1
                condition.broadcast()
                return result
            }
            condition.wait()
        }
    }

    func finish(worker: Int, sketch: QuantileSketch) {
        condition.lock()
        workerSketches[worker] = sketch
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for every worker to finish and returns their sketches in worker order.
    func sketches() -> [QuantileSketch] {
        condition.lock()
        defer { condition.unlock() }
        while true {
            let done = workerSketches.compactMap { $0 }
            if done.count == workerSketches.count { return done }
            condition.wait()
        }
    }
}
