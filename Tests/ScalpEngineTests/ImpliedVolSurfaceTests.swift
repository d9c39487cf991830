import Foundation
import Testing
@testable import ScalpEngine

@Suite("ImpliedVolSurface: the ATM level, its moves and the smile")
struct ImpliedVolSurfaceTests {
    private let rng = Xoshiro256StarStar(seed: 1, stream: 0)

    @Test func aFlatBookWithoutEventsNeverMoves() {
        let surface = ImpliedVolSurface(config: unitOptionConfig(), atmVol: 0.2, rng: rng)
        #expect(!surface.moves && !surface.remarksThroughModel && !surface.hedgesSmile)
        #expect(surface.impliedVol(forStrike: 120, expiry: 1, spot: 100, time: 0) == 0.2)
        let book = unitOptionConfig().book
        #expect(surface.smileDelta(of: book, spot: 100, time: 0, rate: 0.05, dividendYield: 0) == 0)
    }

    @Test func anEventsJumpLandsOnEachLivePosition() {
        var surface = ImpliedVolSurface(config: unitOptionConfig(), atmVol: 0.2, rng: rng)
        var book = unitOptionConfig().book
        let before = book.positions.map(\.impliedVol)
        surface.move(book: &book, eventChange: -0.05, spot: 100, previousSpot: 100, time: 0.1, stepLength: 0.01,
                     isCrossingGap: false)
        #expect(abs(surface.atmVol - 0.15) < 1e-15)
        #expect(zip(book.positions, before).allSatisfy { abs($0.impliedVol - ($1 - 0.05)) < 1e-15 })
        // Never below the floor.
        surface.move(book: &book, eventChange: -1, spot: 100, previousSpot: 100, time: 0.2, stepLength: 0.01,
                     isCrossingGap: false)
        #expect(surface.atmVol == ImpliedVolDynamics.minimumVol)
        #expect(book.positions.allSatisfy { $0.impliedVol == ImpliedVolDynamics.minimumVol })
    }

    @Test func theSessionsQuotesAreTheModels() throws {
        let scenario = try #require(Scenario.builtIn.first { $0.config.impliedVolModel?.skew != nil })
        let config = scenario.config
        let session = Session(config: config, seed: 3)
        let model = try #require(config.impliedVolModel)
        let expiry = try #require(config.book.nextExpiry)
        let direct = model.impliedVol(strike: config.spot * 1.1, expiry: expiry, spot: session.spot, time: 0,
                                      atmVol: session.atmImpliedVol, openingSpot: config.spot,
                                      carry: config.rate - config.dividendYield, events: config.events)
        #expect(session.impliedVol(forStrike: config.spot * 1.1, expiry: expiry) == direct)
        #expect(session.volSurface.moves == (model.remarksBook || !config.events.isEmpty))
    }
}
