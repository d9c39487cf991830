import Foundation

/// Standard normal variates by the ziggurat method (Marsaglia and Tsang 2000), in Doornik's
/// ZIGNOR form (2005): 128 layers, with the layer index and the uniform taken from separate
/// bits of one 64-bit draw so they are independent. About 99% of draws cost one random
/// number and one multiply, which is what lets the Monte Carlo run at hardware speed.
public enum NormalZiggurat {
    @usableFromInline static let layers = 128
    @usableFromInline static let tailStart = 3.442_619_855_899
    @usableFromInline static let layerArea = 9.912_563_035_262_17e-3

    /// Layer edges x[0...128] and the ratios x[i+1]/x[i]; immutable constants.
    @usableFromInline static let tables: (x: [Double], ratio: [Double]) = {
        var x = [Double](repeating: 0, count: layers + 1)
        var f = exp(-0.5 * tailStart * tailStart)
        x[0] = layerArea / f
        x[1] = tailStart
        for i in 2..<layers {
            x[i] = (-2 * log(layerArea / x[i - 1] + f)).squareRoot()
            f = exp(-0.5 * x[i] * x[i])
        }
        x[layers] = 0
        let ratio = (0..<layers).map { x[$0 + 1] / x[$0] }
        return (x, ratio)
    }()

    /// One N(0, 1) draw.
    @inlinable
    public static func sample(using rng: inout Xoshiro256StarStar) -> Double {
        let (x, ratio) = tables
        while true {
            let bits = rng.next()
            let layer = Int(truncatingIfNeeded: bits & 0x7F)
            let u = 2 * (Double(bits >> 11) * 0x1.0p-53) - 1
            if abs(u) < ratio[layer] { return u * x[layer] }
            if layer == 0 { return tail(negative: u < 0, using: &rng) }
            let candidate = u * x[layer]
            let f0 = exp(-0.5 * (x[layer] * x[layer] - candidate * candidate))
            let f1 = exp(-0.5 * (x[layer + 1] * x[layer + 1] - candidate * candidate))
            if f1 + rng.nextUnit() * (f0 - f1) < 1 { return candidate }
        }
    }

    /// Marsaglia's exact sampler for the tail beyond `tailStart`.
    @usableFromInline
    static func tail(negative: Bool, using rng: inout Xoshiro256StarStar) -> Double {
        var x: Double
        var y: Double
        repeat {
            x = log(openUnit(&rng)) / tailStart
            y = log(openUnit(&rng))
        } while -2 * y < x * x
        return negative ? x - tailStart : tailStart - x
    }

    /// Uniform in (0, 1), never 0, so its log is finite.
    @usableFromInline
    static func openUnit(_ rng: inout Xoshiro256StarStar) -> Double {
        (Double(rng.next() >> 11) + 0.5) * 0x1.0p-53
    }
}

extension Xoshiro256StarStar {
    /// One standard normal draw.
    @inlinable
    public mutating func nextNormal() -> Double { NormalZiggurat.sample(using: &self) }
}
