import ScalpEngine
import ScalpFormat

/// The option ticket: the order's fields (the focused one between ◂ ▸, the expiry with its own
/// ATM vol), then its quote: model price, fill with the spread, premium, and what it does to
/// the net delta.
struct TicketOverlay: Widget {
    let snapshot: ScreenSnapshot
    let ticket: OptionTicket

    /// Shares as the book trades them: whole for a lot size, as they are for fractional lots.
    private func whole(_ shares: Double) -> Double {
        snapshot.session.config.tradingUnit.showsFractions(lot: snapshot.session.lotSize) ? shares : shares.rounded()
    }

    func render(into grid: inout Grid, _ area: Rect) {
        let session = snapshot.session
        let unit = session.config.tradingUnit
        let quote = ticket.quote(session)
        let muted = Style(.muted)
        let text = Style(.text)
        let label = 10
        let valueWidth = 14
        func field(_ field: OptionTicket.Field, hint: String) -> [Span] {
            let focused = field == ticket.focus
            let value = ticket.text(for: field) + (focused && ticket.entry != nil ? "▏" : "")
            let shown = focused ? "◂ " + value + " ▸" : "  " + value
            return [Span(TextLayout.pad(field.label, label), focused ? Style(.accent, on: .background, .bold) : muted),
                    Span(shown, focused ? Style(.accent, on: .background, [.bold, .reverse]) : text.bold()),
                    Span(String(repeating: " ", count: max(valueWidth - TextLayout.width(shown), 1)), text),
                    Span(hint, muted)]
        }
        // The expiry's own ATM vol (term structure, events ahead it spans), which the quote starts from.
        let expiryHint = (ticket.bookExpiry != nil ? "days, book's expiry, " : "days, ")
            + "ATM " + Format.percent(session.atmImpliedVol(expiry: ticket.expiry))
        let multiplier = Format.trimmed(ticket.multiplier)
        let buying = ticket.side == .buy
        var lines: [[Span]] = [
            field(.side, hint: "buy or sell"),
            field(.kind, hint: "call, put or straddle"),
            field(.strike, hint: "spot " + Format.number(session.spot, 2) + ", grid " + Format.trimmed(ticket.strikeStep)),
            field(.expiry, hint: expiryHint),
            field(.quantity, hint: "contracts × " + multiplier + (ticket.kind == .straddle ? " each leg" : "")),
            [],
            [Span(TextLayout.pad("Model", label), muted), Span(Format.number(quote.modelPrice, 2), text),
             Span(" a share at IV " + Format.percent(quote.impliedVol), muted)],
            [Span(TextLayout.pad("Fill", label), muted), Span(Format.number(quote.fillPrice, 2), text.bold()),
             Span(" with the spread of ±" + Format.number(quote.halfSpreadVol * 100, 1) + " vol pt", muted)],
            [Span(TextLayout.pad("Premium", label), muted),
             Span((buying ? "pay " : "receive ") + Format.number(abs(quote.premium), 2), Style(buying ? .down : .up, on: .background, .bold)),
             Span("  spread cost " + Format.number(quote.spreadCost, 2), muted)],
            [Span(TextLayout.pad("Delta", label), muted),
             Span(Format.shares(whole(quote.deltaChange), sign: true) + " " + unit.symbol, .signed(quote.deltaChange)),
             Span("  net " + Format.shares(whole(snapshot.netDelta), sign: true) + " → ", muted),
             Span(Format.shares(whole(quote.netDeltaAfter), sign: true) + " " + unit.symbol, text.bold())],
        ]
        if let problem = ticket.problem {
            lines.append([Span("! " + problem, Style(.loss, on: .background, .bold))])
        } else {
            lines.append([Span("Enter sends at the fill · Esc cancels · time is stopped", muted)])
        }
        OverlayBox(title: "Option ticket", lines: lines, width: 64).render(into: &grid, area.inset(horizontal: 2, vertical: 1))
    }
}
