import ScalpEngine
import ScalpFormat

/// A level's briefing over the course screen: the lesson, the scenario and its goal, what
/// passing takes and the risk limits; Enter plays it on a fresh seed.
struct BriefingOverlay: Widget {
    let level: CourseLevel
    let standing: CourseProgress.Standing

    static let width = 76

    func render(into grid: inout Grid, _ area: Rect) {
        let scenario = level.scenario
        let place = OverlayBox.Placement(in: area, width: Self.width)
        let label = 10
        func labelled(_ name: String, _ values: [String], _ style: Style = Style(.text)) -> [[Span]] {
            OverlayBox.labelled(name, values, width: place.textWidth, label: label, style: style)
        }
        var lines: [[Span]] = TextLayout.wrap(TextLayout.sanitize(level.briefing), width: place.textWidth)
            .map { [Span($0, Style(.text))] }
        lines.append([])
        lines += labelled("To pass", level.pass.lines.map { "• " + $0 }, Style(.accent))
        let goal = TextLayout.sanitize(scenario.learningGoal)
        var details = labelled("Scenario", [TextLayout.sanitize(scenario.name + ": " + scenario.description)])
        if !goal.isEmpty { details += labelled("Goal", [goal]) }
        details += labelled("Limits", [RiskLimitsText.words(scenario.riskLimits, unit: scenario.config.tradingUnit.name)])
        if standing.attempts > 0 {
            details += labelled("So far", ["\(standing.attempts) attempt\(standing.attempts == 1 ? "" : "s"), best "
                                           + "\(Int(standing.bestPoints ?? 0)) points" + (standing.passed ? ", passed" : "")])
        }
        let footer: [[Span]] = [[], [Span("Enter plays it on a fresh seed · Esc back", Style(.accent, on: .background, .bold))]]
        // On a short screen the scenario's details give way, from the last; the briefing, what
        // passing takes and the prompt always show.
        let room = place.textRows - footer.count
        let fitting = max(0, min(details.count, room - lines.count - 1))
        if fitting > 0 { lines += [[]] + details.prefix(fitting) }
        lines = OverlayBox.clipped(lines, to: room) + footer
        OverlayBox(title: "Level \(level.number) · " + TextLayout.sanitize(level.title), lines: lines, width: Self.width)
            .render(into: &grid, place.bounds)
    }
}
