/// What any honest set of samples satisfies, so a state file whose moments were edited is
/// refused even where its digest was rewritten too.
extension SampleMoments {
    /// Why these moments cannot come from any samples, or nil when they can: the extremes
    /// bracket the mean, the squared deviations are non-negative, and the variance is at most
    /// Popoviciu's bound (max − min)²/4. Moments of non-finite samples are not judged.
    public var inconsistency: String? {
        if count < 0 { return "a count of \(count)" }
        if count == 0 {
            return mean == 0 && m2 == 0 && m3 == 0 && m4 == 0 && minimum == .infinity && maximum == -.infinity
                ? nil : "moments without samples"
        }
        guard mean.isFinite, minimum.isFinite, maximum.isFinite, m2.isFinite, m4.isFinite else { return nil }
        // Rounding in the one-pass update lets the mean stray by a few ulps of the values' scale.
        let scale = Swift.max(abs(minimum), abs(maximum), 1)
        let slack = 1e-9 * scale
        if minimum > maximum { return "a minimum \(minimum) above its maximum \(maximum)" }
        if mean < minimum - slack || mean > maximum + slack {
            return "a mean \(mean) outside its minimum \(minimum) and maximum \(maximum)"
        }
        let range = maximum - minimum
        let bound = Double(count) * range * range / 4
        if m2 < -slack * slack || m2 > bound * (1 + 1e-9) + slack * slack * Double(count) {
            return "a spread (Σ(x − mean)² = \(m2)) no \(count) samples between \(minimum) and \(maximum) can have"
        }
        if m4 < 0 { return "a negative fourth moment" }
        return nil
    }
}
