import Foundation

/// Implied normalised volatility by Peter Jäckel's "Let's Be Rational" (Wilmott, January 2015,
/// pp. 40–53), ported from his reference implementation `LetsBeRational.cpp` (© 2013–2014
/// Peter Jäckel; "Permission to use, copy, modify, and distribute this software is freely
/// granted, provided that this notice is preserved." The software is provided as is, without
/// warranty of any kind.)
///
/// Given a normalised price β = undiscounted price / √(F·K) and x = ln(F/K), it finds the total
/// volatility s = σ√T with b(x, s) = β (see `NormalisedBlack`). The price axis is cut into four
/// segments at b_l < b_c < b_h, where s_c = √(2|x|) is the inflection point of b in s. On each
/// segment a rational cubic interpolant of a suitably transformed inverse gives an initial guess
/// accurate to a few percent or better; two Householder(3) steps on a segment-specific objective
/// function then reach machine precision (more only at extreme total volatility, see
/// `convergedStepFraction`). The transforms make the two outer segments
/// (tiny prices deep out of the money or at tiny total volatility, and prices near the maximum
/// exp(x/2)) as well conditioned as the middle, which is where a plain Newton iteration on
/// b(s) − β stalls or overshoots.
enum LetsBeRational {
    /// Householder(3) iterations of the reference implementation: from the rational guess, two
    /// steps reach machine precision for all but extreme inputs.
    static let standardIterations = 2
    /// Hard cap on iterations when the safeguard below extends the standard two.
    static let iterationLimit = 10
    /// ε^(1/4). A Householder(3) step converges quartically, so once a step is below ε^(1/4)·s the
    /// next one would be below ε·s: the iteration has converged. The reference stops after two
    /// steps regardless; at very large total volatility (s = σ√T beyond about 10, with β close to
    /// b_max or far out of the money) its second step can still be large and the result off by
    /// tens of percent. Only there do we keep iterating, until the step is this small; in a scan
    /// of s ≤ 10, |x| ≤ 100 the results were identical to the reference's.
    static let convergedStepFraction = 1.220703125e-4

    /// Result of a normalised solve.
    enum Outcome: Equatable {
        /// Total volatility s = σ√T and the number of iterations taken.
        case solved(s: Double, iterations: Int)
        /// β is at or below the normalised intrinsic value: no positive volatility reproduces it.
        case belowIntrinsic
        /// β is at or above the maximum exp(x/2) (call) / exp(−x/2) (put).
        case aboveMaximum
    }

    private static let twoPi = 6.283185307179586476925286766559005768394338798750
    private static let sqrtPiOverTwo = 1.253314137315500251207882642405522626503493370305
    private static let sqrtThree = 1.732050807568877293527446341505872366942805253810
    private static let sqrtOneOverThree = 0.577350269189625764509148780501957455647601751270
    private static let twoPiOverSqrtTwentySeven = 1.209199576156145233729385505094770488189377498728
    private static let piOverSix = 0.523598775598298873077107230546583814032861566563
    private static let sqrtGreatestFinite = 1.3407807929942596e154

    // MARK: - Transformations of the outer segments

    // The reference's DENORMALIZATION_CUTOFF is 0, which makes all of its "is below horizon"
    // tests false; those branches are omitted here.

    /// Lower map f(β) = 2π/√27·|x|·Φ(−|x|/(√3·s(β)))³ and its first two derivatives with respect
    /// to β, at s. Near β = 0 it is close to linear in β, so a rational cubic in f is accurate.
    static func lowerMapAndDerivatives(x: Double, s: Double) -> (f: Double, fp: Double, fpp: Double) {
        let ax = abs(x)
        let z = sqrtOneOverThree * ax / s
        let y = z * z, s2 = s * s
        let bigPhi = NormalisedBlack.normCDF(-z), smallPhi = NormalisedBlack.normPDF(z)
        let fpp = piOverSix * y / (s2 * s) * bigPhi
            * (8 * sqrtThree * s * ax + (3 * s2 * (s2 - 8) - 8 * x * x) * bigPhi / smallPhi) * exp(2 * y + 0.25 * s2)
        let bigPhi2 = bigPhi * bigPhi
        let fp = twoPi * y * bigPhi2 * exp(y + 0.125 * s * s)
        let f = twoPiOverSqrtTwentySeven * ax * (bigPhi2 * bigPhi)
        return (f, fp, fpp)
    }

