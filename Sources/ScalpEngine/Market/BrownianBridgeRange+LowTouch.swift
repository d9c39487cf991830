import Foundation

extension BrownianBridgeRange {
    /// Whether the low reached `level` (ln S) given the high `high`, decided by the uniform `u`
    /// in (0, 1): u < P(low ≤ level | high), the same answer as
    /// `u < 1 − conditionalLowSurvival(level, high:)` for every u.
    ///
    /// The series' terms are e^{a·k² + β·k + γ} for four families, so four exponentials and a
    /// running product replace four exponentials a term. Products round differently from
    /// `exp` of a sum, so the sum is trusted only when u lies clearly away from it (by 1e-11
    /// of the terms' size, some 10³ times both sums' rounding); otherwise, or when a factor
    /// leaves the range where products are safe, the answer is the reference series'.
    func lowReaches(_ level: Double, givenHigh high: Double, uniform u: Double) -> Bool {
        if let estimate = fastLowBelow(level, high: high) {
            if u < estimate.probability - estimate.margin { return true }
            if u > estimate.probability + estimate.margin { return false }
        }
        return u < 1 - conditionalLowSurvival(level, high: high)
    }

    /// P(low ≤ level | high) by products of exponentials, with a bound on its distance from the
    /// reference series; nil where the products could overflow or need many terms.
    private func fastLowBelow(_ level: Double, high: Double) -> (probability: Double, margin: Double)? {
        let x = end - start, h = high - start, w = high - level, v = variance
        // Exponents, log units: a·k² is shared, β = ∓b for the direct images, ∓c for the
        // reflected ones, and the direct images carry the density's own e^{2h′(h′ − x)/v}.
        let a = -2 * w * w / v, b = 2 * w * x / v, c = 2 * w * (2 * h - x) / v, r = 2 * h * (h - x) / v
        let limit = 300.0
        guard a > -limit, abs(b) < limit, abs(c) < limit, r < limit, r >= 0 else { return nil }
        let ea = exp(a), eb = exp(b), ec = exp(c), er = exp(r)
        let ea2 = ea * ea, ea3 = ea2 * ea
        // Each family's term at k = 1 (k + 1 = 2 for the second reflected) and its ratio to the next.
        var directUp = ea * er / eb, directUpRatio = ea3 / eb
        var directDown = ea * eb * er, directDownRatio = ea3 * eb
        var reflectedUp = ea / ec, reflectedUpRatio = ea3 / ec
        var reflectedDown = ea2 * ea2 * ec * ec, reflectedDownRatio = ea2 * ea3 * ec
        let density = 2 * (2 * h - x)
        var sum = density, size = abs(density)
        for k in 1...24 {
            let j = Double(k)
            let up = -2 * j * (2 * j * w + x) * directUp
            let down = 2 * j * (x - 2 * j * w) * directDown
            let reflectedAbove = 2 * (1 + j) * (2 * (h + j * w) - x) * reflectedUp
            let reflectedBelow = -2 * j * (2 * (h - (j + 1) * w) - x) * reflectedDown
            let added = up + down + reflectedAbove + reflectedBelow
            sum += added
            size += abs(up) + abs(down) + abs(reflectedAbove) + abs(reflectedBelow)
            guard size.isFinite else { return nil }
            if abs(added) <= 1e-17 * abs(sum) {
                let survival = min(max(sum / density, 0), 1)
                return (1 - survival, 1e-11 * (1 + size / abs(density)))
            }
            directUp *= directUpRatio
            directUpRatio *= ea2
            directDown *= directDownRatio
            directDownRatio *= ea2
            reflectedUp *= reflectedUpRatio
            reflectedUpRatio *= ea2
            reflectedDown *= reflectedDownRatio
            reflectedDownRatio *= ea2
        }
        return nil
    }
}
