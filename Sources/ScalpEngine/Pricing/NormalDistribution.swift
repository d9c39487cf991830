import Foundation

/// The standard normal distribution, accurate to full double precision in both tails.
///
/// The CDF is computed from `erfc`, never from a short polynomial, so `cdf(-30)` is the
/// true 4.9e-198 rather than 0, and `cdf(x)` for large positive `x` rounds to 1 only
/// where the exact value does.
public enum NormalDistribution {
    /// 1/√(2π).
    public static let inverseSqrtTwoPi = 0.398_942_280_401_432_677_939_946_059_934_381_868_5
    /// 1/√2.
    public static let inverseSqrtTwo = 0.707_106_781_186_547_524_400_844_362_104_849_039_3

    /// Density φ(x) = exp(−x²/2)/√(2π).
    @inlinable
    public static func pdf(_ x: Double) -> Double {
        inverseSqrtTwoPi * exp(-0.5 * x * x)
    }

    /// 1/√2 − `inverseSqrtTwo`: the low half of 1/√2 in double-double.
    public static let inverseSqrtTwoLow = -4.833_646_656_726_456_7e-17
    /// 2/√π.
    public static let twoOverSqrtPi = 1.128_379_167_095_512_573_896_158_903_121_545_171_7

    /// Distribution function Φ(x) = ½·erfc(−x/√2).
    ///
    /// In the tails −x/√2 is formed in double-double and the low part applied as a
    /// first-order correction, because erfc magnifies the rounding of its argument u by 2u²
    /// (relative): without it Φ(−37) would be off by 1e-13 instead of 1e-16. For |u| < 1 the
    /// magnification is below one ulp, so the correction (an extra exp) is skipped there,
    /// which is where at-the-money deltas live.
    @inlinable
    public static func cdf(_ x: Double) -> Double {
        let high = -x * inverseSqrtTwo
        guard abs(high) >= 1, high.isFinite else { return 0.5 * erfc(high) }
        let low = fma(-x, inverseSqrtTwo, -high) - x * inverseSqrtTwoLow
        return 0.5 * (erfc(high) - low * twoOverSqrtPi * exp(-high * high))
    }

    /// Quantile Φ⁻¹(p) for p in (0, 1): Wichura's AS241 (PPND16), relative error about 1e-16.
    /// Returns −∞ for p = 0 and +∞ for p = 1.
    public static func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability out of range")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            let num = (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                + 133.14166789178437745) * r + 3.387132872796366608)
            let den = (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r
                + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                + 42.313330701600911252) * r + 1.0)
            return q * num / den
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        var value: Double
        if r <= 5 {
            r -= 1.6
            let num = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                + 4.6303378461565452959) * r + 1.42343711074968357734)
            let den = (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                + 2.05319162663775882187) * r + 1.0)
            value = num / den
        } else {
            r -= 5
            let num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                + 5.4637849111641143699) * r + 6.6579046435011037772)
            let den = (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                + 0.59983220655588793769) * r + 1.0)
            value = num / den
        }
        return q < 0 ? -value : value
    }
}
