import Foundation
import Testing
@testable import ScalpEngine

@Suite("MarketClock: steps, closures and accrual")
struct MarketClockTests {
    @Test func aContinuousMarketNeverShuts() {
        let config = Scenario.classicScalp.config
        var clock = MarketClock(config: config)
        #expect(!clock.marketShuts && !clock.gapFollows)
        clock.step = 12
        #expect(clock.time == 12 * config.timeStep)
        #expect(clock.interestPerStep == exp(config.rate * config.timeStep) - 1)
        #expect(clock.dividendPerStep == config.dividendYield * config.timeStep)
    }

    @Test func anEquityGapSpansItsStepsAndComesBack() throws {
        let config = try #require(Scenario.named("overnight-gaps")).config
        let calendar = try #require(config.equityCalendar)
        var clock = MarketClock(config: config)
        #expect(clock.marketShuts)
        let plain = (clock.interestPerStep, clock.dividendPerStep)
        let saved = clock.enterGap(rate: config.rate)
        #expect(saved.spans && clock.isCrossingGap && clock.stepSpan == calendar.gapSteps)
        #expect(clock.stepLength == Double(calendar.gapSteps) * config.timeStep)
        #expect(clock.interestPerStep == exp(config.rate * clock.stepLength) - 1)
        clock.leaveGap(interest: saved.interest, dividend: saved.dividend)
        #expect(!clock.isCrossingGap && clock.stepSpan == 1 && clock.stepLength == config.timeStep)
        #expect(clock.interestPerStep == plain.0 && clock.dividendPerStep == plain.1)
    }

    @Test func expiriesFallDueWithinTheTolerance() {
        let config = unitOptionConfig(expiry: 0.5)
        let clock = MarketClock(config: config)
        #expect(clock.nextExpiry == 0.5)
        #expect(clock.expires(by: 0.5 - OptionBook.timeTolerance / 2))
        #expect(!clock.expires(by: 0.49))
    }
}
