import Foundation
import Testing

/// `gammascalp frontier` through the built binary.
@Suite("frontier command")
struct FrontierCommandTests {
    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test(arguments: [
        (["--scenario", "classic-scalp", "--paths", "0"], "error: --paths must be at least 1, got 0"),
        (["--scenario", "classic-scalp", "--rules", "every:1,wobble"], "error: --rules: invalid hedge rule 'wobble'"),
        (["--scenario", "classic-scalp", "--rules", "every:1,"], "error: --rules: invalid hedge rule ''"),
        (["--scenario", "nope"], "error: --scenario: unknown scenario 'nope'"),
        (["--scenario", "classic-scalp", "--out", "chart.png"], "error: --out: 'chart.png' must end in .svg or .html"),
    ])
    func badInputIsOneErrorLine(arguments: [String], message: String) throws {
        let result = try CLI.run(["frontier"] + arguments)
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix(message), "stderr: \(result.stderr)")
    }

    /// Each rule's numbers are `simulate`'s for the same scenario, rule, paths and seed, to the
    /// last digit; utility follows from mean and stdev; on_frontier follows its definition.
    @Test func rulesMatchSimulateAndTheFrontierDefinition() throws {
        let rules = ["none", "every:1", "every:8", "band:300", "move:0.01", "ww:0.001"]
        let object = try json(["frontier", "--scenario", "expensive-hedging", "--paths", "40", "--seed", "9",
                               "--rules", rules.joined(separator: ","), "--json"])
        #expect(object["scenario"] as? String == "expensive-hedging" && object["paths"] as? Int == 40 && object["seed"] as? Int == 9)
        let lambda = try #require(object["risk_aversion"] as? Double)
        #expect(lambda == 0.001)
        #expect(object["path_steps"] as? Int == 40 * 960 * rules.count)
        #expect((object["elapsed_s"] as? Double ?? -1) > 0)
        let entries = try #require(object["rules"] as? [[String: Any]])
        #expect(entries.map { $0["rule"] as? String } == rules)
        for entry in entries {
            #expect(Set(entry.keys) == ["rule", "pnl_mean", "pnl_stdev", "cost_mean", "trades_mean", "utility", "on_frontier"])
            let rule = entry["rule"] as! String
            let simulated = try json(["simulate", "--scenario", "expensive-hedging", "--hedge", rule, "--paths", "40",
                                      "--seed", "9", "--json"])
            let pnl = simulated["pnl"] as! [String: Double]
            let mean = entry["pnl_mean"] as! Double, stdev = entry["pnl_stdev"] as! Double
            #expect(mean == pnl["mean"] && stdev == pnl["stdev"], "\(rule)")
            #expect(entry["cost_mean"] as? Double == (simulated["costs"] as? [String: Double])?["mean"], "\(rule)")
            #expect(entry["trades_mean"] as? Double == (simulated["trades"] as? [String: Double])?["mean"], "\(rule)")
            let utility = entry["utility"] as! Double
            #expect(abs(utility - (mean - lambda / 2 * stdev * stdev)) <= 1e-9 * max(abs(utility), 1), "\(rule)")
            let dominated = entries.contains { ($0["pnl_mean"] as! Double) > mean && ($0["pnl_stdev"] as! Double) < stdev }
            #expect(entry["on_frontier"] as? Bool == !dominated, "\(rule)")
        }
        #expect(entries.contains { $0["on_frontier"] as? Bool == true })
    }

    /// A scenario file with a negative risk aversion is refused at its line.
    @Test func negativeRiskAversionIsRefused() throws {
        let shown = try CLI.run(["scenarios", "--show", "classic-scalp"])
        let lines = shown.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.hasPrefix("risk_aversion = ") })
        let edited = lines.enumerated().map { $0.offset == index ? "risk_aversion = -0.5" : $0.element }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("negative-\(UUID().uuidString).toml").path
        try edited.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try CLI.run(["frontier", "--scenario", file, "--paths", "5"])
        #expect(result.status != 0 && result.stdout.isEmpty)
        #expect(result.stderr == "error: \(file):\(index + 1): training.risk_aversion: must be ≥ 0 "
                + "(per currency; 0 judges by P&L alone), got -0.5\n")
    }

    @Test func tableAndChart() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("frontier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("f.svg").path
        let result = try CLI.run(["frontier", "--scenario", "trend-day", "--paths", "20", "--out", svg])
        #expect(result.status == 0 && result.stderr.isEmpty, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("frontier  trend-day  20 paths × "))
        #expect(result.stdout.contains("band:600") && result.stdout.contains("best utility"))
        let chart = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(chart.hasPrefix("<svg") && chart.contains("efficient frontier") && chart.contains(">band:600</text>"))
        let family = result.stdout.split(separator: "\n").filter { $0.hasPrefix("band:") || $0.hasPrefix("every:") }.count
        #expect(chart.components(separatedBy: "<circle").count - 1 >= family)
    }
}