    /// s from the lower map value f.
    static func inverseLowerMap(x: Double, f: Double) -> Double {
        abs(x / (sqrtThree * NormalisedBlack.inverseNormCDF(cbrt(f / (twoPiOverSqrtTwentySeven * abs(x))))))
    }

    /// Upper map f(β) = Φ(−s(β)/2) and its first two derivatives with respect to β, at s.
    /// It tends to 0 linearly (slope −½) as β → exp(x/2).
    static func upperMapAndDerivatives(x: Double, s: Double) -> (f: Double, fp: Double, fpp: Double) {
        let f = NormalisedBlack.normCDF(-0.5 * s)
        let w = (x / s) * (x / s)
        let fp = -0.5 * exp(0.5 * w)
        let fpp = sqrtPiOverTwo * exp(w + 0.125 * s * s) * w / s
        return (f, fp, fpp)
    }

    /// s from the upper map value f.
    static func inverseUpperMap(f: Double) -> Double { -2 * NormalisedBlack.inverseNormCDF(f) }

    // MARK: - Solver

    /// Total volatility s with b(x, s) = β, for θ = +1 (call) or −1 (put).
    ///
    /// In-the-money prices have their intrinsic value subtracted here; callers that can subtract
    /// it more accurately in price space should do so and pass the out-of-the-money price with
    /// θ flipped (which is what `ImpliedVolatility.solve` does).
    static func normalisedImpliedVolatility(beta inputBeta: Double, x inputX: Double, theta inputTheta: Double,
                                            standardIterations n: Int = standardIterations,
                                            iterationLimit limit: Int = iterationLimit) -> Outcome {
        var beta = inputBeta, x = inputX, theta = inputTheta
        // Subtract the intrinsic value: an in-the-money option has the time value of the
        // out-of-the-money option of the other kind (put–call parity).
        if theta * x > 0 {
            beta = abs(max(beta - NormalisedBlack.intrinsic(x: x, theta: theta), 0))
            theta = -theta
        }
        // Map puts to calls: b_put(x, s) = b_call(−x, s).
        if theta < 0 {
            x = -x
            theta = -theta
        }
        if !(beta > 0) { return .belowIntrinsic }
        let bMax = exp(0.5 * x)
        if beta >= bMax { return .aboveMaximum }

        var s: Double
        var sLeft = Double.leastNormalMagnitude, sRight = Double.greatestFiniteMagnitude
        // The temptation is great to use the optimised form b_c = exp(x/2)/2 − exp(−x/2)·Φ(√(−2x)),
        // but that would need all of the round-off and over/underflow care of `NormalisedBlack.call` too.
        let sC = abs(2 * x).squareRoot()
        let bC = NormalisedBlack.call(x: x, s: sC)
        let vC = NormalisedBlack.vega(x: x, s: sC)

        if beta < bC {
            // Tangent at the inflection point, extended down to b = 0.
            let sL = sC - bC / vC
            let bL = NormalisedBlack.call(x: x, s: sL)
            if beta < bL {
                // Lowest segment, (0, b_l): interpolate the lower map, which is near-linear in β.
                let lower = lowerMapAndDerivatives(x: x, s: sL)
                var f = RationalCubic.interpolateConvex(beta, xl: 0, xr: bL, yl: 0, yr: lower.f, dl: 1, dr: lower.fp,
                                                        secondDerivative: lower.fpp, at: .right,
                                                        preferShapePreservationOverSmoothness: true)
                if !(f > 0) {
                    // Round-off for extreme inputs such as |x| > 500: fall back to the quadratic
                    // with f(0) = 0, f(b_l) and f′(0) = 1.
                    let t = beta / bL
                    f = (lower.f * t + bL * (1 - t)) * t
                }
                s = inverseLowerMap(x: x, f: f)
                sRight = sL
                // Objective g(s) = 1/ln(b(s)) − 1/ln(β): b spans hundreds of orders of magnitude here,
                // but ln b(s) ≈ −x²/(2s²), so 1/ln b is close to a quadratic in s and tame to iterate on.
                //     g′ = −b′/(b·ln(b)²)
                //     newton = −g/g′  = (ln β − ln b)·ln b/ln β · b/b′
                //     halley = g″/g′  = b″/b′ − b′/b·(1 + 2/ln b)
                //     hh3    = g‴/g′  = b‴/b′ + 2(b′/b)²·(1 + 3/ln b·(1 + 1/ln b)) − 3(b″/b)·(1 + 2/ln b)
                let lnBeta = log(beta)
                return householderIterations(x: x, beta: beta, s: s, sLeft: sLeft, sRight: sRight, n: n, limit: limit) { b, bp, s in
                    if b <= 0 || bp <= 0 { return nil }  // numerical underflow: bisect this time
                    let lnB = log(b), bpob = bp / b, h = x / s
                    let bHalley = h * h / s - s / 4
                    let newton = (lnBeta - lnB) * lnB / lnBeta / bpob
                    let halley = bHalley - bpob * (1 + 2 / lnB)
                    let bHH3 = bHalley * bHalley - 3 * (h / s) * (h / s) - 0.25
                    let hh3 = bHH3 + 2 * bpob * bpob * (1 + 3 / lnB * (1 + 1 / lnB)) - 3 * bHalley * bpob * (1 + 2 / lnB)
                    return newton * householderFactor(newton: newton, halley: halley, hh3: hh3)
                }
            } else {
                // Lower middle segment, [b_l, b_c).
                s = middleSegment(beta, bl: bL, sl: sL, vl: NormalisedBlack.vega(x: x, s: sL), br: bC, sr: sC, vr: vC,
                                  inflection: .right)
                sLeft = sL
                sRight = sC
            }
        } else {
            // Tangent at the inflection point, extended up to b = b_max.
            let sH = vC > Double.leastNormalMagnitude ? sC + (bMax - bC) / vC : sC
            let bH = NormalisedBlack.call(x: x, s: sH)
            if beta <= bH {
                // Upper middle segment, [b_c, b_h].
                s = middleSegment(beta, bl: bC, sl: sC, vl: vC, br: bH, sr: sH, vr: NormalisedBlack.vega(x: x, s: sH),
                                  inflection: .left)
                sLeft = sC
                sRight = sH
            } else {
                // Highest segment, (b_h, b_max): interpolate the upper map, which vanishes linearly at b_max.
                let upper = upperMapAndDerivatives(x: x, s: sH)
                var f = -Double.greatestFiniteMagnitude
                if upper.fpp > -sqrtGreatestFinite && upper.fpp < sqrtGreatestFinite {
                    f = RationalCubic.interpolateConvex(beta, xl: bH, xr: bMax, yl: upper.f, yr: 0, dl: upper.fp, dr: -0.5,
                                                        secondDerivative: upper.fpp, at: .left,
                                                        preferShapePreservationOverSmoothness: true)
                }
                if f <= 0 {
                    // Fall back to the quadratic with f(b_h), f(b_max) = 0 and f′(b_max) = −½.
                    let h = bMax - bH, t = (beta - bH) / h
                    f = (upper.f * (1 - t) + 0.5 * h * t) * (1 - t)
                }
                s = inverseUpperMap(f: f)
                sLeft = sH
                if beta > 0.5 * bMax {
                    // Objective g(s) = ln(b_max − β) − ln(b_max − b(s)), which resolves prices that
                    // differ from b_max only in their last digits.
                    //     g′ = b′/(b_max − b)
                    //     newton = −g/g′ = ln((b_max − b)/(b_max − β))·(b_max − b)/b′
                    //     halley = g″/g′ = b″/b′ + g′
                    //     hh3    = g‴/g′ = b‴/b′ + g′·(2g′ + 3b″/b′)
                    return householderIterations(x: x, beta: beta, s: s, sLeft: sLeft, sRight: sRight, n: n, limit: limit) { b, bp, s in
                        if b >= bMax || bp <= Double.leastNormalMagnitude { return nil }  // bisect this time
                        let bMaxMinusB = bMax - b
                        let g = log((bMax - beta) / bMaxMinusB), gp = bp / bMaxMinusB
                        let bHalley = (x / s) * (x / s) / s - s / 4
                        let bHH3 = bHalley * bHalley - 3 * (x / (s * s)) * (x / (s * s)) - 0.25
                        let newton = -g / gp, halley = bHalley + gp, hh3 = bHH3 + gp * (2 * gp + 3 * bHalley)
                        return newton * householderFactor(newton: newton, halley: halley, hh3: hh3)
                    }
                }
                // Otherwise drop through: for β ≤ b_max/2 the plain objective is the better one.
            }
        }
        // The two middle segments: objective g(s) = b(s) − β.
        //     newton = −g/g′ = −(b − β)/b′
        //     halley = g″/g′ = b″/b′ = x²/s³ − s/4
        //     hh3    = g‴/g′ = b‴/b′ = halley² − 3·(x/s²)² − 1/4
        return householderIterations(x: x, beta: beta, s: s, sLeft: sLeft, sRight: sRight, n: n, limit: limit) { b, bp, s in
            let newton = (beta - b) / bp
            let halley = (x / s) * (x / s) / s - s / 4
            let hh3 = halley * halley - 3 * (x / (s * s)) * (x / (s * s)) - 0.25
            return newton * householderFactor(newton: newton, halley: halley, hh3: hh3)
        }
    }

