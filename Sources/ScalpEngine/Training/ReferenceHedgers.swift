/// The reference family running beside a trainee, in lock step: one `Session` per rule of a
/// `HedgeRuleFamily`, each auto-hedging on the trainee's price path (same scenario, seed and
/// stream) and taking the trainee's option trades, so that only the hedging differs.
///
/// The grader also tallies each book's hedging error and limit use (`HedgingRecord`). The
/// reference books run at `pnlOnly` detail: the per-step hedging error of book j is
/// e_j = O + s_j·ΔS + c_j, where s_j is the stock it held over the step, c_j its costs in the
/// step and O the options' own part (their P&L beyond the gamma, theta and vega the ideal
/// book earns), which all books share. O is read off the trainee, whose session runs at full
/// detail: O = e_trainee − s_trainee·ΔS − c_trainee. A reference step is then a `pnlOnly` tick
/// and a few multiplications, whatever the book; the family of ~30 costs about as much per
/// step as one full-detail session.
public struct ReferenceHedgers: Sendable {
    public let family: HedgeRuleFamily
    /// The reference books, in the family's order.
    public private(set) var books: [Session]
    /// Each reference book's tally, in the family's order.
    public private(set) var records: [HedgingRecord]
    /// The trainee's tally.
    public private(set) var trainee = HedgingRecord()
    /// Σ over steps of the ideal book's financing (its cash and its −Δ shares of stock), currency.
    public private(set) var idealFinancing = 0.0
    private let limits: RiskLimits
    private var stockBeforeStep: [Double]

    /// The family for a trainee playing `scenario` with `seed` (random stream 0).
    public init(scenario: Scenario, seed: UInt64, family: HedgeRuleFamily) {
        self.family = family
        limits = scenario.riskLimits
        // Copies of one opening session share its delta schedule (built once, not per rule);
        // each then hedges at time 0 as a session opened with its rule would.
        var opening = scenario.config
        opening.detail = .pnlOnly
        opening.autoHedge = false
        let base = Session(config: opening, seed: seed)
        books = family.rules.map { rule in
            var book = base
            book.apply(.setHedgeRule(rule))
            book.apply(.setAutoHedge(true))
            if rule != .none { book.apply(.hedgeNow) }
            // A session opened with a ladder lays it at time 0, so its orders work from the first step.
            if case .ladder(let ladder) = rule { book.layLadder(ladder) }
            return book
        }
        let record = HedgingRecord(steps: opening.steps)
        records = Array(repeating: record, count: family.rules.count)
        trainee = record
        // Step 0, as each book stands after its opening hedge.
        trainee.sample(step: 0, time: 0, spot: base.spot, netDelta: base.netDelta, costs: 0)
        for index in books.indices {
            records[index].sample(step: 0, time: 0, spot: base.spot, netDelta: books[index].netDelta, costs: -books[index].attribution.costs)
        }
        stockBeforeStep = Array(repeating: 0, count: family.rules.count)
    }

    /// Applies `action` to the trainee and keeps the family in step: ticks tick every book,
    /// option trades are copied, `finish` finishes them; the trainee's own hedging is not copied.
    /// The trainee must run at full detail.
    public mutating func apply(_ action: SessionAction, to trainee: inout Session) {
        precondition(trainee.config.detail == .full, "the grader reads the trainee's step attribution")
        guard !trainee.isFinished else { return }
        switch action {
        case .tick:
            tick(&trainee)
        default:
            trainee.apply(action)
            if action.changesBook {
                for index in books.indices { books[index].apply(action) }
            }
            if trainee.isFinished {
                for index in books.indices { books[index].apply(.finish) }
            }
            let optionValue = trainee.markedGreeks.price
            self.trainee.addMark(pnl: PnLIdentity.pnl(cash: trainee.cash, stockShares: trainee.stockShares, spot: trainee.spot,
                                                      optionValue: optionValue), limits: limits)
            if action.changesBook {
                for index in books.indices {
                    records[index].addMark(pnl: pnl(of: index, spot: trainee.spot, optionValue: optionValue), limits: limits)
                }
            }
        }
    }

    private mutating func tick(_ trainee: inout Session) {
        let spotBefore = trainee.spot
        let traineeStock = trainee.stockShares
        let greeksBefore = trainee.markedGreeks
        let config = trainee.config
        // The step's moments under the true model, from the state before the draw.
        let moments = trainee.process.stepMoments(spot: spotBefore, dt: trainee.clock.stepLength)
        for index in books.indices { stockBeforeStep[index] = books[index].stockShares }
        trainee.apply(.tick)
        for index in books.indices { books[index].apply(.tick) }

        let spot = trainee.spot
        let move = spot - spotBefore
        // The ideal book holds −Δ shares and the rest in cash: −V + ΔS earns the rate, the
        // short stock pays the dividend.
        idealFinancing += (config.rate * (greeksBefore.delta * spotBefore - greeksBefore.price)
                           - config.dividendYield * greeksBefore.delta * spotBefore) * config.timeStep
        let step = trainee.lastStep
        // The step's hedging error as `Session.hedgingError` counts it, less the stock's part.
        let optionsOwn = step.hedgingError - (traineeStock * move + step.costs)
        let optionDelta = trainee.markedGreeks.delta
        let optionValue = trainee.markedGreeks.price
        self.trainee.addDecision(netDelta: greeksBefore.delta + traineeStock, move: move, moments: moments)
        for index in books.indices {
            records[index].addDecision(netDelta: greeksBefore.delta + stockBeforeStep[index], move: move, moments: moments)
        }
        self.trainee.sample(step: trainee.step, time: trainee.time, spot: spot, netDelta: optionDelta + trainee.stockShares,
                            costs: -trainee.attribution.costs)
        for index in books.indices {
            records[index].sample(step: trainee.step, time: trainee.time, spot: spot, netDelta: optionDelta + books[index].stockShares,
                                  costs: -books[index].attribution.costs)
        }
        self.trainee.addStep(error: optionsOwn + traineeStock * move + step.costs,
                             netDelta: optionDelta + trainee.stockShares,
                             pnl: PnLIdentity.pnl(cash: trainee.cash, stockShares: trainee.stockShares, spot: spot,
                                                  optionValue: optionValue), limits: limits)
        for index in books.indices {
            records[index].addStep(error: optionsOwn + stockBeforeStep[index] * move + books[index].lastStep.costs,
                                   netDelta: optionDelta + books[index].stockShares,
                                   pnl: pnl(of: index, spot: spot, optionValue: optionValue), limits: limits)
        }
    }

    /// Book `index`'s P&L with the options worth `optionValue` (the trainee's, the same book).
    private func pnl(of index: Int, spot: Double, optionValue: Double) -> Double {
        PnLIdentity.pnl(cash: books[index].cash, stockShares: books[index].stockShares, spot: spot, optionValue: optionValue)
    }

    /// Each reference book's result on the path so far, in the family's order.
    public func bookResults(riskAversion: Double, optionValue: Double) -> [BookResult] {
        books.indices.map { index in
            let book = books[index]
            return BookResult(rule: family.rules[index].description,
                              pnl: pnl(of: index, spot: book.spot, optionValue: optionValue),
                              costs: -book.attribution.costs, trades: book.tradeCount,
                              record: records[index], riskAversion: riskAversion)
        }
    }
}
