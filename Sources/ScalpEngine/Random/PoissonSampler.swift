import Foundation

/// Exact Poisson variates for a fixed mean, by inversion (sequential search of the CDF).
///
/// A mean above `maximumPieceMean` is split into equal pieces and the pieces' counts added:
/// a sum of independent Poisson variables is Poisson with the summed mean, so the draw stays
/// exact while e^{−mean} never underflows. Cost: one uniform per piece plus about mean + 1
/// multiplications. For the jump counts of a price step the mean is λ·dt ≪ 1, so nearly
/// every draw is one uniform and one comparison.
public struct PoissonSampler: Sendable, Hashable, Codable {
    /// The mean (and variance) of the count, ≥ 0.
    public let mean: Double
    /// Equal pieces the mean is split into.
    public let pieces: Int
    /// e^{−mean/pieces}: the probability of a zero count in one piece.
    public let zeroProbability: Double

    /// Largest mean searched in one piece: e^{−10} ≈ 4.5e-5 keeps the search accurate.
    public static let maximumPieceMean = 10.0

    public init(mean: Double) {
        precondition(mean >= 0 && mean.isFinite, "a Poisson mean must be finite and ≥ 0")
        self.mean = mean
        pieces = max(1, Int((mean / Self.maximumPieceMean).rounded(.up)))
        zeroProbability = exp(-mean / Double(pieces))
    }

    /// One Poisson(mean) count, drawn from `rng`.
    @inlinable
    public func sample(using rng: inout Xoshiro256StarStar) -> Int {
        if mean == 0 { return 0 }
        let pieceMean = mean / Double(pieces)
        var total = 0
        for _ in 0..<pieces {
            let u = rng.nextUnit()
            var count = 0
            var probability = zeroProbability
            var cumulative = probability
            // Stops when the CDF passes u, or when the terms vanish (u within rounding of 1).
            while u >= cumulative && probability > 0 {
                count += 1
                probability *= pieceMean / Double(count)
                cumulative += probability
            }
            total += count
        }
        return total
    }
}
