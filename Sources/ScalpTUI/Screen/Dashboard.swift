import ScalpEngine
import ScalpJournal

/// Renders the whole screen for a state into a grid: the only thing the terminal backend
/// and the tests need. Pure: the same state and size give the same grid. It takes one
/// snapshot of the state per frame and hands it to the panels, each a widget drawn into its
/// area of the layout, then to at most one overlay.
public enum Dashboard {
    /// Below this the screen shows only a "terminal too small" message.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public static func render(_ state: AppState, width: Int, height: Int, keyMap: KeyMap = .standard) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            TooSmallMessage().render(into: &grid, grid.bounds)
            return grid
        }
        let snapshot = ScreenSnapshot(state)
        let layout = ScreenLayout(width: width, height: height, positions: snapshot.positions.count)
        let panels: [(any Widget, Rect)] = [
            (HeaderBar(snapshot: snapshot), layout.header),
            (FooterBar(snapshot: snapshot, keyMap: keyMap), layout.footer),
            (PriceChart(snapshot: snapshot), layout.price),
            (VolatilityChart(snapshot: snapshot), layout.volatility),
            (OptionBookPanel(snapshot: snapshot), layout.book),
            (RiskPanel(snapshot: snapshot), layout.risk),
            (PnLPanel(snapshot: snapshot), layout.pnl),
            (BlotterPanel(snapshot: snapshot), layout.blotter),
        ]
        for (panel, area) in panels { panel.render(into: &grid, area) }
        if let coach = snapshot.coachLine, snapshot.endReason == nil { CoachBar(text: coach).render(into: &grid, grid.bounds) }
        overlay(snapshot, keyMap: keyMap)?.render(into: &grid, grid.bounds)
        return grid
    }

    /// The overlay on top, if any: the summary once ended, else the ticket, the help, the intro.
    static func overlay(_ snapshot: ScreenSnapshot, keyMap: KeyMap) -> (any Widget)? {
        if let summary = snapshot.summary { return SummaryOverlay(snapshot: snapshot, summary: summary) }
        if let ticket = snapshot.ticket { return TicketOverlay(snapshot: snapshot, ticket: ticket) }
        if snapshot.showHelp { return HelpOverlay(snapshot: snapshot, keyMap: keyMap) }
        if snapshot.showIntro { return IntroOverlay(snapshot: snapshot) }
        return nil
    }
}
