/// xoshiro256** (Blackman and Vigna 2018): the seedable generator behind every simulated
/// path. A seed gives the same sequence on every machine and every run, which Swift's
/// system generator does not.
///
/// `stream` selects an independent sub-sequence for Monte Carlo path `stream`; stream 0 is
/// the plain seed, so path 0 of a Monte Carlo run sees exactly the market a live session
/// started with the same seed sees.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    public init(seed: UInt64, stream: UInt64 = 0) {
        let start = stream == 0 ? seed : SplitMix64.mix(seed ^ SplitMix64.mix(stream &* 0xD1B5_4A32_D192_ED03))
        var expander = SplitMix64(state: start)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 } // the all-zero state is a fixed point
    }

    // Always inlined, with `rotl`: once the normal draw inlines into a caller as large as the
    // Heston step, the inliner otherwise leaves `rotl` a call, two per draw.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    @inlinable @inline(__always)
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
