import Foundation
import Testing
@testable import ScalpEngine

/// The debrief's advice agrees with the grade's numbers: the "next time" advice follows from
/// the trainee's risk and costs against the best rule's.
@Suite("Debrief")
struct DebriefTests {
    static func grade(_ name: String, seed: UInt64, rule: String) -> SessionGrade {
        HeadlessSession(scenario: SessionGradeTests.scenario(name), seed: seed, rule: HedgeRule(rule)!).run()
    }

    /// Never hedging takes far more risk than the best rule for no more cost: tighten.
    @Test func anUnhedgedBookIsToldToTighten() {
        let grade = Self.grade("classic-scalp", seed: 2, rule: "none")
        let best = grade.family.first { $0.result.rule == grade.bestRule }!.result
        #expect(grade.traineeBook!.utility.riskTaken > 1.2 * best.utility.riskTaken)
        // Never hedging leaves the delta on one side: the advice is to hedge to zero.
        #expect(grade.verdict.contains("Next time: hedge to zero. You sat"), "\(grade.verdict)")
        #expect(grade.verdict.contains(HedgeRule(best.rule)!.inWords))
    }

    /// Hedging every step into a wide spread pays far more than the best rule for no less
    /// risk: trade less.
    @Test func anExpensiveHedgerIsToldToTradeLess() {
        for seed: UInt64 in [1, 2, 3] {
            let grade = Self.grade("expensive-hedging", seed: seed, rule: "every:1")
            let best = grade.family.first { $0.result.rule == grade.bestRule }!.result
            let own = grade.family.first { $0.result.rule == "every:1" }!.result
            #expect(own.costs > 1.2 * best.costs)
            #expect(grade.verdict.contains("Next time: trade less.") || grade.verdict.contains("less often"),
                    "\(grade.verdict)")
        }
    }

    @Test(arguments: ["none", "every:4", "band:300", "band:300:edge", "move:0.01", "ww:0.001", "ladder:0.005"])
    func everyRuleHasWords(rule: String) {
        let words = HedgeRule(rule)!.inWords
        #expect(words.hasPrefix(rule + " ") && words.count > rule.count + 10, "\(words)")
    }
}
