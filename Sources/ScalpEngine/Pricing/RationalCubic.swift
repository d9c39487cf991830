import Foundation

/// Shape-preserving rational cubic interpolation (Delbourgo & Gregory, "Shape preserving
/// piecewise rational interpolation", SIAM J. Sci. Stat. Comput. 1985), as used by
/// "Let's Be Rational" to build its initial guess for the implied volatility.
///
/// On [x_l, x_r] the interpolant matches the values y_l, y_r and slopes d_l, d_r at both ends;
/// the control parameter r (> −1) tunes its curvature: r = 3 is the ordinary cubic Hermite
/// interpolant and r → ∞ tends to the straight line. Choosing r to match a known second
/// derivative at one end, but never below the minimum that keeps the data's convexity, is
/// what makes the guess both accurate and safe.
enum RationalCubic {
    private static let minimumControlParameter = -(1 - Double.ulpOfOne.squareRoot())
    /// 2/ε²: beyond this the interpolant is indistinguishable from the linear one.
    private static let maximumControlParameter = 2 / (Double.ulpOfOne * Double.ulpOfOne)

    @inline(__always)
    private static func isZero(_ x: Double) -> Bool { abs(x) < Double.leastNormalMagnitude }

    /// Value at `x` of the rational cubic through (x_l, y_l) and (x_r, y_r) with end slopes d_l, d_r.
    static func interpolate(_ x: Double, xl: Double, xr: Double, yl: Double, yr: Double,
                            dl: Double, dr: Double, r: Double) -> Double {
        let h = xr - xl
        if abs(h) <= 0 { return 0.5 * (yl + yr) }
        let t = (x - xl) / h
        // `!(r >= max)` rather than `r < max` so that a NaN control parameter propagates.
        if !(r >= maximumControlParameter) {
            let omt = 1 - t, t2 = t * t, omt2 = omt * omt
            // Formula (2.4) divided by formula (2.5) of Delbourgo & Gregory.
            return (yr * t2 * t + (r * yr - h * dr) * t2 * omt + (r * yl + h * dl) * t * omt2 + yl * omt2 * omt)
                / (1 + (r - 3) * t * omt)
        }
        // Linear interpolation without over- or underflow.
        return yr * t + yl * (1 - t)
    }

    /// The end of [x_l, x_r] a second derivative is fitted at.
    enum End { case left, right }

    /// The r that makes the interpolant's second derivative at x_l (`.left`) or x_r (`.right`)
    /// equal `secondDerivative`.
    static func controlParameterToFitSecondDerivative(
        _ secondDerivative: Double, at end: End, xl: Double, xr: Double, yl: Double, yr: Double, dl: Double, dr: Double
    ) -> Double {
        let h = xr - xl
        let numerator = 0.5 * h * secondDerivative + (dr - dl)
        if isZero(numerator) { return 0 }
        let denominator = switch end {
        case .left: (yr - yl) / h - dl
        case .right: dr - (yr - yl) / h
        }
        if isZero(denominator) { return numerator > 0 ? maximumControlParameter : minimumControlParameter }
        return numerator / denominator
    }

    /// Smallest r that preserves monotonicity (eq. 3.8) and convexity/concavity (eq. 3.18) of the
    /// data, given end slopes d_l, d_r and secant slope s.
    static func minimumControlParameter(dl: Double, dr: Double, s: Double,
                                        preferShapePreservationOverSmoothness: Bool) -> Double {
        let monotonic = dl * s >= 0 && dr * s >= 0
        let convex = dl <= s && s <= dr
        let concave = dl >= s && s >= dr
        if !monotonic && !convex && !concave { return minimumControlParameter }
        let drMinusDl = dr - dl, drMinusS = dr - s, sMinusDl = s - dl
        var r1 = -Double.greatestFiniteMagnitude, r2 = r1
        if monotonic {
            if !isZero(s) {
                r1 = (dr + dl) / s  // (3.8)
            } else if preferShapePreservationOverSmoothness {
                r1 = maximumControlParameter  // a flat secant: enforce linear interpolation
            }
        }
        if convex || concave {
            if !(isZero(sMinusDl) || isZero(drMinusS)) {
                r2 = max(abs(drMinusDl / drMinusS), abs(drMinusDl / sMinusDl))  // (3.18)
            } else if preferShapePreservationOverSmoothness {
                r2 = maximumControlParameter
            }
        } else if monotonic && preferShapePreservationOverSmoothness {
            // Slopes inconsistent with the secant (e.g. a flat segment between negative end
            // slopes): fall back to linear interpolation.
            r2 = maximumControlParameter
        }
        return max(minimumControlParameter, max(r1, r2))
    }

    /// Value at `x` of the rational cubic through (x_l, y_l) and (x_r, y_r) with end slopes d_l,
    /// d_r, its r fitted to `secondDerivative` at `end` but raised to the shape-preserving minimum.
    static func interpolateConvex(_ x: Double, xl: Double, xr: Double, yl: Double, yr: Double, dl: Double, dr: Double,
                                  secondDerivative: Double, at end: End, preferShapePreservationOverSmoothness: Bool) -> Double {
        let fitted = controlParameterToFitSecondDerivative(secondDerivative, at: end, xl: xl, xr: xr, yl: yl, yr: yr, dl: dl, dr: dr)
        let least = minimumControlParameter(dl: dl, dr: dr, s: (yr - yl) / (xr - xl),
                                            preferShapePreservationOverSmoothness: preferShapePreservationOverSmoothness)
        return interpolate(x, xl: xl, xr: xr, yl: yl, yr: yr, dl: dl, dr: dr, r: max(fitted, least))
    }
}
