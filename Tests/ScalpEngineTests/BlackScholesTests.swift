import Foundation
import Testing
@testable import ScalpEngine

@Suite("Black-Scholes-Merton pricing")
struct BlackScholesTests {
    static let kinds: [OptionKind] = [.call, .put]
    static let grid: [(s: Double, k: Double, vol: Double, t: Double, r: Double, q: Double)] = {
        var cases: [(Double, Double, Double, Double, Double, Double)] = []
        for k in [50.0, 90, 100, 110, 200] {
            for vol in [0.05, 0.2, 0.8] {
                for t in [1.0 / 365, 0.25, 2, 30] {
                    cases.append((100, k, vol, t, 0.04, 0.015))
                }
            }
        }
        return cases
    }()

    @Test func textbookValue() {
        // Hull, Options Futures and Other Derivatives: S=42, K=40, r=10%, σ=20%, T=0.5 → c=4.76, p=0.81.
        let call = BlackScholes.price(kind: .call, spot: 42, strike: 40, volatility: 0.2, timeToExpiry: 0.5, rate: 0.1)
        let put = BlackScholes.price(kind: .put, spot: 42, strike: 40, volatility: 0.2, timeToExpiry: 0.5, rate: 0.1)
        #expect(abs(call - 4.7594) < 5e-5)
        #expect(abs(put - 0.8086) < 5e-5)
    }

    @Test func putCallParity() {
        for c in Self.grid {
            let call = BlackScholes.greeks(kind: .call, spot: c.s, strike: c.k, volatility: c.vol, timeToExpiry: c.t, rate: c.r, dividendYield: c.q)
            let put = BlackScholes.greeks(kind: .put, spot: c.s, strike: c.k, volatility: c.vol, timeToExpiry: c.t, rate: c.r, dividendYield: c.q)
            let forward = c.s * exp(-c.q * c.t) - c.k * exp(-c.r * c.t)
            #expect(abs(call.price - put.price - forward) <= 1e-12 * max(c.s, c.k), "parity at \(c)")
            #expect(abs(call.delta - put.delta - exp(-c.q * c.t)) <= 1e-14)
            #expect(close(call.gamma, put.gamma, rel: 1e-13, abs: 1e-300))
            #expect(close(call.vega, put.vega, rel: 1e-13, abs: 1e-300))
        }
    }

    @Test func greeksMatchFiniteDifferences() {
        for kind in Self.kinds {
            for c in Self.grid where c.t >= 0.25 && c.vol >= 0.2 {
                func price(s: Double = c.s, vol: Double = c.vol, t: Double = c.t, r: Double = c.r) -> Double {
                    BlackScholes.price(kind: kind, spot: s, strike: c.k, volatility: vol, timeToExpiry: t, rate: r, dividendYield: c.q)
                }
                let g = BlackScholes.greeks(kind: kind, spot: c.s, strike: c.k, volatility: c.vol, timeToExpiry: c.t, rate: c.r, dividendYield: c.q)
                let hs = c.s * 1e-3
                let delta = firstDerivative(at: c.s, step: hs) { price(s: $0) }
                let gamma = secondDerivative(at: c.s, step: hs) { price(s: $0) }
                let vega = firstDerivative(at: c.vol, step: 1e-4) { price(vol: $0) }
                let theta = -firstDerivative(at: c.t, step: 1e-4) { price(t: $0) }
                let rho = firstDerivative(at: c.r, step: 1e-4) { price(r: $0) }
                let label = "\(kind) \(c)"
                #expect(close(g.delta, delta, rel: 1e-6, abs: 1e-9), "delta \(label)")
                #expect(close(g.gamma, gamma, rel: 1e-6, abs: 1e-9), "gamma \(label)")
                #expect(close(g.vega, vega, rel: 1e-7, abs: 1e-8), "vega \(label)")
                #expect(close(g.theta, theta, rel: 1e-6, abs: 1e-7), "theta \(label)")
                #expect(close(g.rho, rho, rel: 1e-6, abs: 1e-7), "rho \(label)")
            }
        }
    }

    /// Five-point central differences: error O(h⁴), so a 1e-6 relative check is meaningful.
    func firstDerivative(at x: Double, step h: Double, _ f: (Double) -> Double) -> Double {
        (8 * (f(x + h) - f(x - h)) - (f(x + 2 * h) - f(x - 2 * h))) / (12 * h)
    }