    /// The guess for s on a middle segment, from (b_l, s_l) to (b_r, s_r) with vegas v_l, v_r:
    /// the rational cubic of s(β) itself, with ds/dβ = 1/vega at both ends and no curvature at
    /// `inflection`, the end at b_c.
    private static func middleSegment(_ beta: Double, bl: Double, sl: Double, vl: Double, br: Double, sr: Double, vr: Double,
                                      inflection: RationalCubic.End) -> Double {
        RationalCubic.interpolateConvex(beta, xl: bl, xr: br, yl: sl, yr: sr, dl: 1 / vl, dr: 1 / vr,
                                        secondDerivative: 0, at: inflection, preferShapePreservationOverSmoothness: false)
    }

    /// The Householder(3) correction factor: with newton = −g/g′, halley = g″/g′, hh3 = g‴/g′,
    /// s_{n+1} = s_n + newton·[1 + halley·newton/2]/[1 + newton·(halley + hh3·newton/6)].
    @inline(__always)
    private static func householderFactor(newton: Double, halley: Double, hh3: Double) -> Double {
        (1 + 0.5 * halley * newton) / (1 + newton * (halley + hh3 * newton / 6))
    }

    /// The reference's iteration loop, shared by the three objectives. `step(b, b′, s)` returns the
    /// Householder step, or nil to request a bisection of the current bracket instead. It runs `n`
    /// iterations (fewer if a step drops below ε·s), then continues up to `limit` only while the
    /// last step was not yet small enough to guarantee convergence (see `convergedStepFraction`).
    ///
    /// The bracket [sLeft, sRight] is tightened with every evaluation. If an iterate leaves the
    /// bracket or the step direction has reversed three times, the next iterate is the bracket's
    /// midpoint (binary nesting). This only happens for extreme inputs such as |x| > 500.
    @inline(__always)
    private static func householderIterations(
        x: Double, beta: Double, s initialS: Double, sLeft initialLeft: Double, sRight initialRight: Double,
        n: Int, limit: Int, step: (_ b: Double, _ bp: Double, _ s: Double) -> Double?
    ) -> Outcome {
        var s = initialS, sLeft = initialLeft, sRight = initialRight
        var iterations = 0, directionReversalCount = 0
        var ds = -Double.greatestFiniteMagnitude, dsPrevious = 0.0
        while abs(ds) > Double.ulpOfOne * s
            && (iterations < n || (iterations < limit && abs(ds) > convergedStepFraction * s)) {
            if ds * dsPrevious < 0 { directionReversalCount += 1 }
            if iterations > 0 && (directionReversalCount == 3 || !(s > sLeft && s < sRight)) {
                s = 0.5 * (sLeft + sRight)
                if sRight - sLeft <= Double.ulpOfOne * s { break }
                directionReversalCount = 0
                ds = 0
            }
            dsPrevious = ds
            let b = NormalisedBlack.call(x: x, s: s)
            let bp = NormalisedBlack.vega(x: x, s: s)
            if b > beta && s < sRight {
                sRight = s
            } else if b < beta && s > sLeft {
                sLeft = s
            }
            ds = max(-0.5 * s, step(b, bp, s) ?? (0.5 * (sLeft + sRight) - s))
            s += ds
            iterations += 1
        }
        return .solved(s: s, iterations: iterations)
    }
}
