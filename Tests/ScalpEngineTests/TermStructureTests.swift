import Foundation
import Testing
@testable import ScalpEngine

/// The implied surface across expiries: the term structure, the events' priced variance, and
/// the calendar that must stay free of arbitrage.
@Suite("Term structure and event variance")
struct TermStructureTests {
    static let term = VolTermStructure([.init(expiry: 7 / 365, atmVol: 0.32), .init(expiry: 30 / 365, atmVol: 0.30),
                                        .init(expiry: 90 / 365, atmVol: 0.26)])!

    /// At the pillars the vol is the pillar's; between them the total variance σ²T is linear in
    /// T; beyond them the vol is flat.
    @Test func interpolatesInTotalVariance() {
        let term = Self.term
        for pillar in term.pillars { #expect(close(term.atmVol(expiry: pillar.expiry), pillar.atmVol, rel: 1e-15)) }
        let (a, b) = (term.pillars[0], term.pillars[1])
        for weight in [0.1, 0.5, 0.9] {
            let t = a.expiry + weight * (b.expiry - a.expiry)
            let expected = a.totalVariance + weight * (b.totalVariance - a.totalVariance)
            #expect(close(term.atmVol(expiry: t) * term.atmVol(expiry: t) * t, expected, rel: 1e-13))
        }
        #expect(term.atmVol(expiry: 1 / 365) == 0.32 && term.atmVol(expiry: 2) == 0.26)
        #expect(term.calendarArbitrage == nil)
        let inverted = VolTermStructure([.init(expiry: 0.1, atmVol: 0.4), .init(expiry: 0.2, atmVol: 0.2)])!
        #expect(inverted.calendarArbitrage?.longer.expiry == 0.2)
    }

    /// σ_e² = (π/2)·m²: for X ~ N(0, σ_e²), E|X| = m (the integral by the midpoint rule).
    @Test func eventMoveIsTheExpectedAbsoluteMoveOfANormal() {
        let event = ScheduledEvent(time: 0.01, label: "earnings", expectedMove: 0.05)
        let sigma = event.variance.squareRoot()
        let h = sigma / 2000
        var meanAbs = 0.0
        for i in 0..<20_000 {
            let x = (Double(i) + 0.5) * h
            meanAbs += 2 * x * exp(-x * x / (2 * sigma * sigma)) / (sigma * (2 * Double.pi).squareRoot()) * h
        }
        #expect(close(meanAbs, 0.05, rel: 1e-6))
        #expect(ScheduledEvent(time: 0.01, label: "x").variance == 0)
    }

    /// A session over a term structure and one priced event: `model`'s level, the book a
    /// straddle per expiry.
    static func config(term: VolTermStructure? = Self.term, event: ScheduledEvent, model: ImpliedVolModel? = nil,
                       expiries: [Double] = [3.0, 14, 60].map { $0 / 365 }) -> SessionConfig {
        var config = unitOptionConfig(expiry: 5 / 365, realizedVol: 0.3, steps: 5 * 288, rule: .none)
        var vol = model ?? ImpliedVolModel(atmVol: 0.3)
        vol.term = term
        if let term { vol.atmVol = term.atmVol(expiry: expiries[0]) }
        config.impliedVolModel = vol
        config.events = [event]
        config.book = OptionBook(expiries.flatMap { expiry in
            [OptionKind.call, .put].map { kind in
                OptionPosition(kind: kind, strike: 100, expiry: expiry, quantity: 10,
                               impliedVol: vol.impliedVol(strike: 100, expiry: expiry, spot: 100, time: 0, atmVol: vol.atmVol,
                                                          openingSpot: 100, carry: 0.05, events: config.events))
            }
        })
        return config
    }

    /// Before the event, an expiry that spans it carries its variance on top of the term's:
    /// σ²(T − t) = σ_d²(T − t) + σ_e²; one that expires first carries none; after the event
    /// the premium is gone and every expiry is back on the term structure. The ticket quotes
    /// each expiry at that vol, and the book is marked at it.
    @Test func eventVarianceIsCarriedOnlyByTheExpiriesThatSpanIt() {
        let event = ScheduledEvent(time: 2 / 365, logPriceJump: -0.04, label: "earnings", expectedMove: 0.06)
        var session = Session(config: Self.config(event: event), seed: 3)
        let (short, spanning) = (1.0 / 365, 14.0 / 365)
        var sawBefore = false, sawAfter = false
        while !session.isFinished {
            session.apply(.tick)
            let t = session.time
            let diffusive = Self.term.atmVol(expiry: spanning)
            let vol = session.atmImpliedVol(expiry: spanning)
            if t < event.time - 1e-9 {
                sawBefore = true
                #expect(close(vol * vol * (spanning - t), diffusive * diffusive * (spanning - t) + event.variance, rel: 1e-12))
                if t < short { #expect(close(session.atmImpliedVol(expiry: short), Self.term.atmVol(expiry: short), rel: 1e-14)) }
            } else {
                sawAfter = true
                #expect(close(vol, diffusive, rel: 1e-14))
            }
            let quote = session.quote(OptionOrder(kind: .call, strike: 100, expiry: spanning, quantity: 1, multiplier: 1))
            #expect(quote.impliedVol == vol)
            for position in session.book.positions where !position.isSettled {
                #expect(position.impliedVol == session.atmImpliedVol(expiry: position.expiry))
            }
        }
        #expect(sawBefore && sawAfter)
        #expect(session.latestEvent == event)
    }

    /// No calendar arbitrage at any step, through the event: on a grid of expiries the ATM
    /// total variance σ(T)²·(T − t) is non-decreasing in T, with the level moved by a mean-
    /// reverting walk, the spot-vol link and a vol_change, over an inverted term structure.
    @Test(arguments: [StickyRule.moneyness, .strike, .delta])
    func calendarStaysFreeOfArbitrageThroughEvents(sticky: StickyRule) {
        let events: [ScheduledEvent] = [
            ScheduledEvent(time: 1 / 365, logPriceJump: 0.03, impliedVolChange: -0.1, label: "cpi", expectedMove: 0.03),
            ScheduledEvent(time: 3 / 365, logPriceJump: -0.06, label: "earnings", expectedMove: 0.08),
        ]
        let inverted = VolTermStructure([.init(expiry: 2 / 365, atmVol: 0.6), .init(expiry: 10 / 365, atmVol: 0.4),
                                         .init(expiry: 60 / 365, atmVol: 0.22)])!
        #expect(inverted.calendarArbitrage == nil)
        let model = ImpliedVolModel(atmVol: 0.3, dynamics: .meanReverting(speed: 4, longRun: 0.3, volOfVol: 1.5),
                                    skew: VolSkew(slope: -0.2, curvature: 0.3), sticky: sticky, spotVolBeta: -0.8)
        for term in [inverted, Self.term] {
            var config = Self.config(term: term, event: events[0], model: model)
            config.events = EventSchedule(events)
            var session = Session(config: config, seed: 17)
            let grid = (1...120).map { Double($0) / 365 / 2 }
            var steps = 0
            while !session.isFinished {
                session.apply(.tick)
                steps += 1
                let live = grid.filter { $0 > session.time + 1e-9 }
                let variances = live.map { session.atmImpliedVol(expiry: $0).squared * ($0 - session.time) }
                for (shorter, longer) in zip(variances, variances.dropFirst()) {
                    #expect(longer >= shorter * (1 - 1e-12), "step \(steps): \(longer) < \(shorter)")
                }
            }
        }
    }

    /// ∂σ/∂S (`volSpotSlope`) against a central difference of the surface in spot, with the
    /// level moved by β·ln(S′/S) as the spot-vol link moves it, for every sticky rule, with a
    /// term structure and an event ahead.
    @Test(arguments: [StickyRule.moneyness, .strike, .delta])
    func volSpotSlopeIsTheSurfacesDerivative(sticky: StickyRule) {
        let event = ScheduledEvent(time: 10 / 365, label: "earnings", expectedMove: 0.05)
        let model = ImpliedVolModel(atmVol: 0.3, skew: VolSkew(slope: -0.25, curvature: 0.5), sticky: sticky,
                                    spotVolBeta: -0.7, term: Self.term)
        let events: EventSchedule = [event]
        let (spot, time, level, opening, carry) = (97.0, 2.0 / 365, 0.31, 100.0, 0.04)
        func vol(_ s: Double, strike: Double, expiry: Double) -> Double {
            model.impliedVol(strike: strike, expiry: expiry, spot: s, time: time, atmVol: level + model.spotVolBeta * log(s / spot),
                             openingSpot: opening, carry: carry, events: events)
        }
        var nonzero = 0
        for strike in [85.0, 97, 110] {
            for expiry in [5.0 / 365, 20.0 / 365, 100.0 / 365] {
                let h = 1e-3
                let numeric = (vol(spot + h, strike: strike, expiry: expiry) - vol(spot - h, strike: strike, expiry: expiry)) / (2 * h)
                let analytic = model.volSpotSlope(strike: strike, expiry: expiry, spot: spot, time: time, atmVol: level,
                                                  openingSpot: opening, carry: carry, events: events)
                #expect(close(analytic, numeric, rel: 1e-6, abs: 1e-10), "K \(strike) T \(expiry): \(analytic) vs \(numeric)")
                if abs(analytic) > 1e-4 { nonzero += 1 }
            }
        }
        #expect(nonzero == 9)
    }

    /// The smile delta is the book's total derivative along the surface: the Black-Scholes
    /// delta plus Σ units·vega·∂σ/∂S equals dV/dS with every option re-marked by the sticky
    /// rule (and the level by the spot-vol link) at S ± h; the Black-Scholes delta alone does not.
    @Test(arguments: [StickyRule.moneyness, .strike, .delta])
    func smileDeltaIsTheBooksTotalDerivative(sticky: StickyRule) {
        let event = ScheduledEvent(time: 2 / 365, logPriceJump: -0.03, label: "earnings", expectedMove: 0.05)
        let model = ImpliedVolModel(atmVol: 0.3, skew: VolSkew(slope: -0.3, curvature: 0.6), sticky: sticky, spotVolBeta: -0.5)
        var config = Self.config(event: event, model: model)
        config.book.positions.append(OptionPosition(kind: .put, strike: 90, expiry: 30 / 365, quantity: -25, impliedVol: 0.35))
        config.hedgeDelta = .smile
        var session = Session(config: config, seed: 5)
        for _ in 0..<200 { session.apply(.tick) }
        let m = session.config.impliedVolModel!
        func bookValue(_ s: Double) -> Double {
            session.book.positions.filter { !$0.isSettled }.reduce(0) { sum, p in
                let vol = m.impliedVol(strike: p.strike, expiry: p.expiry, spot: s, time: session.time,
                                       atmVol: session.atmImpliedVol + m.spotVolBeta * log(s / session.spot),
                                       openingSpot: config.spot, carry: config.rate, events: config.events)
                return sum + p.units * BlackScholes.price(kind: p.kind, spot: s, strike: p.strike, volatility: vol,
                                                          timeToExpiry: p.timeToExpiry(at: session.time), rate: config.rate,
                                                          dividendYield: 0)
            }
        }
        let h = 1e-5 * session.spot
        let total = (bookValue(session.spot + h) - bookValue(session.spot - h)) / (2 * h)
        let bs = session.currentGreeks().delta
        let smile = bs + session.smileDelta()
        #expect(close(smile, total, rel: 1e-7), "smile \(smile) vs dV/dS \(total)")
        #expect(abs(bs - total) > 1e-3 * abs(total), "BS \(bs) vs dV/dS \(total)")
        // The hedger reads it: net delta as hedged is the smile delta plus the stock.
        #expect(close(session.hedgeDelta, smile + session.stockShares, rel: 1e-12))
    }

    /// The vol-crush built-in prices its earnings through the calendar: before the event the
    /// 14-day straddle carries about 60% (the term's 31% and an 8% move), after it the term's 31%.
    @Test func volCrushCrushesThroughTheCalendar() throws {
        let scenario = try #require(Scenario.named("vol-crush"))
        let event = try #require(scenario.events.events.first)
        #expect(event.expectedMove == 0.08 && event.impliedVolChange == 0)
        var session = Session(config: TrainingSession.traineeConfig(for: scenario, autoHedge: false), seed: 1)
        let expiry = session.book.positions[0].expiry
        #expect(abs(session.book.positions[0].impliedVol - 0.60) < 0.01)
        var before = 0.0
        while session.latestEvent == nil {
            before = session.book.positions[0].impliedVol
            session.apply(.tick)
        }
        let after = session.book.positions[0].impliedVol
        #expect(before > 0.62 && abs(after - scenario.impliedVolModel.term!.atmVol(expiry: expiry)) < 0.005, "\(before) → \(after)")
    }
}

private extension Double {
    var squared: Double { self * self }
}

/// What the smile delta buys: when vols move with spot as the sticky rule says, hedging dV/dS
/// along the surface leaves less of each step's P&L to the move than Black-Scholes deltas do.
@Suite("Smile delta hedging")
struct SmileDeltaHedgingTests {
    @Test(arguments: [StickyRule.moneyness, .delta])
    func smileDeltaHedgesTheSurfacesMoves(sticky: StickyRule) {
        func stepPnLSpread(_ hedge: HedgeDelta) -> Double {
            var config = unitOptionConfig(kind: .put, strike: 95, expiry: 30 / 365, realizedVol: 0.3, steps: 2000,
                                          quantity: 100, rule: .every(PeriodicHedge(interval: 1)))
            config.timeStep = 5 / 365 / 2000
            config.impliedVolModel = ImpliedVolModel(atmVol: 0.3, skew: VolSkew(slope: -0.4, curvature: 0.5),
                                                     sticky: sticky, spotVolBeta: -0.6)
            config.book.positions[0].impliedVol = config.impliedVolModel!.impliedVol(
                strike: 95, expiry: 30 / 365, spot: 100, time: 0, atmVol: 0.3, openingSpot: 100, carry: 0.05, events: [])
            config.hedgeDelta = hedge
            var session = Session(config: config, seed: 21)
            var steps = RunningStatistics()
            while !session.isFinished {
                session.apply(.tick)
                steps.add(session.lastStep.total)
            }
            return steps.standardDeviation
        }
        let (bs, smile) = (stepPnLSpread(.bs), stepPnLSpread(.smile))
        #expect(smile < 0.3 * bs, "step P&L stdev: smile \(smile) vs Black-Scholes \(bs)")
    }
}
