import ScalpEngine
import Testing
@testable import ScalpTUI

/// A perpetual speaks in its coin: the risk panel, the option book, the footer, the summary
/// and the lot keys, on btc-perp at both screen sizes.
@Suite("A venue's unit on the screen")
struct TradingUnitScreenTests {
    static func perp() -> AppState {
        var state = AppState(PlaySettings(scenario: Scenario.named("btc-perp")!, seed: 3, startPaused: true))
        state.advance(steps: 60)
        return state
    }

    @Test(arguments: [(80, 24), (140, 40)])
    func btcPerpShowsCoinsNotShares(width: Int, height: Int) {
        let text = Dashboard.render(Self.perp(), width: width, height: height).text
        #expect(text.contains("BTC"), "\(text)")
        #expect(!text.contains(" sh ") && !text.contains(" sh/") && !text.hasSuffix(" sh"), "no shares on a perpetual:\n\(text)")
        #expect(text.contains(" perp ") && !text.contains(" stock "), "the perpetual's row is called perp:\n\(text)")
    }

    @Test func theLotKeysGoBelowOneCoin() {
        var state = Self.perp()
        #expect(state.session.lotSize == 0 && state.session.manualLot == 0.1, "fractional: b trades a tenth of a coin")
        state.perform(.lotDown)
        #expect(state.session.lotSize == 0.05)
        for _ in 0..<10 { state.perform(.lotDown) }
        #expect(state.session.lotSize == 0.001, "the smallest lot is a thousandth of a coin")
        for _ in 0..<20 { state.perform(.lotUp) }
        #expect(state.session.lotSize == 10, "the largest is ten coins")
        let before = state.session.stockShares
        state.perform(.buyLot)
        #expect(abs(state.session.stockShares - before - 10) < 1e-12)
    }

    @Test func equityKeepsItsShareLots() {
        var state = AppState(PlaySettings(scenario: .classicScalp, seed: 3, startPaused: true))
        let lot = state.session.lotSize
        state.perform(.lotUp)
        #expect(state.session.lotSize > lot && state.session.lotSize == state.session.lotSize.rounded())
        let text = Dashboard.render(state, width: 140, height: 40).text
        #expect(text.contains(" sh ") && text.contains(" stock "))
    }
}

/// The end of a session shorter than its book, on the screen: the summary says the session's
/// days are over and what the options have left, the header counts down to the session's end.
@Suite("The session's horizon on the screen")
struct HorizonScreenTests {
    @Test func thetaBleedSaysItsDaysAreOver() throws {
        var state = AppState(PlaySettings(scenario: try #require(Scenario.named("theta-bleed")), seed: 3, startPaused: true))
        let header = Dashboard.render(state, width: 140, height: 40).text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("ends in 10d 00h00m") && header.contains("expiry 30d 00h00m"), "\(header)")
        state.advance(steps: state.session.config.steps)
        #expect(state.endReason == .horizon)
        for (width, height) in [(80, 24), (140, 40)] {
            let text = Dashboard.render(state, width: width, height: height).text
            #expect(text.contains("The session's 10 days are over;"), "\(text)")
            #expect(!text.contains("expired"), "\(text)")
        }
    }
}
