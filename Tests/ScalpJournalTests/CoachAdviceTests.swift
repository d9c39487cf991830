import Foundation
import Testing
@testable import ScalpEngine
import ScalpFormat
@testable import ScalpJournal

/// The coach's advice: what a rule would do now with the trainee's book, checked against what
/// the engine itself does (the trade `h` makes, the band the risk panel shows, the ladder's
/// orders), and the sentence's numbers against those; its journal line written and read back.
@Suite("The coach")
struct CoachAdviceTests {
    static func scenario(_ name: String) -> Scenario { Scenario.builtIn.first { $0.name == name }! }

    /// The trainee's session of `name` (seed 5, no auto-hedge) after `steps` steps.
    static func session(_ name: String, steps: Int) -> Session {
        var session = Session(config: TrainingSession.traineeConfig(for: scenario(name), autoHedge: false), seed: 5)
        for _ in 0..<steps { session.apply(.tick) }
        return session
    }

    /// The trade `h` (hedge to neutral now) makes on a copy of `session`.
    static func hedgeNow(_ session: Session) throws -> Trade {
        var copy = session
        copy.apply(.hedgeNow)
        #expect(copy.tradeCount == session.tradeCount + 1)
        return try #require(copy.recentTrades.last)
    }

    static func delta(_ value: Double) -> String { Format.number(value.rounded(), 0, sign: true) }
    /// Shares as the coach writes them: whole from 10 up, else to two decimals.
    static func shares(_ value: Double) -> String { abs(value) >= 10 ? Format.number(value.rounded(), 0) : Format.shares(value) }

