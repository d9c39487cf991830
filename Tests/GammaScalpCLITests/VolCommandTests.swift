import Foundation
import Testing

/// `gammascalp vol` as scripts use it: against an independent numpy implementation on a real
/// daily OHLC file (its values committed as a fixture), and bad input as one `error:` line.
@Suite("vol command")
struct VolCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ScalpEngineTests/Fixtures")
    static let goog = fixtures.appendingPathComponent("goog-daily-ohlc.csv").path

    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-vol-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The independent numpy reference for `window`, as committed in `range_vol_reference.json`
    /// (regenerate with the command in `range_vol_reference.py`), so no test starts python.
    func reference(window: Int) throws -> [String: Any] {
        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("range_vol_reference.json"))
        let byWindow = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(byWindow[String(window)] as? [String: Any], "no reference for window \(window)")
    }

    /// Every number of `vol --json` on 1,047 real GOOG days agrees with numpy to 1e-9 relative,
    /// for a short and a quarter-long window.
    @Test(arguments: [5, 63])
    func agreesWithNumpyOnRealDailyBars(window: Int) throws {
        let result = try CLI.run(["vol", "--prices", Self.goog, "--window", String(window), "--json"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let ours = try object(result.stdout), theirs = try reference(window: window)
        #expect(ours["rows"] as? Int == 1047 && ours["window"] as? Int == window)
        #expect(ours["annualisation"] as? Double == 252 && theirs["annualisation"] as? Double == 252)
        #expect((ours["missing_columns"] as? [String]) == [])
        let names = ["close_to_close", "parkinson", "garman_klass", "rogers_satchell", "yang_zhang"]
        let fullOurs = try #require(ours["full_sample"] as? [String: Double])
        let fullTheirs = try #require(theirs["full_sample"] as? [String: Double])
        let rollingOurs = try #require(ours["rolling"] as? [String: [String: Double]])
        let rollingTheirs = try #require(theirs["rolling"] as? [String: [String: Double]])
        #expect(Set(fullOurs.keys) == Set(names) && Set(rollingOurs.keys) == Set(names))
        for name in names {
            let a = try #require(fullOurs[name]), b = try #require(fullTheirs[name])
            #expect(abs(a - b) <= 1e-9 * b && b > 0.2 && b < 0.5, "full \(name): \(a) vs \(b)")
            for statistic in ["last", "mean", "min", "max"] {
                let a = try #require(rollingOurs[name]?[statistic]), b = try #require(rollingTheirs[name]?[statistic])
                #expect(abs(a - b) <= 1e-9 * b, "rolling \(name) \(statistic): \(a) vs \(b)")
            }
        }
    }

    /// The table names every estimator; a close-only file reports close-to-close and says
    /// why the others are missing (null in JSON).
    @Test func closesOnlyFileExplainsTheMissingEstimators() throws {
        let table = try CLI.run(["vol", "--prices", Self.goog])
        #expect(table.status == 0)
        for name in ["close-to-close", "Parkinson", "Garman-Klass", "Rogers-Satchell", "Yang-Zhang", "last 21", "A = 252"] {
            #expect(table.stdout.contains(name), "\(name) in\n\(table.stdout)")
        }
        let path = try write("date,close\n2024-01-02,100\n2024-01-03,101\n2024-01-04,99.5\n2024-01-05,100.5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let plain = try CLI.run(["vol", "--prices", path])
        #expect(plain.status == 0 && plain.stdout.contains("this file has no open, high or low column"), "\(plain.stdout)")
        let json = try object(try CLI.run(["vol", "--prices", path, "--json"]).stdout)
        #expect(json["window"] as? Int == 3, "the default window shrinks to the file's 3 bars")
        let full = try #require(json["full_sample"] as? [String: Any])
        let r = [log(101.0 / 100), log(99.5 / 101), log(100.5 / 99.5)]
        let expected = (252 * r.map { $0 * $0 }.reduce(0, +) / 3).squareRoot()
        #expect(abs((full["close_to_close"] as? Double ?? 0) - expected) <= 1e-12 * expected)
        #expect(full["parkinson"] is NSNull && (json["rolling"] as? [String: Any])?["yang_zhang"] is NSNull)
        #expect(json["missing_columns"] as? [String] == ["open", "high", "low"])
    }

    @Test(arguments: [
        ("date,open,high,low,close\n2024-01-02,100,101,99,100.5\n2024-01-03,100,99,100.5,100\n2024-01-04,100,101,99,100\n",
         ":3:16: high: 99.0 is below low 100.5"),
        ("date,open,high,low,close\n2024-01-02,100,101,99,100.5\n2024-01-03,100,101,99,101.5\n2024-01-04,100,101,99,100\n",
         ":3:23: close: 101.5 is outside [low 99.0, high 101.0]"),
        ("date,open,high,low,close\n2024-01-02,100,101,99,100.5\n2024-01-03,98,101,99,100\n2024-01-04,100,101,99,100\n",
         ":3:12: open: 98.0 is outside [low 99.0, high 101.0]"),
        ("date,high,close\n2024-01-02,101,100.5\n2024-01-03,101,101.5\n2024-01-04,101,100\n",
         ":1:6: high: a high column needs a low column beside it"),
    ])
    func badRowsNameFileLineAndColumn(text: String, message: String) throws {
        let path = try write(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["vol", "--prices", path])
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: --prices: \(path)\(message)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test(arguments: [
        (["vol", "--prices", "GOOG", "--window", "1"], "error: --window must be at least 2, got 1"),
        (["vol", "--prices", "GOOG", "--window", "2000"], "error: --window 2000 is longer than the file: 1047 rows make 1046 bars"),
        (["vol", "--prices", "/no/such/file.csv"], "error: --prices: /no/such/file.csv: no such price file"),
        (["vol"], "error: Missing expected argument '--prices <file.csv>'"),
    ])
    func badInputIsOneErrorLine(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments.map { $0 == "GOOG" ? Self.goog : $0 })
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix(message), "\(result.stderr)")
    }
}