/// The frontier chart's text read back from the SVG's own coordinates: every label, legend
/// line, tick label and title as a box (0.6 em a character, ascent 0.8 em, descent 0.25 em,
/// placed by its text-anchor), so overlaps and escapes are measured, not eyeballed.
@Suite("frontier chart labels")
struct FrontierChartLabelTests {
    struct TextBox {
        var text: String
        var minX, minY, maxX, maxY: Double
        func overlaps(_ o: TextBox) -> Bool { minX < o.maxX && o.minX < maxX && minY < o.maxY && o.minY < maxY }
    }

    /// Every unrotated `<text>` of `svg` as a box, and the picture's width and height.
    static func boxes(_ svg: String) throws -> (boxes: [TextBox], width: Double, height: Double) {
        let viewBox = try #require(svg.firstMatch(of: /viewBox="0 0 ([0-9.]+) ([0-9.]+)"/))
        var boxes: [TextBox] = []
        for match in svg.matches(of: /<text x="([-0-9.]+)" y="([-0-9.]+)" class="([a-z]+)"[^>]*>([^<]*)<\/text>/) {
            let x = Double(match.1)!, y = Double(match.2)!, kind = String(match.3)
            let text = String(match.4).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">")
            let size = kind == "title" ? 14.0 : 12.0 * (kind == "label" || kind == "legend" ? 11.0 / 12 : 1)
            let width = Double(text.count) * 0.6 * size * (kind == "title" ? 1.1 : 1)
            let left = kind == "ylabel" ? x - width : (kind == "xlabel" || kind == "xtitle") ? x - width / 2 : x
            boxes.append(TextBox(text: text, minX: left, minY: y - 0.8 * size, maxX: left + width, maxY: y + 0.25 * size))
        }
        return (boxes, Double(viewBox.1)!, Double(viewBox.2)!)
    }

    /// expensive-hedging crowds 27 rules in one corner; classic-scalp and short-gamma spread them.
    @Test(arguments: ["expensive-hedging", "classic-scalp", "short-gamma"])
    func labelsNeverOverlapNorLeaveThePicture(scenario: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gammascalp-frontier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("x.svg").path
        let result = try CLI.run(["frontier", "--scenario", scenario, "--paths", "60", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        let (boxes, width, height) = try Self.boxes(svg)
        let labels = boxes
        #expect(labels.count > 27 * 2, "a label or number per point and a legend line per rule")
        for box in labels {
            #expect(box.minX >= 0 && box.maxX <= width && box.minY >= 0 && box.maxY <= height, "\(box.text) leaves the picture")
        }
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] where a.overlaps(b) {
                Issue.record("'\(a.text)' overlaps '\(b.text)' in \(scenario)")
            }
        }
        // The legend names every rule, and the best utility is starred in it and ringed on the plot.
        let legend = boxes.map(\.text).filter { $0.first?.isNumber == true && $0.contains(":") && $0.contains(". ") }
        #expect(legend.count == 27)
        #expect(legend.filter { $0.contains("★") }.count == 1 && svg.contains("<title>best utility</title>"))
        #expect(boxes.contains { $0.text.hasPrefix("★ best utility: ") })
    }
}
