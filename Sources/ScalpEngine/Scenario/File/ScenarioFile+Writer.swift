import Foundation

/// Writing a scenario back as a commented TOML file that reads back to an equal scenario.
///
/// What a file cannot say is not written: the session's `detail` and `tradeHistory` (screen
/// settings, not the scenario's), and a process drift or dividend different from the
/// market's (a file has one of each, in `[market]`: the process's drift, the session's dividend).
extension ScenarioFile {
    /// The scenario as TOML text, every key with a comment giving its unit.
    public static func write(_ scenario: Scenario) -> String {
        var out = TOMLWriter()
        let config = scenario.config
        out.comment("gammascalp scenario. Times are " + (config.dayCount == .calendarDays ? "calendar" : "trading")
                    + " days or minutes; rates, yields and vols are")
        out.comment("annualised fractions (0.05 = 5%). Every key is described in the README's scenario reference.")
        out.string("name", scenario.name, "short identifier")
        out.string("description", scenario.description, nil)
        out.string("goal", scenario.learningGoal, nil)

        let drift = drift(of: config.process)
        out.section("market")
        out.number("spot", config.spot, "currency")
        out.number("drift", drift, "expected total return μ per year")
        out.number("rate", config.rate, "riskless rate per year, continuous")
        out.number("dividend", config.dividendYield, "dividend yield per year, continuous")
        let clock = config.dayCount
        if let choice = config.dayCountChoice {
            out.string("calendar", choice.rawValue, "calendar-days (365 a year) | trading-days (252 of 6.5 hours)")
        }
        if let calendar = config.equityCalendar {
            out.raw("step_minutes", decimal(config.stepMinutes), "trading minutes per step")
            out.raw("days", decimal(Double(config.steps / calendar.gridStepsPerDay)), "session length, trading days")
        } else {
            let minutes = minutesText(years: config.timeStep, clock: clock)
            out.raw("step_minutes", minutes, "simulated minutes per step")
            let days = (Double(minutes) ?? 0) * Double(config.steps) / (clock.hoursPerDay * 60)
            out.raw("days", String(format: "%.12g", days).replacingPlus, "session length, \(clock.noun) (\(config.steps) steps)")
        }

        out.section("process")
        writeProcess(config.process, to: &out)

        out.section("implied")
        let term = scenario.impliedVolModel.term
        if term == nil {
            out.number("atm_vol", scenario.atmImpliedVol, "ATM implied vol at the start")
        } else {
            out.comment("ATM level: the term structure's vol at the first book expiry, \(decimal((scenario.atmImpliedVol * 1e4).rounded() / 100))%")
        }
        switch scenario.impliedVolDynamics {
        case .constant:
            out.string("dynamics", "constant", "constant | mean-reverting")
        case .meanReverting(let walk):
            out.string("dynamics", "mean-reverting", "constant | mean-reverting")
            out.number("speed", walk.speed, "mean-reversion speed κ per year")
            out.number("long_run", walk.longRun, "the level implied vol reverts to")
            out.number("vol_of_vol", walk.volOfVol, "vol of implied vol per √year")
        case .historical:
            out.comment("implied vol recorded in a price file: replay it with --prices, it has no scenario-file form")
        }
        if let skew = scenario.skew {
            out.number("skew_slope", skew.slope, "IV change per unit of ln(strike/spot)")
            out.number("skew_curvature", skew.curvature, "IV change per unit of ln(strike/spot)²")
        } else {
            out.comment("no skew: skew_slope and skew_curvature give each strike its own implied vol")
        }
        out.string("sticky", scenario.impliedVolModel.sticky.rawValue, "moneyness | strike | delta: how the smile moves with spot")
        out.number("spot_vol_beta", scenario.impliedVolModel.spotVolBeta, "ATM vol change per unit of log return (< 0: a sell-off lifts vol)")
        if let link = scenario.impliedVolModel.realizedLink {
            out.number("follow_realized", link.rate, "per year: ATM vol relaxes toward EWMA realized + premium")
            out.number("risk_premium", link.premium, "implied over realized, vol as a fraction")
        } else {
            out.comment("no realized-vol link: follow_realized (per year) and risk_premium pull ATM vol toward realized")
        }
        if term == nil { out.comment("no term structure: [[implied.term]] tables (expiry_days, atm_vol) give each expiry its own ATM vol") }
        for pillar in term?.pillars ?? [] {
            out.arraySection("implied.term")
            out.raw("expiry_days", daysText(years: pillar.expiry), "calendar days from the start")
            out.number("atm_vol", pillar.atmVol, "that expiry's ATM vol before events; total variance interpolated")
        }

        if scenario.events.isEmpty {
            out.blank()
            out.comment("no scheduled events: add [[events]] tables (after_days, label, price_jump, vol_change, event_move)")
        }
        for event in scenario.events.events {
            out.arraySection("events")
            out.raw("after_days", daysText(years: event.time, clock: clock), "session time, days after the start")
            out.string("label", event.label, nil)
            out.number("price_jump", event.logPriceJump, "price gap, log return")
            out.number("vol_change", event.impliedVolChange, "change of the ATM implied vol")
            if let move = event.expectedMove {
                out.number("event_move", move, "expected absolute move priced in, fraction of spot: variance (π/2)·move²")
            }
        }

        for line in bookLines(config.book) {
            out.arraySection("book")
            out.string("kind", line.kind, "call | put | straddle (a call and a put)")
            out.number("strike", line.position.strike, "currency")
            out.raw("expiry_days", daysText(years: line.position.expiry, clock: clock), "\(clock.noun) from the start")
            out.number("quantity", line.position.quantity, "contracts, negative = short")
            out.number("multiplier", line.position.multiplier, "shares per contract")
            let position = line.position
            if let model = config.impliedVolModel, model.skew != nil || model.term != nil || scenario.events.pricesMoves,
               position.impliedVol == model.impliedVol(strike: position.strike, expiry: position.expiry, spot: config.spot,
                                                       time: 0, atmVol: scenario.atmImpliedVol, openingSpot: config.spot,
                                                       carry: config.rate - config.dividendYield, events: scenario.events) {
                // Reading derives the same vol again, so the file says where it comes from instead.
                out.comment("implied_vol from the ATM vol of its expiry and the skew: \(decimal((position.impliedVol * 1e4).rounded() / 100))%")
            } else {
                out.number("implied_vol", position.impliedVol, "the vol it is traded and marked at")
            }
        }

        out.section("hedging")
        out.number("lot", config.lotSize, "shares per lot; 0 = fractional shares")
        out.number("cost_bps", config.costs.halfSpreadBps, "half-spread per trade, basis points of notional")
        out.number("fee", config.costs.feePerShare, "commission per share, currency")
        out.number("option_spread_vol", config.costs.optionHalfSpreadVol, "option ticket half-spread, in vol (0.005 = ½ vol point)")
        out.string("policy", config.hedgeRule.description, "none | every:K | band:X[:edge] | move:P | ww[:γ][:neutral] | ladder:X[:SIZE]")
        out.bool("auto", config.autoHedge, "auto-hedge on at the start")
        out.string("benchmark", scenario.benchmarkRule.description, "the benchmark hedger's policy")
        out.string("hedge_vol", config.hedgeVolatility.rawValue, "implied | ewma | rolling (own estimate) | true (unseeable; teaching)")
        out.string("hedge_delta", config.hedgeDelta.rawValue, "bs | smile (adds vega · ∂σ/∂S under the sticky rule)")

        writeExecution(config.executionTerms, calendar: config.equityCalendar, to: &out)

        out.section("limits", comment: "omit a key for no limit")
        if let netDelta = scenario.riskLimits.netDelta { out.number("net_delta", netDelta, "largest |net delta|, shares") }
        if let loss = scenario.riskLimits.loss { out.number("loss", loss, "largest loss, currency") }

        out.section("training")
        out.number("risk_aversion", scenario.riskAversion, "λ per currency: the score's U = P&L − luck − (λ/2)·Σ Δ²·Var")
        if scenario.coachInClass { out.bool("coach_in_class", true, "the coach (m) answers in a class too") }

        out.section("session")
        out.number("speed", scenario.stepsPerSecond, "live steps per second")
        out.raw("vol_window", String(config.volatilityWindow), "rolling realized-vol window, steps")
        out.number("ewma_half_life", config.ewmaHalfLife, "EWMA realized-vol half-life, steps")
        return out.text
    }

