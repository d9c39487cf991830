import Foundation

/// The normalised Black function of "Let's Be Rational" (Jäckel 2015), evaluated to near machine
/// precision everywhere, including far out of the money and at tiny total volatility.
///
/// With forward F, strike K, total volatility s = σ√T and log-moneyness x = ln(F/K), the
/// undiscounted Black call price divided by √(F·K) is
///
///     b(x, s) = Φ(x/s + s/2)·exp(x/2) − Φ(x/s − s/2)·exp(−x/2),
///
/// which lies in [max(exp(x/2) − exp(−x/2), 0), exp(x/2)). Writing h = x/s and t = s/2,
/// the naive formula loses everything to cancellation when b is small; the four regions
/// below avoid that (see `call`).
enum NormalisedBlack {
    static let oneOverSqrtTwoPi = 0.398942280401432677939946059934381868475858631164934657665925
    static let sqrtTwoPi = 2.506628274631000502415765284811045253006986740609938316629923
    static let oneOverSqrtTwo = 0.707106781186547524400844362104849039284835937688474036588340

    /// ε^(1/4), computed in the reference as √√ε. ε = 2⁻⁵² makes it exactly 2⁻¹³.
    static let fourthRootEpsilon = 1.220703125e-4
    /// √(smallest normal double) = 2⁻⁵¹¹.
    static let sqrtLeastNormal = 1.4916681462400413e-154
    /// η: below h = η the asymptotic expansion of b is accurate to machine precision.
    static let asymptoticExpansionAccuracyThreshold = -10.0
    /// τ = 2·ε^(1/16): below t = τ the small-t expansion of b is accurate to machine precision.
    static let smallTExpansionThreshold = 0.21022410381342865

    // MARK: - Normal distribution, as in the reference

    /// φ(z).
    @inline(__always)
    static func normPDF(_ z: Double) -> Double { oneOverSqrtTwoPi * exp(-0.5 * z * z) }

    /// Φ(z): Cody's erfc, and for z ≤ −10 the asymptotic series Φ(z) = φ(z)/|z|·[1 − 1/z² + 3/z⁴ − …]
    /// (Abramowitz & Stegun 26.2.12), which is at least as accurate there and no slower.
    static func normCDF(_ z: Double) -> Double {
        if z <= -10 {
            var sum = 1.0
            // Below −1/√ε the correction terms are below ε and the leading term is exact enough.
            if z >= -67_108_864 {
                let zsqr = z * z
                var i = 1.0, g = 1.0, a = Double.greatestFiniteMagnitude, lastA: Double
                repeat {
                    lastA = a
                    let x = (4 * i - 3) / zsqr
                    let y = x * ((4 * i - 1) / zsqr)
                    a = g * (x - y)
                    sum -= a
                    g *= y
                    i += 1
                    a = abs(a)
                } while lastA > a && a >= abs(sum * Double.ulpOfOne)
            }
            return -normPDF(z) * sum / z
        }
        return 0.5 * CodyErrorFunction.erfc(-z * oneOverSqrtTwo)
    }

    /// Φ⁻¹(u) (AS241 via `NormalDistribution.quantile`), total on all inputs:
    /// −∞ at 0, +∞ at 1, NaN outside [0, 1] or for NaN, so a degenerate guess can never trap.
    static func inverseNormCDF(_ u: Double) -> Double {
        if !(u > 0) { return u == 0 ? -.infinity : .nan }
        if !(u < 1) { return u == 1 ? .infinity : .nan }
        return NormalDistribution.quantile(u)
    }

    // MARK: - Intrinsic value and vega

    /// Normalised intrinsic value max(θ·(exp(x/2) − exp(−x/2)), 0) for θ = ±1 (call/put).
    static func intrinsic(x: Double, theta: Double) -> Double {
        if theta * x <= 0 { return 0 }
        let x2 = x * x
        // For small |x| the Taylor series of 2·sinh(x/2) avoids the cancellation in the difference
        // of exponentials. The factor 98 comes from the last coefficient: ⁴√92897280 ≈ 98.17.
        if x2 < 98 * fourthRootEpsilon {
            let series = x * (1 + x2 * ((1.0 / 24.0) + x2 * ((1.0 / 1920.0) + x2 * ((1.0 / 322_560.0)
                + (1.0 / 92_897_280.0) * x2))))
            return abs(max((theta < 0 ? -1 : 1) * series, 0))
        }
        let bMax = exp(0.5 * x)
        return abs(max((theta < 0 ? -1 : 1) * (bMax - 1 / bMax), 0))
    }

