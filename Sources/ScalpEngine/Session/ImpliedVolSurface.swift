import Foundation

/// The session's implied vols as they move: the at-the-money level, its dynamics and links,
/// scheduled events' jumps, and the model (term structure, skew, sticky rule) that turns the
/// level into each option's vol and into the smile's delta. Vols are annualised fractions.
public struct ImpliedVolSurface: Sendable {
    /// The at-the-money implied vol now: what the dynamics move and new options are priced from.
    public internal(set) var atmVol: Double
    /// The scenario's implied-vol model (nil: a flat level that only events move).
    let model: ImpliedVolModel?
    /// The scheduled events: their jumps and the variance they add to the expiries they span.
    let events: EventSchedule
    /// Spot at time 0 (sticky strike and moneyness read it) and the carry r − q.
    let openingSpot: Double
    let carry: Double
    /// The session's grid step, years: the realized-vol link's estimator is annualised by it.
    let timeStep: Double
    /// The level's dynamics, on their own stream so that a scenario's price path is the same
    /// with or without them.
    var dynamics: ImpliedVolDynamics
    var rng: Xoshiro256StarStar
    /// The EWMA realized vol the realized-vol link pulls implied toward (nil without the link).
    var linkedRealizedVol: EWMAVolEstimator?
    /// Whether any position's implied vol can change during the session. The step skips
    /// this part entirely when not.
    let moves: Bool
    /// Whether moving vols re-mark every position through the model (its dynamics, skew, term
    /// structure, or events' priced moves) rather than only adding the events' jumps to each
    /// position's own vol.
    let remarksThroughModel: Bool
    /// Whether the hedge delta adds each option's vega times ∂σ/∂S (`HedgeDelta.smile`).
    let hedgesSmile: Bool

    /// The surface of `config` at time 0, its ATM level `atmVol`, its moves drawn from `rng`.
    init(config: SessionConfig, atmVol: Double, rng: Xoshiro256StarStar) {
        self.atmVol = atmVol
        model = config.impliedVolModel
        events = config.events
        openingSpot = config.spot
        carry = config.rate - config.dividendYield
        timeStep = config.timeStep
        dynamics = config.impliedVolModel?.dynamics ?? .constant
        self.rng = rng
        if config.impliedVolModel?.realizedLink != nil { linkedRealizedVol = EWMAVolEstimator(halfLife: config.ewmaHalfLife) }
        moves = config.impliedVolModel?.remarksBook == true || !config.events.isEmpty
        remarksThroughModel = config.impliedVolModel?.remarksBook == true || config.events.pricesMoves
            || (config.impliedVolModel?.term != nil && !config.events.isEmpty)
        hedgesSmile = config.hedgeDelta == .smile
    }

    /// The model in force; without one, a flat level that only events move.
    var volModel: ImpliedVolModel { model ?? ImpliedVolModel(atmVol: atmVol) }

    /// The implied vol a new option at `strike` expiring at session time `expiry` (years)
    /// trades at when spot is `spot` at session time `time`.
    func impliedVol(forStrike strike: Double, expiry: Double, spot: Double, time: Double) -> Double {
        volModel.impliedVol(strike: strike, expiry: expiry, spot: spot, time: time, atmVol: atmVol,
                            openingSpot: openingSpot, carry: carry, events: events)
    }

    /// The ATM implied vol of the expiry at session time `expiry` at session time `time`.
    func atmVol(expiry: Double, time: Double) -> Double {
        volModel.atmVol(expiry: expiry, time: time, level: atmVol, events: events)
    }

    /// ∂σ/∂S of the option at `strike` expiring at `expiry`, vol per currency of spot.
    func volSpotSlope(forStrike strike: Double, expiry: Double, spot: Double, time: Double) -> Double {
        volModel.volSpotSlope(strike: strike, expiry: expiry, spot: spot, time: time, atmVol: atmVol,
                              openingSpot: openingSpot, carry: carry, events: events)
    }

    /// What the smile adds to `book`'s Black-Scholes delta, shares: Σ units · vega · ∂σ/∂S,
    /// each option's vega at its implied vol and ∂σ/∂S from the sticky rule.
    func smileDelta(of book: OptionBook, spot: Double, time: Double, rate: Double, dividendYield: Double) -> Double {
        let model = volModel
        var total = 0.0
        for position in book.positions where !position.isSettled {
            let slope = model.volSpotSlope(strike: position.strike, expiry: position.expiry, spot: spot, time: time,
                                           atmVol: atmVol, openingSpot: openingSpot, carry: carry, events: events)
            guard slope != 0 else { continue }
            let vega = position.unitGreeks(spot: spot, time: time, rate: rate, dividendYield: dividendYield).vega
            total += position.units * vega * slope
        }
        return total
    }

    /// Moves the ATM level over a step of `stepLength` years from `previousSpot` to `spot`
    /// (dynamics, the spot-vol and realized-vol links, then the events' `eventChange`), and
    /// re-marks `book`'s live positions at session time `time`. Across a market closure
    /// (`isCrossingGap`) the realized-vol link skips the gap's return.
    mutating func move(book: inout OptionBook, eventChange: Double, spot: Double, previousSpot: Double,
                       time: Double, stepLength: Double, isCrossingGap: Bool) {
        let floor = ImpliedVolDynamics.minimumVol
        var atm = dynamics.advance(atmVol: atmVol, dt: stepLength, using: &rng)
        if let beta = model?.spotVolBeta, beta != 0 {
            atm = SpotVolLink.linked(atmVol: atm, beta: beta, logReturn: log(spot / previousSpot))
        }
        if let link = model?.realizedLink {
            if !isCrossingGap { linkedRealizedVol?.add(logReturn: log(spot / previousSpot)) }
            if let realized = linkedRealizedVol?.volatility(dt: timeStep) {
                atm = link.relax(atmVol: atm, realized: realized, dt: stepLength)
            }
        }
        atmVol = max(atm + eventChange, floor)
        if remarksThroughModel {
            let model = volModel
            for index in book.positions.indices where !book.positions[index].isSettled {
                let position = book.positions[index]
                book.positions[index].impliedVol = model.impliedVol(
                    strike: position.strike, expiry: position.expiry, spot: spot, time: time, atmVol: atmVol,
                    openingSpot: openingSpot, carry: carry, events: events)
            }
        } else if eventChange != 0 {
            // Each position keeps its own vol and takes the event's jump on top.
            for index in book.positions.indices where !book.positions[index].isSettled {
                book.positions[index].impliedVol = max(book.positions[index].impliedVol + eventChange, floor)
            }
        }
    }
}