    /// The drift μ to write in `[market]`: the process's.
    static func drift(of process: MarketProcess) -> Double {
        switch process {
        case .geometricBrownian(let p): p.drift
        case .mertonJumpDiffusion(let p): p.drift
        case .regimeSwitching(let p): p.drift
        case .heston(let p): p.drift
        case .historical: 0
        }
    }

    static func writeProcess(_ process: MarketProcess, to out: inout TOMLWriter) {
        let kinds = "gbm | merton | regime | heston"
        switch process {
        case .geometricBrownian(let p):
            out.string("kind", "gbm", kinds)
            out.number("vol", p.volatility, "realized vol σ per year")
        case .mertonJumpDiffusion(let p):
            out.string("kind", "merton", kinds)
            out.number("vol", p.volatility, "diffusion vol σ per year, between jumps")
            out.number("jump_intensity", p.jumpIntensity, "expected jumps per year")
            out.number("jump_mean", p.jumpMean, "mean log jump")
            out.number("jump_stdev", p.jumpStdev, "standard deviation of the log jump")
        case .regimeSwitching(let p):
            out.string("kind", "regime", kinds)
            out.number("calm_vol", p.calmVolatility, "realized vol per year when calm")
            out.number("stressed_vol", p.stressedVolatility, "realized vol per year when stressed")
            out.number("calm_to_stressed", p.calmToStressedRate, "switching rate per year (mean calm spell 1/rate years)")
            out.number("stressed_to_calm", p.stressedToCalmRate, "switching rate per year")
            out.string("start", p.regime.rawValue, "calm | stressed")
        case .heston(let p):
            out.string("kind", "heston", kinds)
            out.number("initial_variance", p.variance, "v₀ per year (0.04 = 20% vol)")
            out.number("long_run_variance", p.longRunVariance, "θ per year")
            out.number("mean_reversion", p.meanReversion, "κ per year")
            out.number("vol_of_vol", p.volOfVol, "ξ per √year")
            out.number("correlation", p.correlation, "ρ of price and variance shocks")
            out.string("scheme", p.scheme.rawValue, "qe | full-truncation")
        case .historical:
            out.comment("a recorded price history: replay it with --prices, it has no scenario-file form")
        }
    }

    /// The book as file lines: a call directly followed by its matching put is one straddle.
    static func bookLines(_ book: OptionBook) -> [(kind: String, position: OptionPosition)] {
        var lines: [(kind: String, position: OptionPosition)] = []
        var index = 0
        let positions = book.positions
        while index < positions.count {
            let position = positions[index]
            if position.kind == .call, index + 1 < positions.count {
                var put = position
                put.kind = .put
                if positions[index + 1] == put {
                    lines.append(("straddle", position))
                    index += 2
                    continue
                }
            }
            lines.append((position.kind.rawValue, position))
            index += 1
        }
        return lines
    }
}

private extension String {
    /// `%g` writes exponents as `1e+06`; TOML accepts the plus sign, but plain is easier to read.
    var replacingPlus: String { replacingOccurrences(of: "e+", with: "e") }
}