    /// Normalised vega ∂b/∂s = exp(−½·((x/s)² + (s/2)²))/√(2π), with its exact limits at s → 0.
    static func vega(x: Double, s: Double) -> Double {
        let ax = abs(x)
        if ax <= 0 { return oneOverSqrtTwoPi * exp(-0.125 * s * s) }
        if s <= 0 || s <= ax * sqrtLeastNormal { return 0 }
        let h = x / s, t = 0.5 * s
        return oneOverSqrtTwoPi * exp(-0.5 * (h * h + t * t))
    }

    // MARK: - The normalised Black call

    /// b(x, s) for a call; for a put use b(−x, s) (reciprocal-strike call–put symmetry).
    static func call(x: Double, s: Double) -> Double {
        // In the money: intrinsic plus the out-of-the-money value, which is what carries the digits.
        if x > 0 { return intrinsic(x: x, theta: 1) + call(x: -x, s: s) }
        if s <= 0 { return intrinsic(x: x, theta: 1) }  // (the reference's denormalisation cutoff is 0)
        // Region 1: h < η and t < τ + |h| − |η|, tested without dividing by s.
        if x < s * asymptoticExpansionAccuracyThreshold
            && 0.5 * s * s + x < s * (smallTExpansionThreshold + asymptoticExpansionAccuracyThreshold) {
            return asymptoticExpansion(h: x / s, t: 0.5 * s)
        }
        // Region 2: small total volatility.
        if 0.5 * s < smallTExpansionThreshold {
            return smallTExpansion(h: x / s, t: 0.5 * s)
        }
        // Region 3: h + t > 0.85. Then b is more than about 85% of exp(x/2), dominated by the first
        // term of the Black formula, and combining the terms in any way would only lose accuracy.
        if x + 0.5 * s * s > s * 0.85 {
            return usingNormCDF(x: x, s: s)
        }
        // Region 4.
        return usingErfcx(h: x / s, t: 0.5 * s)
    }

    /// b = Φ(h+t)·exp(x/2) − Φ(h−t)·exp(−x/2) straight from the definition.
    static func usingNormCDF(x: Double, s: Double) -> Double {
        let h = x / s, t = 0.5 * s
        let bMax = exp(0.5 * x)
        let b = normCDF(h + t) * bMax - normCDF(h - t) / bMax
        return abs(max(b, 0))
    }

    /// b = ½·exp(−(h²+t²)/2)·[erfcx(−(h+t)/√2) − erfcx(−(h−t)/√2)].
    ///
    /// The error of any Φ(z) for z below about −8 is dominated by the accuracy of exp(−z²/2)
    /// (Marsaglia, "Evaluating the Normal Distribution", 2004), and the direct formula multiplies
    /// and subtracts several such terms. Cody's erfcx needs no exponential for arguments above 4,
    /// so this form uses one exponential instead of three and the bracket keeps nearly all digits.
    static func usingErfcx(h: Double, t: Double) -> Double {
        let b = 0.5 * exp(-0.5 * (h * h + t * t))
            * (CodyErrorFunction.erfcx(-oneOverSqrtTwo * (h + t)) - CodyErrorFunction.erfcx(-oneOverSqrtTwo * (h - t)))
        return abs(max(b, 0))
    }

