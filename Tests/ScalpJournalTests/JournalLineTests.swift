import Foundation
import Testing
import ScalpEngine
import ScalpJournal

/// Every line type written and read back by the one owner of the format.
@Suite("Journal lines: written and read in one place")
struct JournalLineTests {
    /// Writes `line`, reads it back, writes it again: the same text, so nothing was lost.
    func roundTrip(_ line: JournalLine) throws -> JournalLine {
        let text = line.text
        #expect(!text.contains("\n"))
        let read = try #require(try JournalLine.decode(Data(text.utf8)))
        #expect(read.text == text)
        return read
    }

    @Test func startCarriesTheWholeScenarioAndTheWallClock() throws {
        let scenario = try #require(Scenario.named("short-gamma"))
        let config = TrainingSession.traineeConfig(for: scenario, autoHedge: true)
        let startedAt = Date(timeIntervalSince1970: 1_795_000_000)
        let big = UInt64(1) << 60 + 3  // above 2^53: written as a string, read back exactly
        guard case .start(let start) = try roundTrip(.start(JournalStart(scenario: scenario, seed: big, config: config,
                                                                        startedAt: startedAt))) else {
            Issue.record("not a start line")
            return
        }
        #expect(start.seed == big && start.scenario == scenario && start.config == config)
        #expect(start.startedAt == startedAt && start.version == ProgramVersion.current && start.format == JournalLine.format)
        #expect(JournalLine.start(start).text.contains("\"started_at\":\"2026-11-18T"))
    }

