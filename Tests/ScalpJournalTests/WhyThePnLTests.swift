import Testing
import ScalpFormat

/// The debrief's "why" line reads the vols and the gamma and theta buckets.
@Suite("Why the P&L")
struct WhyThePnLTests {
    @Test func theWhyLineReadsTheVolsAndTheBuckets() {
        #expect(WhyThePnL.sentence(realizedVol: 0.247, impliedVol: 0.2, gamma: 2322, theta: -1239)
            == "Realized 24.7% beat implied 20.0%: the moves paid 2,322 of gamma against 1,239 of theta.")
        #expect(WhyThePnL.sentence(realizedVol: 0.15, impliedVol: 0.2, gamma: 900, theta: -1239)?
            .hasPrefix("Realized 15.0% fell short of implied 20.0%") == true)
        #expect(WhyThePnL.sentence(realizedVol: nil, impliedVol: 0.2, gamma: 0, theta: 0) == nil)
    }
}
