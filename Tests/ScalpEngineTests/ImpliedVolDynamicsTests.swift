import Foundation
import Testing
@testable import ScalpEngine

@Suite("Implied-vol dynamics, skew and events")
struct ImpliedVolDynamicsTests {
    /// The exact OU step: after t years the ATM vol has mean L + (σ₀ − L)e^{−κt} and standard
    /// deviation η·√((1 − e^{−2κt})/(2κ)), whatever the step count.
    @Test(arguments: [1, 20])
    func meanRevertingMomentsMatchTheory(steps: Int) {
        let dynamics = ImpliedVolDynamics.meanReverting(speed: 4, longRun: 0.25, volOfVol: 0.3)
        guard case .meanReverting(let walk) = dynamics else { Issue.record("not mean-reverting"); return }
        var rng = Xoshiro256StarStar(seed: UInt64(steps))
        let horizon = 0.5
        var finals = RunningStatistics()
        for _ in 0..<20_000 {
            var path = dynamics
            var vol = 0.40
            for _ in 0..<steps { vol = path.advance(atmVol: vol, dt: horizon / Double(steps), using: &rng) }
            finals.add(vol)
        }
        let mean = walk.expectedVol(after: horizon, from: 0.40)
        let stdev = walk.volStandardDeviation(after: horizon)
        #expect(close(mean, 0.25 + 0.15 * exp(-2.0), rel: 1e-14))
        #expect(close(stdev, 0.3 * ((1 - exp(-4.0)) / 8).squareRoot(), rel: 1e-14))
        // The floor at 1% sits 2.7 stdevs below the mean here: its effect is below the tolerance.
        #expect(abs(finals.mean - mean) < 4 * stdev / Double(finals.count).squareRoot())
        #expect(abs(finals.standardDeviation - stdev) < 4 * stdev / (2 * Double(finals.count)).squareRoot())
    }

    /// Without mean reversion the walk is η√dt·Z per step.
    @Test func zeroSpeedIsARandomWalk() {
        var walk = MeanRevertingImpliedVol(speed: 0, longRun: 0.2, volOfVol: 0.5)
        var rng = Xoshiro256StarStar(seed: 4)
        var copy = rng
        let next = walk.advance(atmVol: 0.3, dt: 0.04, using: &rng)
        #expect(close(next, 0.3 + 0.5 * 0.2 * copy.nextNormal(), rel: 1e-14))
        #expect(walk.volStandardDeviation(after: 0.04) == 0.5 * 0.2)
    }

    /// Constant dynamics return the vol unchanged and draw nothing (the price path is unchanged).
    @Test func constantDrawsNothing() {
        var dynamics = ImpliedVolDynamics.constant
        var rng = Xoshiro256StarStar(seed: 9)
        let before = rng
        #expect(dynamics.advance(atmVol: 0.37, dt: 0.01, using: &rng) == 0.37)
        #expect(rng == before)
    }

    /// The walk never goes below the floor.
    @Test func volIsFloored() {
        var dynamics = ImpliedVolDynamics.meanReverting(speed: 0, longRun: 0.02, volOfVol: 3)
        var rng = Xoshiro256StarStar(seed: 2)
        var vol = 0.02
        var lowest = 1.0
        for _ in 0..<1000 {
            vol = dynamics.advance(atmVol: vol, dt: 0.01, using: &rng)
            lowest = min(lowest, vol)
        }
        #expect(lowest == ImpliedVolDynamics.minimumVol)
    }

    /// σ(K) = σ_ATM + slope·ln(K/S) + curvature·ln(K/S)², floored.
    @Test func skewGivesEachStrikeItsVol() {
        let skew = VolSkew(slope: -0.1, curvature: 0.4)
        #expect(skew.impliedVol(strike: 100, spot: 100, atmVol: 0.2) == 0.2)
        let x = log(90.0 / 100)
        #expect(close(skew.impliedVol(strike: 90, spot: 100, atmVol: 0.2), 0.2 - 0.1 * x + 0.4 * x * x, rel: 1e-15))
        #expect(skew.impliedVol(strike: 90, spot: 100, atmVol: 0.2) > skew.impliedVol(strike: 110, spot: 100, atmVol: 0.2))
        #expect(VolSkew(slope: 1).impliedVol(strike: 50, spot: 100, atmVol: 0.2) == ImpliedVolDynamics.minimumVol)
        let scenario = Scenario(name: "x", description: "", learningGoal: "", config: unitOptionConfig(), skew: skew)
        #expect(scenario.impliedVol(strike: 90, spot: 100, atmVol: 0.2) == skew.impliedVol(strike: 90, spot: 100, atmVol: 0.2))
        #expect(Scenario.classicScalp.impliedVol(strike: 90, spot: 100, atmVol: 0.2) == 0.2)
    }

    /// Steps split the schedule: each event fires in exactly one step, the one ending on or after it.
    @Test func eventsFireOnceInTheirStep() {
        let dt = 5.0 / 525_600
        let schedule = EventSchedule([
            ScheduledEvent(time: 2.0 / 365, logPriceJump: -0.06, impliedVolChange: -0.3, label: "earnings"),
            ScheduledEvent(time: 0.5 / 365, label: "fed"),
            ScheduledEvent(time: 2.0 / 365, label: "second"),
        ])
        #expect(schedule.events.map(\.label) == ["fed", "earnings", "second"])
        var fired: [(step: Int, label: String)] = []
        for step in 0..<(3 * 288) {
            for event in schedule.events(between: Double(step) * dt, and: Double(step + 1) * dt) {
                fired.append((step + 1, event.label))
            }
        }
        #expect(fired.map(\.label) == ["fed", "earnings", "second"])
        #expect(fired.map(\.step) == [144, 576, 576])
        #expect(schedule.events(between: 0, and: 1).count == 3)
        #expect(schedule.events(between: 1, and: 2).isEmpty)
        #expect(close(schedule.events[1].priceFactor, exp(-0.06), rel: 1e-15))
    }

    @Test func riskLimits() {
        let limits = RiskLimits(netDelta: 1000, loss: 5000)
        #expect(limits.isNetDeltaBreached(-1001))
        #expect(!limits.isNetDeltaBreached(1000))
        #expect(limits.isLossBreached(pnl: -5000.01))
        #expect(!limits.isLossBreached(pnl: -4999))
        #expect(!RiskLimits.none.isNetDeltaBreached(1e9) && !RiskLimits.none.isLossBreached(pnl: -1e9))
    }
}
