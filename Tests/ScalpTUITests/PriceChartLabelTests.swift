import ScalpEngine
import ScalpFormat
import Testing
@testable import ScalpTUI

/// The live chart's labels stay readable: a trade marker (▲▼) never covers a resting order's
/// price label, however the ladder's fills fall on the orders' rows.
@Suite("Price chart labels")
struct PriceChartLabelTests {
    @Test(arguments: [(80, 24), (140, 40)])
    func tradeMarkersNeverCoverAnOrdersLabel(width: Int, height: Int) {
        // btc-perp hedges with a ladder: its orders rest one step from each fill, so fills
        // (and their markers) keep landing on the rows the next orders are labelled on.
        var state = AppState(PlaySettings(scenario: Scenario.named("btc-perp")!, seed: 4, startPaused: true))
        var labelsSeen = 0
        for _ in 0..<400 {
            state.advance(steps: 3)
            let labels = Set(state.session.desk.orders.map { ($0.isBuy ? "B " : "S ") + Format.number($0.price, 2) })
            let text = Dashboard.render(state, width: width, height: height).text
            // Every order label drawn on an order's dashed line reads whole: the token up to
            // the first character that cannot be part of a price is an order's label.
            for row in text.split(separator: "\n") where row.contains("╌") {
                for match in row.matches(of: /[BS] [0-9][0-9,]*(\.[0-9]*)?/) {
                    labelsSeen += 1
                    #expect(labels.contains(String(match.output.0)), "a label cut short: '\(match.output.0)' in\n\(row)")
                }
            }
        }
        #expect(labelsSeen > 200, "the ladder's orders were in view")
    }
}
