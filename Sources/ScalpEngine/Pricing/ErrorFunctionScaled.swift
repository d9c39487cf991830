import Foundation

/// W. J. Cody's rational Chebyshev approximations to erfc(x) and the scaled complementary
/// error function erfcx(x) = exp(x²)·erfc(x) ("Rational Chebyshev approximations for the
/// error function", Math. Comp. 1969; netlib `specfun/erf`, CALERF), as used by Jäckel's
/// "Let's Be Rational" reference code.
///
/// Why not Foundation's `erfc`: the normalised Black function needs erfcx for large
/// arguments, where exp(x²) overflows and erfc(x) underflows long before their product
/// leaves the double range. Cody's erfcx evaluates a pure rational function for x > 4,
/// with no exponential at all, so the difference of two erfcx values keeps nearly all digits.
enum CodyErrorFunction {
    // Machine-dependent constants for IEEE double precision, from Cody's table.
    private static let xneg = -26.628  // erfcx(x) overflows below this
    private static let xsmall = 1.11e-16  // below this, erf(x) ≈ 2x/√π and x² may underflow
    private static let xbig = 26.543  // erfc(x) underflows above this
    private static let xhuge = 6.71e7  // above this, erfcx(x) = 1/(√π·x) to machine precision
    private static let xmax = 2.53e307  // erfcx(x) underflows above this
    private static let xinf = 1.79e308
    private static let oneOverSqrtPi = 0.56418958354775628695

    /// Complementary error function erfc(x).
    static func erfc(_ x: Double) -> Double { calerf(x, scaled: false) }

    /// Scaled complementary error function erfcx(x) = exp(x²)·erfc(x).
    static func erfcx(_ x: Double) -> Double { calerf(x, scaled: true) }

    /// Splits exp(-y²) into exp(-ỹ²)·exp(-(y-ỹ)(y+ỹ)) with ỹ = y truncated to 1/16, so the large
    /// part of the exponent is exact and the rounding error of y² does not get amplified.
    @inline(__always)
    private static func expMinusSquare(_ y: Double) -> Double {
        let ysq = (y * 16).rounded(.towardZero) / 16
        let del = (y - ysq) * (y + ysq)
        return exp(-ysq * ysq) * exp(-del)
    }

    /// CALERF with JINT = 1 (erfc) or JINT = 2 (erfcx).
    private static func calerf(_ x: Double, scaled: Bool) -> Double {
        let y = abs(x)
        var result: Double
        if y <= 0.46875 {
            // erf on |x| ≤ 0.46875, then erfc = 1 − erf.
            let ysq = y > xsmall ? y * y : 0
            let num = (((0.185777706184603153 * ysq + 3.1611237438705656) * ysq + 113.864154151050156) * ysq
                + 377.485237685302021) * ysq + 3209.37758913846947
            let den = (((ysq + 23.6012909523441209) * ysq + 244.024637934444173) * ysq
                + 1282.61652607737228) * ysq + 2844.23683343917062
            result = 1 - x * num / den
            // The sign of x is already in the result here, so no fix-up below.
            return scaled ? exp(ysq) * result : result
        } else if y <= 4 {
            // erfc on 0.46875 < |x| ≤ 4: the rational function is erfcx(|x|).
            let num = (((((((2.15311535474403846e-8 * y + 0.564188496988670089) * y + 8.88314979438837594) * y
                + 66.1191906371416295) * y + 298.635138197400131) * y + 881.95222124176909) * y
                + 1712.04761263407058) * y + 2051.07837782607147) * y + 1230.33935479799725
            let den = (((((((y + 15.7449261107098347) * y + 117.693950891312499) * y + 537.181101862009858) * y
                + 1621.38957456669019) * y + 3290.79923573345963) * y + 4362.61909014324716) * y
                + 3439.36767414372164) * y + 1230.33935480374942
            result = num / den
            if !scaled { result *= expMinusSquare(y) }
        } else {
            // erfc on |x| > 4: asymptotic-type rational function in 1/x².
            result = 0
            var done = false
            if y >= xbig {
                if !scaled || y >= xmax {
                    done = true
                } else if y >= xhuge {
                    result = oneOverSqrtPi / y
                    done = true
                }
            }
            if !done {
                let ysq = 1 / (y * y)
                let num = ((((0.0163153871373020978 * ysq + 0.305326634961232344) * ysq + 0.360344899949804439) * ysq
                    + 0.125781726111229246) * ysq + 0.0160837851487422766) * ysq + 6.58749161529837803e-4
                let den = ((((ysq + 2.56852019228982242) * ysq + 1.87295284992346047) * ysq
                    + 0.527905102951428412) * ysq + 0.0605183413124413191) * ysq + 0.00233520497626869185
                result = (oneOverSqrtPi - ysq * num / den) / y
                if !scaled { result *= expMinusSquare(y) }
            }
        }
        // Fix up for negative arguments: erfc(−y) = 2 − erfc(y), erfcx(−y) = 2·exp(y²) − erfcx(y).
        if x < 0 {
            if !scaled {
                result = 2 - result
            } else if x < xneg {
                result = xinf
            } else {
                let ysq = (x * 16).rounded(.towardZero) / 16
                let del = (x - ysq) * (x + ysq)
                let e = exp(ysq * ysq) * exp(del)
                result = (e + e) - result
            }
        }
        return result
    }
}