    func secondDerivative(at x: Double, step h: Double, _ f: (Double) -> Double) -> Double {
        (16 * (f(x + h) + f(x - h)) - (f(x + 2 * h) + f(x - 2 * h)) - 30 * f(x)) / (12 * h * h)
    }

    @Test func deltaFastPathAgreesWithFullGreeks() {
        for kind in Self.kinds {
            for c in Self.grid {
                let full = BlackScholes.greeks(kind: kind, spot: c.s, strike: c.k, volatility: c.vol, timeToExpiry: c.t, rate: c.r, dividendYield: c.q)
                let fast = BlackScholes.delta(kind: kind, spot: c.s, strike: c.k, volatility: c.vol, timeToExpiry: c.t, rate: c.r, dividendYield: c.q)
                #expect(full.delta == fast)
            }
        }
    }

    @Test func traderUnits() {
        let g = BlackScholes.greeks(kind: .call, spot: 100, strike: 100, volatility: 0.2, timeToExpiry: 1, rate: 0.05)
        #expect(g.thetaPerDay == g.theta / 365)
        #expect(g.vegaPerVolPoint == g.vega / 100)
        #expect(g.rhoPerPoint == g.rho / 100)
        #expect(g.theta < 0)
    }

    @Test func expiryGivesIntrinsicAndStepDelta() {
        let itm = BlackScholes.greeks(kind: .call, spot: 110, strike: 100, volatility: 0.2, timeToExpiry: 0, rate: 0.05)
        #expect(itm == OptionGreeks(price: 10, delta: 1, gamma: 0, vega: 0, theta: 0, rho: 0))
        let otm = BlackScholes.greeks(kind: .call, spot: 90, strike: 100, volatility: 0.2, timeToExpiry: 0)
        #expect(otm.price == 0 && otm.delta == 0)
        let put = BlackScholes.greeks(kind: .put, spot: 90, strike: 100, volatility: 0.2, timeToExpiry: -1)
        #expect(put.price == 10 && put.delta == -1)
        let atm = BlackScholes.greeks(kind: .put, spot: 100, strike: 100, volatility: 0.2, timeToExpiry: 0)
        #expect(atm.price == 0 && atm.delta == -0.5)
    }

