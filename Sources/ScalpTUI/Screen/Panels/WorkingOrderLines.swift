import ScalpEngine
import ScalpFormat

/// The working limit orders as the blotter lists them above the trades, one line each:
/// side, size, limit price, ticks outside the touch (`2t`; negative once the touch has moved
/// through it) and age in simulated time, plus who laid it where there is room.
struct WorkingOrderLines {
    let snapshot: ScreenSnapshot

    /// Lines for at most `rows` rows (the last says how many more when they do not all fit), each
    /// at most `width` columns.
    func lines(rows: Int, width: Int) -> [[Span]] {
        let orders = snapshot.session.desk.orders
        guard rows > 0, !orders.isEmpty else { return [] }
        let shown = orders.count <= rows ? orders : Array(orders.prefix(rows - 1))
        var lines = shown.map { line($0, width: width) }
        if shown.count < orders.count {
            let text = shown.isEmpty ? "\(orders.count) orders working" : "+\(orders.count - shown.count) more working"
            lines.append([Span(text, Style(.muted))])
        }
        return lines
    }

    func line(_ order: LimitOrder, width: Int) -> [Span] {
        let session = snapshot.session
        let tick = OrderEntry.tick(session.config)
        let ticks = OrderEntry.ticksOutside(order, quote: session.quote, tick: tick)
        let age = Double(session.step - order.placedStep) * session.config.timeStep
        let side = Style(order.isBuy ? .up : .down)
        var spans = [Span("◦ ", side), Span(order.isBuy ? "BUY " : "SELL", Style(order.isBuy ? .up : .down, on: .background, .bold)),
                     Span(" " + Format.shares(abs(order.shares)) + " @ " + Format.number(order.price, 2), Style(.text)),
                     Span(" " + Self.ticksText(ticks), Style(ticks < 0 ? .warning : .muted)),
                     Span(" " + Self.age(age, on: session.config.dayCount), Style(.muted))]
        let who = order.isLadder ? " ladder" : " by hand"
        if spans.width + TextLayout.width(who) <= width { spans.append(Span(who, Style(order.isLadder ? .muted : .accent))) }
        return spans
    }

    /// Ticks outside the touch: whole when within a twentieth of a tick of whole ("2t"), else to a tenth ("47.6t").
    static func ticksText(_ ticks: Double) -> String {
        Format.number(ticks, abs(ticks - ticks.rounded()) < 0.05 ? 0 : 1) + "t"
    }

    /// An order's age, short, in time of the session's clock: "0m", "45m", "3h05", "2d" (a
    /// day being one of `clock`'s: 6.5 hours on the trading-day clock).
    static func age(_ years: Double, on clock: DayCount) -> String {
        let minutes = max(Int(clock.minutes(years).rounded()), 0), perDay = Int(clock.minutesPerDay)
        if minutes < 60 { return "\(minutes)m" }
        if minutes < perDay { return "\(minutes / 60)h" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)" }
        return "\(minutes / perDay)d"
    }
}