    /// b for large negative h − t via the asymptotic expansion of Y(z) := Φ(z)/φ(z)
    /// (Abramowitz & Stegun 26.2.12). With r = (h+t)(h−t), q = (h/r)², e = (t/h)², and
    /// A(h,t) := r/t·[Y(h+t) − Y(h−t)], the 17th-order expansion of A in q below gives Φ(h)
    /// [and so Y(h)] a relative accuracy of 1.64e-16 for h ≤ η = −10, and
    /// b = exp(−(h²+t²)/2)/√(2π) · (t/r) · A.
    static func asymptoticExpansion(h: Double, t: Double) -> Double {
        let e = (t / h) * (t / h)
        let r = (h + t) * (h - t)
        let q = (h / r) * (h / r)
        // Coefficient polynomials in e of the expansion, highest order in q first, in Horner form.
        // The reference's single generated expression is split up only so the type checker can
        // digest it; the arithmetic is the same.
        let c17 = (-70.0 + e * (-13090.0 + e * (-649264.0 + e * (-13449040.0 + e * (-141214920.0
            + e * (-834451800.0 + e * (-2952675600.0 + e * (-6495886320.0 + e * (-9075135300.0 + e * (-8119857900.0
            + e * (-4639918800.0 + e * (-1668903600.0 + e * (-367158792.0 + e * (-47071640.0 + e * (-3246320.0
            + e * (-104720.0 + e * (-1190.0 - 2.0 * e)))))))))))))))))
        let c16 = (66.0 + e * (10912.0 + e * (474672.0 + e * (8544096.0 + e * (77134200.0 + e * (387073440.0
            + e * (1146332880.0 + e * (2074316640.0 + e * (2333606220.0 + e * (1637618400.0 + e * (709634640.0
            + e * (185122080.0 + e * (27768312.0 + e * (2215136.0 + e * (81840.0 + e * (1056.0 + 2.0 * e))))))))))))))))
        let c15 = (-62.0 + e * (-8990.0 + e * (-339822.0 + e * (-5259150.0 + e * (-40320150.0
            + e * (-169344630.0 + e * (-412506150.0 + e * (-601080390.0 + e * (-530365050.0 + e * (-282241050.0
            + e * (-88704330.0 + e * (-15777450.0 + e * (-1472562.0 + e * (-62930.0 + e * (-930.0 - 2.0 * e)))))))))))))))
        let c14 = (58.0 + e * (7308.0 + e * (237510.0 + e * (3121560.0 + e * (20030010.0 + e * (69194580.0
            + e * (135727830.0 + e * (155117520.0 + e * (103791870.0 + e * (40060020.0 + e * (8584290.0
            + e * (950040.0 + e * (47502.0 + e * (812.0 + 2.0 * e))))))))))))))
        let c13 = (-54.0 + e * (-5850.0 + e * (-161460.0 + e * (-1776060.0 + e * (-9373650.0
            + e * (-26075790.0 + e * (-40116600.0 + e * (-34767720.0 + e * (-16872570.0 + e * (-4440150.0
            + e * (-592020.0 + e * (-35100.0 + e * (-702.0 - 2.0 * e)))))))))))))
        let c12 = (50.0 + e * (4600.0 + e * (106260.0 + e * (961400.0 + e * (4085950.0 + e * (8914800.0
            + e * (10400600.0 + e * (6537520.0 + e * (2163150.0 + e * (354200.0 + e * (25300.0
            + e * (600.0 + 2.0 * e))))))))))))
        let c11 = (-46.0 + e * (-3542.0 + e * (-67298.0 + e * (-490314.0 + e * (-1634380.0
            + e * (-2704156.0 + e * (-2288132.0 + e * (-980628.0 + e * (-201894.0 + e * (-17710.0
            + e * (-506.0 - 2.0 * e)))))))))))
        let c10 = (42.0 + e * (2660.0 + e * (40698.0 + e * (232560.0 + e * (587860.0 + e * (705432.0
            + e * (406980.0 + e * (108528.0 + e * (11970.0 + e * (420.0 + 2.0 * e))))))))))
        let c9 = (-38.0 + e * (-1938.0 + e * (-23256.0 + e * (-100776.0 + e * (-184756.0 + e * (-151164.0
            + e * (-54264.0 + e * (-7752.0 + e * (-342.0 - 2.0 * e)))))))))
        let c8 = (34.0 + e * (1360.0 + e * (12376.0 + e * (38896.0 + e * (48620.0 + e * (24752.0
            + e * (4760.0 + e * (272.0 + 2.0 * e))))))))
        let c7 = (-30.0 + e * (-910.0 + e * (-6006.0 + e * (-12870.0 + e * (-10010.0 + e * (-2730.0
            + e * (-210.0 - 2.0 * e)))))))
        let c6 = (26.0 + e * (572.0 + e * (2574.0 + e * (3432.0 + e * (1430.0 + e * (156.0 + 2.0 * e))))))
        let c5 = (-22.0 + e * (-330.0 + e * (-924.0 + e * (-660.0 + e * (-110.0 - 2.0 * e)))))
        let c4 = (18.0 + e * (168.0 + e * (252.0 + e * (72.0 + 2.0 * e))))
        let c3 = (-14.0 + e * (-70.0 + e * (-42.0 - 2.0 * e)))
        let c2 = (10.0 + e * (20.0 + 2.0 * e))
        let c1 = -6.0 - 2.0 * e
        // The reference nests the odd factors: A = 2 + q·(c1 + 3q·(c2 + 5q·(c3 + … + 31q·(c16 + 33q·c17)))),
        // so the k-th term carries 3·5·…·(2k−1), the double-factorial of the series 26.2.12.
        var sum = 33.0 * c17 * q
        sum = 31.0 * q * (c16 + sum)
        sum = 29.0 * q * (c15 + sum)
        sum = 27.0 * q * (c14 + sum)
        sum = 25.0 * q * (c13 + sum)
        sum = 23.0 * q * (c12 + sum)
        sum = 21.0 * q * (c11 + sum)
        sum = 19.0 * q * (c10 + sum)
        sum = 17.0 * q * (c9 + sum)
        sum = 15.0 * q * (c8 + sum)
        sum = 13.0 * q * (c7 + sum)
        sum = 11.0 * q * (c6 + sum)
        sum = 9.0 * q * (c5 + sum)
        sum = 7.0 * q * (c4 + sum)
        sum = 5.0 * q * (c3 + sum)
        sum = 3.0 * q * (c2 + sum)
        let asymptoticExpansionSum = 2.0 + q * (c1 + sum)
        let b = oneOverSqrtTwoPi * exp(-0.5 * (h * h + t * t)) * (t / r) * asymptoticExpansionSum
        return abs(max(b, 0))
    }

