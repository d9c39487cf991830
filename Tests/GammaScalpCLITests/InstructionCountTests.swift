import Testing
@testable import gammascalp

/// Reading callgrind's output file for `bench --instructions` (valgrind itself is not needed).
@Suite struct InstructionCountTests {
    @Test func totalsLineIsTheRunsInstructionCount() {
        let output = """
        # callgrind format
        version: 1
        creator: callgrind-3.19.0
        events: Ir
        summary: 665877612
        fn=(1) main
        3 12
        totals: 665877613
        """
        #expect(InstructionCount.totalInstructions(inCallgrindOutput: output) == 665_877_613)
    }

    @Test func summaryLineServesWhenThereIsNoTotals() {
        let output = "events: Ir\nsummary: 1234\nfn=(1) main\n3 12\n"
        #expect(InstructionCount.totalInstructions(inCallgrindOutput: output) == 1_234)
    }

    @Test func outputWithoutACountIsNil() {
        #expect(InstructionCount.totalInstructions(inCallgrindOutput: "events: Ir\nfn=(1) main\n") == nil)
    }

    @Test func standardRulesAreTheIssuesThree() {
        #expect(InstructionCount.standardRules.map(\.label) == ["every:1", "ww:1, 5 bp", "ladder:0.01"])
        #expect(InstructionCount.standardRules[1].arguments == ["--hedge", "ww:1", "--cost-bps", "5"])
    }
}
