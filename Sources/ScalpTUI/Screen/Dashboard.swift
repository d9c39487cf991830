import ScalpEngine
import ScalpJournal

/// Renders the whole screen for a state into a grid: the only thing the terminal backend
/// and the tests need. Pure: the same state and size give the same grid.
public enum Dashboard {
    /// Below this the screen shows only a "terminal too small" message.
    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public static func render(_ state: AppState, width: Int, height: Int, keyMap: KeyMap = .standard) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width >= minimumWidth, height >= minimumHeight else {
            Overlays.tooSmall(into: &grid, width: width, height: height)
            return grid
        }
        let layout = ScreenLayout(width: width, height: height, positions: state.session.book.positions.count)
        Panels.header(state, into: &grid, layout.header)
        Panels.footer(state, keyMap: keyMap, into: &grid, layout.footer)
        Charts.price(state, into: &grid, layout.price)
        Charts.volatility(state, into: &grid, layout.volatility)
        Panels.book(state, into: &grid, layout.book)
        Panels.risk(state, into: &grid, layout.risk)
        Panels.pnl(state, into: &grid, layout.pnl)
        Panels.blotter(state, into: &grid, layout.blotter)
        if state.endReason != nil {
            Overlays.summary(state, into: &grid)
        } else if let ticket = state.trainingState.ticket {
            Overlays.ticket(state, ticket, into: &grid)
        } else if state.showHelp {
            Overlays.help(state, keyMap: keyMap, into: &grid)
        } else if state.trainingState.showIntro {
            Overlays.intro(state, into: &grid)
        }
        return grid
    }
}

/// Where each panel goes at a given size. A 1-row header and footer; the option book across
/// the bottom; price and volatility on the left; risk, P&L and the blotter on the right.
/// Heights shrink in steps as the terminal gets smaller, down to 80×24.
public struct ScreenLayout: Sendable, Equatable {
    public var header, footer, price, volatility, book, risk, pnl, blotter: Rect

    public init(width: Int, height: Int, positions: Int) {
        let rows = Rect(x: 0, y: 0, width: width, height: height).rows([.length(1), .fill(1), .length(1)])
        header = rows[0]
        footer = rows[2]
        let body = rows[1]
        let bookHeight = min(positions + 5, body.height / 3 + 1)
        let parts = body.rows([.fill(1), .length(bookHeight)])
        book = parts[1]
        let upper = parts[0]
        let sides = upper.columns([.fill(3), .fill(2)])
        let volHeight = upper.height >= 30 ? 9 : upper.height >= 20 ? 7 : 6
        let left = sides[0].rows([.fill(1), .length(volHeight)])
        price = left[0]
        volatility = left[1]
        let riskHeight = upper.height >= 30 ? 8 : upper.height >= 20 ? 7 : 5
        let pnlHeight = upper.height >= 30 ? 11 : upper.height >= 20 ? 8 : 6
        let right = sides[1].rows([.length(riskHeight), .length(pnlHeight), .fill(1)])
        risk = right[0]
        pnl = right[1]
        blotter = right[2]
    }
}