    @Test func zeroAndTinyVolatility() {
        // σ = 0: the discounted forward intrinsic value, no gamma, no vega.
        let r = 0.05, t = 0.5
        let zero = BlackScholes.greeks(kind: .call, spot: 100, strike: 100, volatility: 0, timeToExpiry: t, rate: r)
        #expect(abs(zero.price - (100 - 100 * exp(-r * t))) < 1e-12)
        #expect(zero.delta == 1 && zero.gamma == 0 && zero.vega == 0)
        // A vanishing vol converges to the same values, finite all the way.
        for vol in [1e-4, 1e-8, 1e-12, 1e-200] {
            let g = BlackScholes.greeks(kind: .call, spot: 100, strike: 100, volatility: vol, timeToExpiry: t, rate: r)
            #expect(abs(g.price - zero.price) < 1e-3)
            for value in [g.price, g.delta, g.gamma, g.vega, g.theta, g.rho] { #expect(value.isFinite) }
        }
        // At the money forward with σ → 0, gamma is large but finite.
        let atmForward = BlackScholes.greeks(kind: .put, spot: 100, strike: 100 * exp(r * t), volatility: 1e-10, timeToExpiry: t, rate: r)
        #expect(atmForward.gamma.isFinite && atmForward.gamma > 0)
    }

    @Test func extremesStayFinite() {
        var rng = Xoshiro256StarStar(seed: 7)
        for _ in 0..<20_000 {
            let s = pow(10, rng.nextUnit() * 8 - 4)
            let k = s * pow(10, rng.nextUnit() * 6 - 3)
            let vol = pow(10, rng.nextUnit() * 7 - 5)
            let t = pow(10, rng.nextUnit() * 7 - 5)
            let r = rng.nextUnit() * 0.4 - 0.1
            let q = rng.nextUnit() * 0.2
            for kind in Self.kinds {
                let g = BlackScholes.greeks(kind: kind, spot: s, strike: k, volatility: vol, timeToExpiry: t, rate: r, dividendYield: q)
                let all = [g.price, g.delta, g.gamma, g.vega, g.theta, g.rho]
                #expect(all.allSatisfy { $0.isFinite }, "non-finite Greeks at \(kind) s=\(s) k=\(k) vol=\(vol) t=\(t)")
                #expect(g.price >= 0 && g.gamma >= 0 && g.vega >= 0)
                let bounds = BlackScholes.noArbitrageBounds(kind: kind, spot: s, strike: k, timeToExpiry: t, rate: r, dividendYield: q)
                #expect(g.price <= bounds.upper * (1 + 1e-12) && g.price >= bounds.lower * (1 - 1e-9) - 1e-12 * max(s, k))
            }
        }
    }

    @Test func deepInAndOutOfTheMoneyAndLongExpiry() {
        // Deep OTM call: tiny but positive and accurate in relative terms (mpmath, 50 digits).
        let otm = BlackScholes.price(kind: .call, spot: 100, strike: 300, volatility: 0.2, timeToExpiry: 0.25)
        #expect(close(otm, 3.452_916_507_741_878_6e-28, rel: 1e-11))
        // Deep ITM put ≈ discounted intrinsic.
        let itm = BlackScholes.greeks(kind: .put, spot: 10, strike: 100, volatility: 0.2, timeToExpiry: 0.25, rate: 0.05)
        #expect(abs(itm.price - (100 * exp(-0.0125) - 10)) < 1e-12 && itm.delta == -1)
        // 100 years: a call tends to the discounted spot.
        let long = BlackScholes.greeks(kind: .call, spot: 100, strike: 100, volatility: 0.3, timeToExpiry: 100, rate: 0.01, dividendYield: 0.02)
        #expect(long.price > 0 && long.price < 100 * exp(-2))
    }

    /// Against mpmath at 50 digits on 600 random contracts (Fixtures/make_reference.py).
    @Test func agreesWithIndependentReference() throws {
        let data = try Data(contentsOf: fixtureURL("black_scholes_reference.json"))
        let reference = try JSONDecoder().decode(ReferenceFile.self, from: data)
        #expect(reference.cases.count == 600)
        for c in reference.cases {
            let g = BlackScholes.greeks(kind: c.kind, spot: c.spot, strike: c.strike, volatility: c.vol,
                                        timeToExpiry: c.expiry, rate: c.rate, dividendYield: c.dividend)
            // 1e-9 relative; values that cross zero (theta, rho, deep OTM prices) also get an
            // absolute floor of 1e-13 of spot, far below a cent on any book.
            let floor = 1e-13 * c.spot
            #expect(close(g.price, c.price, rel: 1e-9, abs: floor), "price \(c)")
            #expect(close(g.delta, c.delta, rel: 1e-9, abs: 1e-15), "delta \(c)")
            #expect(close(g.gamma, c.gamma, rel: 1e-9, abs: 1e-15 / c.spot), "gamma \(c)")
            #expect(close(g.vega, c.vega, rel: 1e-9, abs: floor), "vega \(c)")
            #expect(close(g.theta, c.theta, rel: 1e-9, abs: floor), "theta \(c)")
            #expect(close(g.rho, c.rho, rel: 1e-9, abs: floor), "rho \(c)")
        }
    }
}

struct ReferenceFile: Decodable {
    struct Case: Decodable, CustomStringConvertible {
        var kind: OptionKind
        var spot, strike, vol, expiry, rate, dividend: Double
        var price, delta, gamma, vega, theta, rho: Double
        var description: String { "\(kind) S=\(spot) K=\(strike) σ=\(vol) T=\(expiry) r=\(rate) q=\(dividend)" }
    }
    var cases: [Case]
}

@Suite("Implied volatility against the independent reference")
struct ImpliedReferenceTests {
    /// The mpmath premiums of the 600 reference contracts solve back to their vols to 1e-9
    /// relative wherever the premium pins the vol down that well: a premium known to ε·P
    /// fixes σ to ε·P/vega, so cases with P/(vega·σ) > 1e4 (time value rounded away, deep in
    /// the money: 175 of the 600) or whose premium underflows (67) are left out. 358 remain.
    @Test func premiumsSolveBackToTheirVols() throws {
        let data = try Data(contentsOf: fixtureURL("black_scholes_reference.json"))
        let reference = try JSONDecoder().decode(ReferenceFile.self, from: data)
        var checked = 0
        for c in reference.cases where c.price / (c.vega * c.vol) < 1e4 && c.price > 1e-250 * c.spot {
            let result = try ImpliedVolatility.solve(kind: c.kind, premium: c.price, spot: c.spot, strike: c.strike,
                                                     timeToExpiry: c.expiry, rate: c.rate, dividendYield: c.dividend)
            #expect(close(result.volatility, c.vol, rel: 1e-9), "\(c)")
            checked += 1
        }
        #expect(checked == 358)
    }
}
