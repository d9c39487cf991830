import Foundation
import Testing
@testable import ScalpEngine

@Suite("Option book")
struct OptionBookTests {
    let book = OptionBook([
        OptionPosition(kind: .call, strike: 100, expiry: 0.5, quantity: 10, multiplier: 100, impliedVol: 0.2),
        OptionPosition(kind: .put, strike: 95, expiry: 0.25, quantity: -5, multiplier: 100, impliedVol: 0.3),
    ])

    @Test func greeksAggregateByUnits() {
        let call = BlackScholes.greeks(kind: .call, spot: 101, strike: 100, volatility: 0.2, timeToExpiry: 0.4, rate: 0.03)
        let put = BlackScholes.greeks(kind: .put, spot: 101, strike: 95, volatility: 0.3, timeToExpiry: 0.15, rate: 0.03)
        let total = book.greeks(spot: 101, time: 0.1, rate: 0.03, dividendYield: 0)
        #expect(close(total.price, 1000 * call.price - 500 * put.price, rel: 1e-14))
        #expect(close(total.delta, 1000 * call.delta - 500 * put.delta, rel: 1e-14))
        #expect(close(total.gamma, 1000 * call.gamma - 500 * put.gamma, rel: 1e-13))
        #expect(close(book.delta(spot: 101, time: 0.1, rate: 0.03, dividendYield: 0), total.delta, rel: 1e-14))
        #expect(close(book.gamma(spot: 101, time: 0.1, rate: 0.03, dividendYield: 0), total.gamma, rel: 1e-13))
    }

    @Test func vegaWeightedImpliedVol() {
        let vegaCall = 1000 * BlackScholes.greeks(kind: .call, spot: 100, strike: 100, volatility: 0.2, timeToExpiry: 0.5).vega
        let vegaPut = 500 * BlackScholes.greeks(kind: .put, spot: 100, strike: 95, volatility: 0.3, timeToExpiry: 0.25).vega
        let expected = (vegaCall * 0.2 + vegaPut * 0.3) / (vegaCall + vegaPut)
        #expect(close(book.impliedVol(spot: 100, time: 0, rate: 0, dividendYield: 0), expected, rel: 1e-14))
    }

    @Test func expiredPositionsSettleAndDropOut() {
        var settling = book
        #expect(settling.nextExpiry == 0.25)
        let cash = settling.settleExpired(at: 0.25, spot: 90)
        #expect(cash == -5 * 100 * 5)
        #expect(settling.positions[1].isSettled && !settling.positions[0].isSettled)
        #expect(settling.nextExpiry == 0.5)
        let greeks = settling.greeks(spot: 90, time: 0.25, rate: 0, dividendYield: 0)
        let callOnly = BlackScholes.greeks(kind: .call, spot: 90, strike: 100, volatility: 0.2, timeToExpiry: 0.25).scaled(by: 1000)
        #expect(close(greeks.delta, callOnly.delta, rel: 1e-14))
        #expect(settling.settleExpired(at: 0.3, spot: 90) == 0)
    }
}
