/// Where each panel goes at a given size. A 1-row header and footer; the option book across
/// the bottom; price and volatility on the left; risk, P&L and the blotter on the right.
/// Heights shrink in steps as the terminal gets smaller, down to 80×24.
public struct ScreenLayout: Sendable, Equatable {
    public var header, footer, price, volatility, book, risk, pnl, blotter: Rect

    /// The blotter's least height: its box, its column titles and one trade. The book gives
    /// up rows (down to its titles, one position, the stock and the total) before the
    /// blotter goes below this.
    public static let minimumBlotterHeight = 4
    static let minimumBookHeight = 7

    public init(width: Int, height: Int, positions: Int) {
        let rows = Rect(x: 0, y: 0, width: width, height: height).rows([.length(1), .fill(1), .length(1)])
        let wanted = min(positions + 5, rows[1].height / 3 + 1)
        var layout = Self(header: rows[0], body: rows[1], footer: rows[2], bookHeight: wanted)
        var bookHeight = wanted
        while layout.blotter.height < Self.minimumBlotterHeight, bookHeight > Self.minimumBookHeight {
            bookHeight -= 1
            layout = Self(header: rows[0], body: rows[1], footer: rows[2], bookHeight: bookHeight)
        }
        self = layout
    }

    private init(header: Rect, body: Rect, footer: Rect, bookHeight: Int) {
        self.header = header
        self.footer = footer
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