    /// b for small t via the expansion of Y(h+t) − Y(h−t) to 12th order in t, with
    /// a := 1 + h·Y(h) = 1 + h·√(π/2)·erfcx(−h/√2) and w := t². Accurate to better than
    /// ε = 2.2e-16 when h ≤ 0 and t < τ; the precision bottleneck is a for |h| > 1.
    static func smallTExpansion(h: Double, t: Double) -> Double {
        // Since h < 0 and h·Y(h) → −1 from above as h → −∞, a > 0 and a → 0.
        let a = 1 + h * (0.5 * sqrtTwoPi) * CodyErrorFunction.erfcx(-oneOverSqrtTwo * h)
        let w = t * t, h2 = h * h
        let e12 = (-89055 + 135135 * a + h2 * (-82845 + 270270 * a + h2 * (-20370 + 135135 * a
            + h2 * (-1926 + 25740 * a + h2 * (-75 + 2145 * a + h2 * (-1 + 78 * a + a * h2)))))) * w / 6_227_020_800.0
        let e10 = (-6555 + 10395 * a + h2 * (-4680 + 17325 * a + h2 * (-840 + 6930 * a + h2 * (-52 + 990 * a
            + h2 * (-1 + 55 * a + a * h2))))) / 39_916_800
        let e8 = (-561 + 945 * a + h2 * (-285 + 1260 * a + h2 * (-33 + 378 * a + h2 * (-1 + 36 * a + a * h2)))) / 362_880
        let e6 = (-57 + 105 * a + h2 * (-18 + 105 * a + h2 * (-1 + 21 * a + a * h2))) / 5040
        let e4 = (-7 + 15 * a + h2 * (-1 + 10 * a + a * h2)) / 120
        let e2 = (-1 + 3 * a + a * h2) / 6
        let expansion = 2 * t * (a + w * (e2 + w * (e4 + w * (e6 + w * (e8 + w * (e10 + e12))))))
        let b = oneOverSqrtTwoPi * exp(-0.5 * (h * h + t * t)) * expansion
        return abs(max(b, 0))
    }
}