    @Test func tickTradeActionControlLimitAndOrders() throws {
        var session = Session(config: Scenario.classicScalp.config, seed: 3)
        for _ in 0..<20 { session.apply(.tick) }
        session.apply(.buyLot)
        guard case .tick(let tick) = try roundTrip(.tick(TickSample(session))) else { return #expect(Bool(false)) }
        #expect(tick == TickSample(session))

        let trade = Trade(time: 0.01, step: 20, quantity: -150, price: 101.1810806813314, cost: 0.1234, reason: .closeOut)
        guard case .trade(let read) = try roundTrip(.trade(trade)) else { return #expect(Bool(false)) }
        #expect(read == trade)
        #expect(!JournalLine.trade(trade).text.contains("sent_step"))
        // An order sent before the step it filled in: when, and the mid then, read back to the bit.
        let sent = Trade(time: 0.01, step: 20, quantity: 150, price: 101.1810806813314, cost: 0.1234, reason: .auto,
                         midWhenSent: 100.98765432109876, sentStep: 17)
        guard case .trade(let readSent) = try roundTrip(.trade(sent)) else { return #expect(Bool(false)) }
        #expect(readSent == sent)
        #expect(JournalLine.trade(sent).text.contains(#""sent_step":17,"mid":100.98765432109876"#))

        let actions: [SessionAction] = [
            .trade(shares: 12.5), .buyLot, .sellLot, .hedgeNow, .setAutoHedge(true), .toggleAutoHedge,
            .setHedgeRule(try HedgeRule.parse("band:300:edge")), .setLotSize(25), .finish,
            .tradeOption(OptionOrder(kind: .put, strike: 97.5, expiry: 0.04, quantity: -2, multiplier: 100)),
            .placeLimit(shares: -3.5, price: 101.25), .cancelOrders, .setHedgeRule(try HedgeRule.parse("ladder:0.01:200")),
        ]
        for action in actions {
            guard case .action(let recorded, let time) = try roundTrip(.action(RecordedAction(step: 7, action: action), time: 0.5))
            else { return #expect(Bool(false)) }
            #expect(recorded == RecordedAction(step: 7, action: action) && time == 0.5)
        }

        for event in [ControlEvent.pause, .resume, .speed(640)] {
            guard case .control(let step, let time, let read) = try roundTrip(.control(step: 3, time: 0.2, event: event))
            else { return #expect(Bool(false)) }
            #expect(step == 3 && time == 0.2 && read == event)
        }

        let limit = LimitEvent(step: 43, time: 0.0123, limit: .netDelta, change: .breach, value: -1523.4, maximum: 1500)
        guard case .limit(let readLimit) = try roundTrip(.limit(limit)) else { return #expect(Bool(false)) }
        #expect(readLimit == limit)

        for kind in OrderEvent.Kind.allCases {
            let order = LimitOrder(id: 7, shares: -0.125, price: 101.35, placedStep: 40, isLadder: kind == .fill,
                                   midWhenPlaced: 101.2437)
            let event = OrderEvent(kind: kind, step: 43, time: 0.0123, order: order)
            guard case .order(let read) = try roundTrip(.order(event)) else { return #expect(Bool(false)) }
            #expect(read == event)
            #expect(JournalLine.order(event).text.hasPrefix(#"{"type":"\#(kind.rawValue)""#))
        }
    }

    @Test func endCarriesTheSummaryAndTheScore() throws {
        var training = TrainingSession(scenario: .classicScalp, seed: 9, autoHedge: true)
        for _ in 0..<300 { training.apply(.tick) }
        training.apply(.buyLot)
        training.apply(.finish)
        let summary = SessionSummary(training)
        guard case .end(let end) = try roundTrip(.end(JournalEnd(reason: .quit, summary: summary))) else {
            return #expect(Bool(false))
        }
        #expect(end.reason == .quit && end.summary == summary)
        #expect(summary.closeOutTrades == 1 && summary.manualTrades == 1)
        #expect(summary.autoTrades == summary.trades - 2 && summary.autoTrades == training.trainee.autoTradeCount)
    }

    /// The end line's attribution is written from the engine's bucket list and read beside it:
    /// an end line from before vanna, volga, speed and funding existed reads with them at 0,
    /// and one without a bucket every journal has is refused, naming it.
    @Test func endAttributionReadsOldJournalsAndNamesAMissingBucket() throws {
        var training = TrainingSession(scenario: .classicScalp, seed: 3, autoHedge: true)
        for _ in 0..<50 { training.apply(.tick) }
        let text = JournalLine.end(JournalEnd(reason: .quit, summary: SessionSummary(training))).text
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let old: [String: Any] = ["delta": 1, "gamma": 2, "theta": -3, "vega": 4, "costs": -0.5, "financing": 0.25,
                                  "residual": 0.125]
        object["attribution"] = old
        guard case .end(let end)? = try JournalLine.decode(try JSONSerialization.data(withJSONObject: object)) else {
            return #expect(Bool(false))
        }
        #expect(end.summary.attribution == PnLAttribution(delta: 1, gamma: 2, theta: -3, vega: 4, costs: -0.5,
                                                          financing: 0.25, residual: 0.125))
        object["attribution"] = old.filter { $0.key != "delta" }
        #expect(throws: JournalLineError.self) { try JournalLine.decode(try JSONSerialization.data(withJSONObject: object)) }
        do {
            _ = try JournalLine.decode(try JSONSerialization.data(withJSONObject: object))
        } catch {
            #expect("\(error)".contains("delta"), "\(error)")
        }
    }

    @Test func unknownTypesAreSkippedAndBadLinesNamed() throws {
        #expect(try JournalLine.decode(Data(#"{"type":"quote","t":0}"#.utf8)) == nil)
        #expect(throws: JournalLineError.self) { try JournalLine.decode(Data("{".utf8)) }
        do {
            _ = try JournalLine.decode(Data(#"{"type":"limit","t":0,"step":1,"limit":"vega","event":"breach","value":1,"max":1}"#.utf8))
            Issue.record("an unknown limit was read")
        } catch {
            #expect(error.message == "limit line: unknown limit 'vega' (net_delta, loss)")
        }
        do {
            _ = try JournalLine.decode(Data(#"{"type":"trade","t":0,"step":-1,"qty":1,"price":1,"cost":0,"reason":"auto"}"#.utf8))
            Issue.record("a negative step was read")
        } catch {
            #expect(error.message == "'step' must be ≥ 0, got -1")
        }
    }
}
