import ScalpEngine
import ScalpFormat

/// The scenario's introduction over the screen at the start: its description, the learning
/// goal, the benchmark it is scored against and its risk limits. Time starts when it closes.
struct IntroOverlay: Widget {
    let snapshot: ScreenSnapshot

    static let width = 76

    func render(into grid: inout Grid, _ area: Rect) {
        let scenario = snapshot.scenario
        let place = OverlayBox.Placement(in: area, width: Self.width)
        let label = 11
        func labelled(_ name: String, _ value: String, _ style: Style = Style(.text)) -> [[Span]] {
            OverlayBox.labelled(name, [value], width: place.textWidth, label: label, style: style)
        }
        var lines: [[Span]] = TextLayout.wrap(TextLayout.sanitize(scenario.description), width: place.textWidth)
            .map { [Span($0, Style(.text))] }
        lines.append([])
        let goal = TextLayout.sanitize(scenario.learningGoal)
        if !goal.isEmpty { lines += labelled("Goal", goal, Style(.accent)) }
        lines += labelled("Benchmark", "a hedger on \(scenario.benchmarkRule.label) (\(scenario.benchmarkRule.description)) "
                          + "trades the same book on the same price path, for comparison; your grade places your "
                          + "decisions among the reference hedge rules, without the luck of the path")
        var limitsText = RiskLimitsText.words(scenario.riskLimits, unit: scenario.config.tradingUnit.name)
        if scenario.riskLimits.netDelta != nil { limitsText += "; time over the delta limit costs points" }
        if scenario.riskLimits.loss != nil { limitsText += "; a loss beyond the limit costs the limit points" }
        lines += labelled("Limits", limitsText)
        let you = labelled("You", "hedge with h, b/s and a; trade options with o; ? lists every key")
        let start = snapshot.paused ? "Press any key to close this (the session is paused)." : "Press any key to start."
        let footer: [[Span]] = [[], [Span(start, Style(.accent, on: .background, .bold))]]
        // A long description gives up the key hints, then its last lines; the prompt always shows.
        let room = place.textRows - footer.count
        if lines.count + you.count <= room { lines += you }
        lines = OverlayBox.clipped(lines, to: room) + footer
        OverlayBox(title: snapshot.title, lines: lines, width: Self.width).render(into: &grid, place.bounds)
    }
}
