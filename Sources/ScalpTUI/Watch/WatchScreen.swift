import ScalpEngine
import ScalpFormat

/// Renders `watch` for a state into a grid: a header (scenario, seed, step and time reached,
/// speed, running or paused), the P&L chart, the table and the keys. Pure: the same state
/// and size give the same grid.
public enum WatchScreen {
    public static func render(_ state: WatchState, width: Int, height: Int, keyMap: KeyMap = .standard) -> Grid {
        let lanes = state.race.lanes.count
        guard var grid = Grid(width: width, height: height, minimum: (60, lanes + 10)) else {
            return TooSmallMessage.oneLine(width: width, height: height)
        }
        let parts = grid.bounds.rows([.length(1), .fill(1), .length(lanes + 3), .length(1)])
        header(state, into: &grid, parts[0])
        RaceChart(paths: state.pnlPaths, steps: state.race.steps).render(into: &grid, parts[1])
        let box = Box("Standings", trailing: [Span("best first: points so far, then P&L", Style(.muted))])
        RaceTable(standings: state.standings).render(into: &grid, box.render(into: &grid, parts[2]).inset(horizontal: 1, vertical: 0))
        footer(keyMap, into: &grid, parts[3])
        return grid
    }

    private static func header(_ state: WatchState, into grid: inout Grid, _ rect: Rect) {
        let race = state.race, session = race.lanes[0].session
        let sep = Span(" │ ", Style(.border, on: .selection))
        let left = [Span(" gammascalp watch", Style(.title, on: .selection, .bold)), sep,
                    Span(TextLayout.sanitize(race.scenario.name), Style(.accent, on: .selection, .bold)),
                    Span(" seed \(race.seed)", Style(.text, on: .selection))]
        let status = race.isFinished ? " ■ ended " : state.paused ? " ‖ paused " : " ▶ running "
        let clock = Format.clock(session.time, on: session.config.clock) + "  "
        var right = [Span("step \(race.step)/\(race.steps)  " + clock, Style(.text, on: .selection)),
                     Span(Format.multiplier(state.speed), Style(.accent, on: .selection, .bold)),
                     Span(status, Style(race.isFinished ? .muted : state.paused ? .warning : .up, on: .selection, .bold))]
        // Narrow: the clock goes first (the step says how far), so the seed stays whole.
        if left.width + right.width + 1 > rect.width { right[0].text = "step \(race.step)/\(race.steps)  " }
        ScreenBar.title(left, right: right, into: &grid, rect)
    }

    /// The race's keys as the key map binds them.
    private static func footer(_ keyMap: KeyMap, into grid: inout Grid, _ rect: Rect) {
        func name(_ command: Command) -> String { keyMap.keys(for: command).first?.description ?? "" }
        ScreenBar.keys([(name(.togglePause), "pause"), (name(.stepOnce), "one step"),
                        (name(.faster) + "/" + name(.slower), "speed"), (name(.quit), "quit, print the table")],
                       into: &grid, rect)
    }
}