    @Test func aBandWiderThanTheDeltaWouldNotTradeAndNamesWhatAHedgeCosts() throws {
        let session = Self.session("expensive-hedging", steps: 37)
        let width = (abs(session.hedgeDelta) + 50).rounded()
        let advice = CoachAdvice(session: session, rule: try HedgeRule.parse("band:\(Int(width))"))
        let hedge = try Self.hedgeNow(session)
        #expect(!advice.trades && advice.target == nil && advice.shares == 0)
        #expect(advice.netDelta == session.hedgeDelta)
        #expect(advice.cost == hedge.cost && hedge.cost > 0)
        #expect(CoachText.sentence(advice) == "band:\(Int(width)) would not trade: your delta \(Self.delta(session.hedgeDelta)) "
                + "is inside its ±\(Int(width)); hedging now would cost \(Format.number(hedge.cost, 2))")
    }

    @Test func aBandNarrowerThanTheDeltaWouldTradeWhatHedgeNowTrades() throws {
        let session = Self.session("expensive-hedging", steps: 37)
        let width = (abs(session.hedgeDelta) / 2).rounded()
        #expect(width > 0)
        let advice = CoachAdvice(session: session, rule: try HedgeRule.parse("band:\(Int(width))"))
        let hedge = try Self.hedgeNow(session)
        #expect(advice.trades && advice.target == 0)
        #expect(advice.shares == hedge.quantity && advice.cost == hedge.cost)
        let side = hedge.quantity > 0 ? "buy" : "sell"
        #expect(CoachText.sentence(advice) == "band:\(Int(width)) would \(side) \(Format.number(abs(hedge.quantity), 0)): your delta "
                + "\(Self.delta(session.hedgeDelta)) is outside its ±\(Int(width)), to 0, for \(Format.number(hedge.cost, 2))")
    }

    @Test func everyNTradesOnItsStepsOnly() throws {
        let session = Self.session("expensive-hedging", steps: 37)
        let hedge = try Self.hedgeNow(session)
        let waiting = CoachAdvice(session: session, rule: try HedgeRule.parse("every:4"))
        #expect(!waiting.trades && waiting.reason == .schedule(interval: 4, next: 40))
        #expect(waiting.cost == hedge.cost)
        #expect(CoachText.sentence(waiting)
                == "every:4 would not trade: its next hedge is at step 40 (now 37); hedging now would cost \(Format.number(hedge.cost, 2))")
        let onStep = CoachAdvice(session: Self.session("expensive-hedging", steps: 36), rule: try HedgeRule.parse("every:4"))
        #expect(onStep.trades && onStep.reason == .schedule(interval: 4, next: 36))
        let everyStep = CoachAdvice(session: session, rule: try HedgeRule.parse("every:1"))
        #expect(everyStep.shares == hedge.quantity && everyStep.cost == hedge.cost)
        #expect(CoachText.sentence(everyStep).hasPrefix("every:1 would \(hedge.quantity > 0 ? "buy" : "sell") "
                                                        + "\(Format.number(abs(hedge.quantity), 0)): it hedges to 0 every step, for "))
    }

    /// The Whalley-Wilmott band is the one the risk panel shows for the rule.
    @Test func whalleyWilmottUsesTheBandTheSessionShows() throws {
        let session = Self.session("expensive-hedging", steps: 37)
        for (aversion, trades) in [(1e-9, false), (1e3, true)] {
            let rule = HedgeRule.whalleyWilmott(WhalleyWilmottHedge(riskAversion: aversion))
            var shown = session
            shown.apply(.setHedgeRule(rule))
            let band = try #require(shown.hedgeBandHalfWidth)
            let advice = CoachAdvice(session: session, rule: rule)
            guard case .band(let halfWidth, .bandEdge) = advice.reason else { Issue.record("not a band: \(advice.reason)"); continue }
            #expect(abs(halfWidth - band) <= 1e-9 * band)
            #expect(advice.trades == trades && trades == (abs(session.hedgeDelta) > band))
            if trades {
                let edge = session.hedgeDelta > 0 ? halfWidth : -halfWidth
                #expect(advice.target == edge)
                #expect(advice.shares == session.rebalancingShares(toNetDelta: edge, from: session.hedgeDelta))
                #expect(advice.cost == session.costOfMarketOrder(shares: advice.shares))
                #expect(CoachText.sentence(advice).contains("is outside its band ±\(Self.shares(halfWidth)) at this gamma"))
            } else {
                #expect(CoachText.sentence(advice).contains("is inside its band ±\(Self.shares(halfWidth)) at this gamma"))
            }
        }
    }

    /// The ladder never trades at the close; its advice is the orders it would rest, which are
    /// the ones the session lays for it.
    @Test func theLadderRestsTheOrdersTheSessionWouldLay() throws {
        let session = Self.session("size-and-impact", steps: 20)
        let ladder = LadderHedge(step: 0.005)
        let advice = CoachAdvice(session: session, rule: .ladder(ladder))
        #expect(!advice.trades && advice.target == nil)
        var laid = session
        laid.apply(.setHedgeRule(.ladder(ladder)))
        laid.layLadder(ladder)
        let orders = laid.desk.orders.filter(\.isLadder)
        guard case .ladder(let sell, let buy) = advice.reason else { Issue.record("not a ladder: \(advice.reason)"); return }
        #expect(orders.count == [sell, buy].compactMap { $0 }.count && !orders.isEmpty)
        for order in orders {
            let rested = try #require(order.shares < 0 ? sell : buy)
            #expect(rested.shares == order.shares && rested.price == order.price)
        }
        let sentence = CoachText.sentence(advice)
        #expect(sentence.hasPrefix("ladder:0.005 would not trade at the close: it rests "))
        // Each order's fees are what the session books when it fills there.
        for (side, rested) in [("sell", sell), ("buy", buy)] {
            guard let rested else { continue }
            #expect(rested.fees == session.limitFillFees(shares: rested.shares, price: rested.price) && rested.fees > 0)
            #expect(sentence.contains("a \(side) of \(Format.number(abs(rested.shares), 0)) at \(Format.number(rested.price, 2)) "
                                      + "(fees \(Format.number(rested.fees, 2)))"))
        }
        #expect(sentence.hasSuffix(", paying no spread"))
    }

    /// The coach asks the grade's best rule: the reference book with the highest utility so far.
    @Test func theCoachAsksTheBestRuleSoFar() {
        var training = TrainingSession(scenario: Self.scenario("expensive-hedging"), seed: 5)
        for _ in 0..<60 { training.apply(.tick) }
        let advice = CoachAdvice(training)
        let books = training.references.bookResults(riskAversion: training.scenario.riskAversion,
                                                    optionValue: training.trainee.markedGreeks.price)
        let best = books.max { $0.utility.value < $1.utility.value }!
        #expect(advice.rule.description == best.rule)
        #expect(advice == CoachAdvice(session: training.trainee, rule: advice.rule))
    }

    // MARK: - The journal

    @Test func theCoachLineIsWrittenAndReadBack() throws {
        let session = Self.session("expensive-hedging", steps: 37)
        let note = CoachNote(CoachAdvice(session: session, rule: try HedgeRule.parse("band:50")))
        let text = JournalLine.coach(note).text
        #expect(text.hasPrefix(#"{"type":"coach","t":"#) && text.contains(#""step":37,"rule":"band:50","net_delta":"#))
        guard case .coach(let read)? = try JournalLine.decode(Data(text.utf8)) else { Issue.record("not a coach line"); return }
        #expect(read == note)
        #expect(throws: JournalLineError.self) { try JournalLine.decode(Data(#"{"type":"coach","t":0,"step":1}"#.utf8)) }
    }

    /// A session with coach lines: the end line counts them, the summary says so, and the
    /// journal verifies, each coach line against the advice re-derived where it was asked; an
    /// edited one is caught. An end line without the count (older journals) reads as none.
    @Test func coachLinesAreCountedAndVerified() throws {
        var training = TrainingSession(scenario: Self.scenario("expensive-hedging"), seed: 5)
        var recorder = SessionRecorder(training, startedAt: nil)
        var lines: [JournalLine] = []
        for step in 1...40 {
            training.apply(.tick)
            recorder.recordStep(training)
            if step == 12 {
                training.apply(.hedgeNow)
                recorder.recordAction(.hedgeNow, training)
            }
            if step == 12 || step == 30 { recorder.recordCoach(CoachAdvice(training)) }
        }
        training.apply(.finish)
        recorder.recordAction(.finish, training)
        recorder.recordEnd(.quit, training)
        lines += recorder.takeLines()
        #expect(lines.count { if case .coach = $0 { true } else { false } } == 2)
        let end = try #require(recorder.end)
        #expect(end.summary.coachUses == 2)
        #expect(end.summary.lines().contains("you asked the coach 2 times"))
        let text = lines.map(\.text).joined(separator: "\n") + "\n"
        #expect(text.contains(#""coach_uses":2"#))
        let session = try #require(try JournalReader.parse(text, path: "coached.jsonl").sessions.first)
        #expect(session.coachUses == 2 && session.end?.end.summary.coachUses == 2)
        #expect(try JournalVerifier.verify(session).coachLines == 2)

        let coachLine = try #require(lines.first { if case .coach = $0 { true } else { false } }).text
        guard case .coach(let note)? = try JournalLine.decode(Data(coachLine.utf8)) else { return }
        var edited = note
        edited.shares += 100
        let tampered = text.replacingOccurrences(of: coachLine, with: JournalLine.coach(edited).text)
        let bad = try #require(try JournalReader.parse(tampered, path: "coached.jsonl").sessions.first)
        #expect(throws: JournalVerifier.Mismatch.self) { try JournalVerifier.verify(bad) }

        let old = text.replacingOccurrences(of: #","coach_uses":2"#, with: "")
            .split(separator: "\n").filter { !$0.contains(#""type":"coach""#) }.joined(separator: "\n")
        let before = try #require(try JournalReader.parse(old, path: "old.jsonl").sessions.first)
        #expect(before.end?.end.summary.coachUses == 0 && before.coachUses == 0)
        #expect(try JournalVerifier.verify(before).coachLines == 0)
    }

    /// In a class the coach answers only when the scenario allows it; outside one always. The
    /// setting is part of the market, so a trainee's copy with it switched on is another market.
    @Test func theScenarioDecidesWhetherTheCoachAnswersInAClass() throws {
        var scenario = Self.scenario("classic-scalp")
        #expect(scenario.allowsCoach(inClass: false) && !scenario.allowsCoach(inClass: true))
        let plain = JournalStart(scenario: scenario, seed: 5, config: scenario.config, startedAt: nil)
        scenario.coachInClass = true
        #expect(scenario.allowsCoach(inClass: true))
        let coached = JournalStart(scenario: scenario, seed: 5, config: scenario.config, startedAt: nil)
        #expect(coached.marketDifference(from: plain) == "scenario 'classic-scalp' has a different coach setting")
        let toml = ScenarioFile.write(scenario)
        #expect(toml.contains("coach_in_class = true"))
        #expect(try ScenarioFile.parse(toml, file: "coached.toml").coachInClass)
        #expect(!(try ScenarioFile.parse(ScenarioFile.write(Self.scenario("classic-scalp")), file: "plain.toml").coachInClass))
    }
}
