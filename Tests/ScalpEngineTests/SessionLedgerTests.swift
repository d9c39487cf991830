import Foundation
import Testing
@testable import ScalpEngine

@Suite("SessionLedger: cash, stock, counts and the P&L identity")
struct SessionLedgerTests {
    private func ledger(premium: Double = 10, keepsTrades: Bool = true, history: Int = 2) -> SessionLedger {
        let opening = OptionGreeks(price: premium, delta: 0.5, gamma: 0.02, vega: 0.4, theta: -5, rho: 0.3)
        return SessionLedger(opening: opening, spot: 100, keepsTrades: keepsTrades, tradeHistory: history)
    }

    @Test func theOptionsArePaidFromCashSoPnLStartsAtZero() {
        let books = ledger(premium: 10)
        #expect(books.cash == -10)
        #expect(books.pnl(spot: 100, optionsValue: 10) == 0)
    }

    @Test func aTradeAtSpotMovesPnLOnlyByItsCost() {
        var books = ledger()
        books.book(shares: -50, price: 100, cost: 1.5, isManual: false)
        #expect(books.stockShares == -50 && books.cash == -10 + 5000 - 1.5)
        #expect(abs(books.pnl(spot: 100, optionsValue: 10) - -1.5) < 1e-12)
        // Stock held moves the P&L with spot: 50 short, spot up 2 → −100.
        #expect(abs(books.pnl(spot: 102, optionsValue: 10) - (-1.5 - 100)) < 1e-9)
        #expect(books.attribution.costs == -1.5 && books.lastStep.costs == -1.5)
        #expect(books.sharesTraded == 50 && books.notionalTraded == 5000 && books.spotAtLastHedge == 100)
    }

    @Test func countsSplitByHandAutoAndCloseOut() {
        var books = ledger()
        books.book(shares: 10, price: 100, cost: 0, isManual: true)
        books.book(shares: 5, price: 101, cost: 0, isManual: false)
        books.book(shares: -15, price: 99, cost: 0, isManual: false)
        books.closeOutTradeCount = 1
        #expect(books.tradeCount == 3 && books.manualTradeCount == 1 && books.autoTradeCount == 1)
    }

    @Test func financingAccruesOnCashLessThePerpsNotionalAndOnStock() {
        var books = ledger(premium: 0)
        books.book(shares: 10, price: 100, cost: 0, isManual: false)  // cash −1000
        let accrued = books.accrue(interestPerStep: 0.01, dividendPerStep: 0.002, perpNotionalCash: -400, previousSpot: 100)
        #expect(abs(accrued - ((-1000 + 400) * 0.01 + 10 * 100 * 0.002)) < 1e-12)
        #expect(books.attribution.financing == accrued && books.cash == -1000 + accrued)
    }

    @Test func fundingAndOptionTradesHaveTheirOwnBuckets() {
        var books = ledger(premium: 0)
        books.receive(funding: 3)
        // One contract of 10 units at a mark of 2.00, filled at 2.05: 20 of value, 0.50 of spread.
        let order = OptionOrder(kind: .call, strike: 100, expiry: 0.1, quantity: 1, multiplier: 10)
        let quote = OptionQuote(impliedVol: 0.2, fillVol: 0.21, markPrice: 2, fillPrice: 2.05, units: 10, unitDelta: 0.5)
        books.bookOption(OptionFill(step: 7, time: 0.01, order: order, quote: quote))
        #expect(books.attribution.funding == 3 && abs(books.attribution.costs + 0.5) < 1e-12)
        #expect(abs(books.cash - (3 - 20.5)) < 1e-12 && books.optionTradeCount == 1)
        #expect(books.optionFills.map(\.step) == [7] && abs(books.optionFills[0].premium - 20.5) < 1e-12)
    }

    @Test func recentTradesKeepTheNewestWithinTheHistory() {
        var books = ledger(history: 2)
        for index in 0..<3 {
            books.record(Trade(time: 0, step: index, quantity: 1, price: 100, cost: 0, reason: .manual))
        }
        #expect(books.recentTrades.map(\.step) == [1, 2])
        books.noteSending(midWhenSent: 99.5, sentStep: 1, step: 2)
        #expect(books.recentTrades.last?.midWhenSent == 99.5 && books.recentTrades.last?.sentStep == 1)
    }

    @Test func aStepsAttributionExplainsTheMarkedPnL() {
        // A session's ledger after one full-detail step: the buckets add up to the P&L's change.
        var session = Session(config: Scenario.classicScalp.config, seed: 5)
        let before = session.pnl
        session.apply(.tick)
        let step = session.lastStep
        #expect(abs(step.total - (session.pnl - before)) < 1e-7)
        #expect(session.ledger.pnl(spot: session.spot, optionsValue: session.currentGreeks().price) == session.pnl)
    }
}
