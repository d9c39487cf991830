import Foundation
import Testing

/// `simulate`'s execution flags: the JSON's cost parts, funding and fills, and bad input.
@Suite("simulate execution flags")
struct SimulateExecutionTests {
    @Test(arguments: [
        (["--venue", "nyse"], "error: --venue must be equity or crypto-perp, got 'nyse'"),
        (["--hedge", "ladder:0"], "error: --hedge: invalid hedge rule 'ladder:0': ladder step X must be > 0"),
        (["--daily-volume", "-1"], "error: --daily-volume must be in [0, 1000000000000] (units a day), got -1"),
        (["--latency-ms", "-3"], "error: --latency-ms must be in [0, 60000] (milliseconds), got -3"),
        (["--funding-rate", "0.1"], "error: --funding-rate needs --venue crypto-perp"),
    ])
    func badInputIsOneErrorLine(flags: [String], message: String) throws {
        let result = try CLI.run(["simulate", "--paths", "10"] + flags)
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix(message), "\(result.stderr)")
    }

    /// The parts add up to the cost, market fills are the trades, and funding appears on the perp.
    @Test func jsonReportsCostPartsFundingAndFills() throws {
        let result = try CLI.run(["simulate", "--paths", "20", "--steps", "200", "--venue", "crypto-perp", "--rate", "0",
                                  "--impact", "0.5", "--daily-volume", "1000", "--cost-bps", "2", "--taker-fee-bps", "3",
                                  "--funding-rate", "0.1", "--position", "100", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let costs = try #require(json["costs"] as? [String: Double])
        let parts = costs["spread"]! + costs["impact"]! + costs["fees"]!
        #expect(abs(parts - costs["mean"]!) <= 1e-9 * costs["mean"]!)
        #expect(costs["impact"]! > 0 && costs["spread"]! > 0 && costs["fees"]! > 0)
        let fills = try #require(json["fills"] as? [String: Double])
        let trades = try #require(json["trades"] as? [String: Double])
        #expect(fills["limit_mean"] == 0 && abs(fills["market_mean"]! - trades["mean"]!) < 1e-9)
        let funding = try #require(json["funding"] as? [String: Double])
        #expect(funding["mean"]! > 0, "a long call's short perp receives funding")
    }
}
