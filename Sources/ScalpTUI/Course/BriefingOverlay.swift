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
        let bounds = area.inset(horizontal: 2, vertical: 1)
        let text = min(bounds.width, Self.width) - 6
        let label = 10
        let muted = Style(.muted)
        func labelled(_ name: String, _ values: [String], _ style: Style = Style(.text)) -> [[Span]] {
            OverlayBox.labelled(name, values, width: text, label: label, style: style)
        }
        var lines: [[Span]] = TextLayout.wrap(TextLayout.sanitize(level.briefing), width: text).map { [Span($0, Style(.text))] }
        lines.append([])
        lines += labelled("To pass", level.pass.lines.map { "• " + $0 }, Style(.accent))
        let goal = TextLayout.sanitize(scenario.learningGoal)
        var details = labelled("Scenario", [TextLayout.sanitize(scenario.name + ": " + scenario.description)])
        if !goal.isEmpty { details += labelled("Goal", [goal]) }
        var limits: [String] = []
        if let delta = scenario.riskLimits.netDelta { limits.append("net delta ±\(Format.shares(delta)) \(scenario.config.tradingUnit.name)") }
        if let loss = scenario.riskLimits.loss { limits.append("loss \(Format.number(loss, 0))") }
        details += labelled("Limits", [limits.isEmpty ? "none" : limits.joined(separator: ", ")])
        if standing.attempts > 0 {
            details += labelled("So far", ["\(standing.attempts) attempt\(standing.attempts == 1 ? "" : "s"), best "
                                           + "\(Int(standing.bestPoints ?? 0)) points" + (standing.passed ? ", passed" : "")])
        }
        let footer: [[Span]] = [[], [Span("Enter plays it on a fresh seed · Esc back", Style(.accent, on: .background, .bold))]]
        // On a short screen the scenario's details give way, from the last; the briefing, what
        // passing takes and the prompt always show.
        let room = bounds.height - 4 - footer.count
        let fitting = max(0, min(details.count, room - lines.count - 1))
        if fitting > 0 { lines += [[]] + details.prefix(fitting) }
        if lines.count > room, room > 0 {
            lines = Array(lines.prefix(room))
            lines[room - 1] = [Span("…", muted)]
        }
        lines += footer
        OverlayBox(title: "Level \(level.number) · " + TextLayout.sanitize(level.title), lines: lines, width: Self.width)
            .render(into: &grid, bounds)
    }
}
