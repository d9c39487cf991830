import Foundation
import Testing
@testable import ScalpEngine

@Suite("Normal distribution")
struct NormalDistributionTests {
    /// Values from mpmath.ncdf at 50 digits.
    @Test func cdfIsAccurateInBothTails() {
        let cases: [(Double, Double)] = [
            (0, 0.5),
            (1, 0.841_344_746_068_542_95),
            (-1, 0.158_655_253_931_457_05),
            (-5, 2.866_515_718_791_939_1e-7),
            (-10, 7.619_853_024_160_526_1e-24),
            (-20, 2.753_624_118_606_233_7e-89),
            (-37, 5.725_571_222_524_576_8e-300),
            (6, 0.999_999_999_013_412_35),
        ]
        for (x, expected) in cases {
            #expect(close(NormalDistribution.cdf(x), expected, rel: 4e-16), "Φ(\(x))")
        }
        #expect(NormalDistribution.cdf(40) == 1)
        #expect(NormalDistribution.cdf(-40) >= 0)
    }

    /// The hedger's Φ against the same mpmath values and, on a fine grid over ±40, against the
    /// tail-accurate `cdf`: within 3e-16 absolute everywhere (it may lose relative accuracy only
    /// where Φ itself is below about 1e-16).
    @Test func hedgingCdfIsAccurateToTheLastBitAbsolutely() {
        for (x, expected) in [(0.0, 0.5), (1, 0.841_344_746_068_542_95), (-1, 0.158_655_253_931_457_05),
                              (-5, 2.866_515_718_791_939_1e-7), (6, 0.999_999_999_013_412_35)] {
            #expect(abs(NormalCDFTable.cdf(x) - expected) <= 3e-16, "Φ(\(x))")
        }
        var worst = 0.0
        for i in -40_000...40_000 {
            let x = Double(i) / 1_000
            worst = max(worst, abs(NormalCDFTable.cdf(x) - NormalDistribution.cdf(x)))
        }
        #expect(worst <= 3e-16)
        #expect(NormalCDFTable.cdf(-40) == 0 && NormalCDFTable.cdf(40) == 1)
        #expect(NormalCDFTable.cdf(-.infinity) == 0 && NormalCDFTable.cdf(.infinity) == 1)
    }

    /// The hedger's φ (the derivative of the same expansion) against mpmath.npdf and, on a fine
    /// grid over ±40, against exp: within 3e-15 absolute.
    @Test func hedgingPdfIsAccurateAbsolutely() {
        let table = NormalCDFTable.coefficients
        for (x, expected) in [(0.0, 0.398_942_280_401_432_68), (1, 0.241_970_724_519_143_37),
                              (-2.5, 0.017_528_300_493_568_54), (4, 1.338_302_257_648_853_8e-4)] {
            #expect(abs(NormalCDFTable.cdfAndPdf(x, coefficients: table).pdf - expected) <= 3e-15, "φ(\(x))")
        }
        var worst = 0.0
        for i in -40_000...40_000 {
            let x = Double(i) / 1_000 + 0.000_37
            let both = NormalCDFTable.cdfAndPdf(x, coefficients: table)
            worst = max(worst, abs(both.pdf - NormalDistribution.pdf(x)))
            #expect(both.cdf == NormalCDFTable.cdf(x))
        }
        #expect(worst <= 3e-15)
        #expect(NormalCDFTable.cdfAndPdf(-.infinity, coefficients: table).pdf == 0 && NormalCDFTable.cdfAndPdf(.nan, coefficients: table).pdf.isNaN)
    }

    @Test func quantileInvertsCdf() {
        for p in [1e-300, 1e-20, 1e-8, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-12] {
            // The round trip magnifies the quantile's relative error δ by x²·δ in the far tail.
            let x = NormalDistribution.quantile(p)
            #expect(close(NormalDistribution.cdf(x), p, rel: 1e-15 * max(1, x * x)), "Φ(Φ⁻¹(\(p)))")
        }
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
    }
}
