import Foundation
import Testing

/// `price` and `implied` as scripts use them: the binary, its JSON, its errors.
@Suite("price and implied commands")
struct PricingCommandTests {
    struct Case: Decodable {
        var kind: String
        var spot, strike, vol, expiry, rate, dividend: Double
        var price, delta, gamma, vega, theta, rho: Double
    }

    /// The mpmath reference contracts (50 digits) shared with the engine tests. Loading throws,
    /// so a missing or unreadable fixture fails the tests that use it instead of checking nothing.
    static func reference() throws -> [Case] {
        struct File: Decodable { var cases: [Case] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ScalpEngineTests/Fixtures/black_scholes_reference.json")
        let cases = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases
        try #require(cases.count == 600, "the reference fixture holds \(cases.count) contracts, not 600")
        return cases
    }

    func json(_ arguments: [String]) throws -> [String: Double] {
        let result = try CLI.run(arguments + ["--json"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(arguments): \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Double])
    }

    func contract(_ c: Case) -> [String] {
        ["--kind", c.kind, "--spot", "\(c.spot)", "--strike", "\(c.strike)", "--expiry", "\(c.expiry)",
         "--rate", "\(c.rate)", "--dividend", "\(c.dividend)"]
    }

    /// Every 15th reference contract through the binary: price and Greeks to 1e-9 relative.
    @Test func priceAgreesWithTheReference() throws {
        for c in try Self.reference().enumerated().filter({ $0.offset % 15 == 0 }).map(\.element) {
            let out = try json(["price"] + contract(c) + ["--vol", "\(c.vol)"])
            #expect(Array(out.keys).sorted() == ["delta", "gamma", "price", "rho", "theta", "vega"])
            let floor = 1e-13 * c.spot
            for (key, expected) in [("price", c.price), ("delta", c.delta), ("gamma", c.gamma), ("vega", c.vega),
                                    ("theta", c.theta), ("rho", c.rho)] {
                let value = try #require(out[key])
                #expect(abs(value - expected) <= 1e-9 * abs(expected) + floor, "\(key) for \(c)")
            }
        }
    }

    /// Reference premiums solve back to their vols (where the premium determines the vol).
    @Test func impliedAgreesWithTheReference() throws {
        let informative = try Self.reference().filter { $0.price / ($0.vega * $0.vol) < 1e4 && $0.price > 1e-250 * $0.spot }
        try #require(informative.count == 358, "the filter keeps \(informative.count) informative reference contracts, not 358")
        for c in informative.enumerated().filter({ $0.offset % 12 == 0 }).map(\.element) {
            let out = try json(["implied"] + contract(c) + ["--premium", "\(c.price)"])
            let vol = try #require(out["implied_vol"])
            #expect(abs(vol - c.vol) <= 1e-9 * c.vol, "implied vol for \(c)")
            #expect((out["iterations"] ?? 99) <= 10)
        }
    }

    @Test func tableShowsTraderUnits() throws {
        let result = try CLI.run(["price", "--kind", "call", "--spot", "100", "--strike", "100", "--vol", "0.2",
                                  "--expiry", "1", "--rate", "0.05"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("10.450584") && result.stdout.contains("per calendar day")
                && result.stdout.contains("-0.017573"))
    }

    @Test(arguments: [
        (["price", "--kind", "call", "--spot", "-100", "--strike", "100", "--vol", "0.2", "--expiry", "1"], "error: --spot must be in (0, 10000000] (currency), got -100"),
        (["price", "--kind", "call", "--spot", "100", "--strike", "100", "--vol", "-0.2", "--expiry", "1"], "error: --vol must be ≥ 0, got -0.2"),
        (["price", "--kind", "call", "--spot", "abc", "--strike", "100", "--vol", "0.2", "--expiry", "1"], "error: The value 'abc' is invalid for '--spot"),
        (["price", "--kind", "call", "--spot", "nan", "--strike", "100", "--vol", "0.2", "--expiry", "1"], "error: --spot must be in (0, 10000000] (currency), got nan"),
        (["price", "--kind", "swap", "--spot", "100", "--strike", "100", "--vol", "0.2", "--expiry", "1"], "error: The value 'swap' is invalid for '--kind"),
        (["implied", "--kind", "call", "--spot", "100", "--strike", "100", "--premium", "120", "--expiry", "1"], "error: --premium: premium 120 is not below the no-arbitrage upper bound 100"),
        (["implied", "--kind", "put", "--spot", "100", "--strike", "150", "--premium", "10", "--expiry", "1"], "error: --premium: premium 10 is "),
        (["implied", "--kind", "call", "--spot", "100", "--strike", "100", "--premium", "5", "--expiry", "0"], "error: --expiry must be positive, got 0"),
        (["implied", "--kind", "call", "--spot", "100", "--strike", "100", "--premium", "-1", "--expiry", "1"], "error: --premium must be ≥ 0, got -1"),
    ])
    func badInputIsOneErrorLine(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
    }
}

@Suite("--prices: replaying a real price history")
struct PricesFlagTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-prices-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func simulateReplaysTheFile() throws {
        var text = "Date,Close,VIX\n"
        var spot = 100.0
        for day in 1...28 {
            text += String(format: "2024-02-%02d,%.2f,%.1f\n", day, spot, 18 + Double(day % 5))
            spot *= day % 3 == 0 ? 0.98 : 1.013
        }
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["simulate", "--paths", "4", "--prices", path, "--kind", "straddle", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let pnl = try #require(object["pnl"] as? [String: Double])
        #expect(object["steps"] as? Int == 27)
        #expect(pnl["stdev"] == 0 && pnl["min"] == pnl["max"], "every path is the same history")
    }

    @Test func badFilesNameTheLine() throws {
        let path = try write("Date,Close\n2024-01-02,100\n2024-01-03,101\n2024-01-01,99\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["simulate", "--paths", "1", "--prices", path])
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr == "error: --prices: \(path):4: '2024-01-01' is not after the row before (rows must be sorted by time, without repeats)\n")
        let conflict = try CLI.run(["simulate", "--paths", "1", "--prices", path, "--realized-vol", "0.3"])
        #expect(conflict.stderr.hasPrefix("error: --prices: --realized-vol cannot be used"))
    }
}
