import Foundation

/// Standard normal variates by the ziggurat method (Marsaglia and Tsang 2000), in Doornik's
/// ZIGNOR form (2005): 128 layers, with the layer index and the uniform taken from separate
/// bits of one 64-bit draw so they are independent. About 99% of draws cost one random
/// number and one multiply, which is what lets the Monte Carlo run at hardware speed.
public enum NormalZiggurat {
    @usableFromInline static let layers = 128
    @usableFromInline static let tailStart = 3.442_619_855_899
    @usableFromInline static let layerArea = 9.912_563_035_262_17e-3

    /// One layer of the ziggurat: its edge x[i] and the ratio x[i+1]/x[i].
    @usableFromInline
    struct Layer {
        @usableFromInline let edge: Double
        @usableFromInline let ratio: Double
    }

    /// Layers 0...128 (the ratio of the last is unused): constants built once and never freed.
    /// A raw pointer rather than an array, because reading an array held in a static costs a
    /// retain and a release, a fifth of the time of a draw this cheap. Never written after
    /// initialisation, hence safe to share.
    @usableFromInline nonisolated(unsafe) static let table: UnsafePointer<Layer> = {
        var x = [Double](repeating: 0, count: layers + 1)
        var f = exp(-0.5 * tailStart * tailStart)
        x[0] = layerArea / f
        x[1] = tailStart
        for i in 2..<layers {
            x[i] = (-2 * log(layerArea / x[i - 1] + f)).squareRoot()
            f = exp(-0.5 * x[i] * x[i])
        }
        x[layers] = 0
        let table = UnsafeMutablePointer<Layer>.allocate(capacity: layers + 1)
        for i in 0...layers {
            table[i] = Layer(edge: x[i], ratio: i < layers ? x[i + 1] / x[i] : 0)
        }
        return UnsafePointer(table)
    }()

    /// One N(0, 1) draw. The common case (a point inside its layer's rectangle, about 99% of
    /// draws) is inlined into the caller, the Monte Carlo's step; the rest is a call.
    @inlinable @inline(__always)
    public static func sample(using rng: inout Xoshiro256StarStar) -> Double {
        sample(using: &rng, table: table)
    }

    /// `sample(using:)` with `table` read by the caller: reading the lazily built global costs
    /// a call (its once-only check) on every draw, which a loop can read once instead.
    @inlinable @inline(__always)
    static func sample(using rng: inout Xoshiro256StarStar, table: UnsafePointer<Layer>) -> Double {
        let (layer, u) = point(rng.next())
        if abs(u) < table[layer].ratio { return u * table[layer].edge }
        return sampleOutsideRectangle(layer: layer, u: u, using: &rng)
    }

    /// A draw's layer (its low 7 bits) and its uniform in (−1, 1) (its top 53 bits).
    @inlinable @inline(__always)
    static func point(_ bits: UInt64) -> (layer: Int, u: Double) {
        (Int(truncatingIfNeeded: bits & 0x7F), 2 * (Double(bits >> 11) * 0x1.0p-53) - 1)
    }

    /// The rest of `sample` after a draw (`layer`, `u`) fell outside its layer's rectangle:
    /// the base layer's tail, or the wedge's test, drawing again until accepted.
    @usableFromInline @inline(never)
    static func sampleOutsideRectangle(layer: Int, u: Double, using rng: inout Xoshiro256StarStar) -> Double {
        let table = table
        var (layer, u) = (layer, u)
        while true {
            let x = table[layer].edge
            if layer == 0 { return tail(negative: u < 0, using: &rng) }
            let candidate = u * x
            let next = table[layer + 1].edge
            let f0 = exp(-0.5 * (x * x - candidate * candidate))
            let f1 = exp(-0.5 * (next * next - candidate * candidate))
            if f1 + rng.nextUnit() * (f0 - f1) < 1 { return candidate }
            (layer, u) = point(rng.next())
            if abs(u) < table[layer].ratio { return u * table[layer].edge }
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
    @inlinable @inline(__always)
    public mutating func nextNormal() -> Double { NormalZiggurat.sample(using: &self) }
}
