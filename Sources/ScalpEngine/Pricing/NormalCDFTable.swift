import Foundation

/// Φ(x) from a table of Taylor expansions, to within 3e-16 absolute: the hedger's normal CDF,
/// taken once per position per step by every Monte Carlo path, at a quarter of the cost of
/// `NormalDistribution.cdf` (no exp, no library call, one cache line per lookup).
///
/// Nodes x_i = −8.5 + i/64. About the nearest node, with |t| ≤ 1/128,
/// Φ(x_i + t) = Σ_{k=0…6} c_k t^k, with c_0 = Φ(x_i) and c_k = (−1)^{k−1} He_{k−1}(x_i) φ(x_i)/k!
/// (He the probabilists' Hermite polynomials), so the truncation error is below
/// (1/128)^7/7! · max|He_6·φ| ≈ 2e-18. t = x − x_i is exact; the error is the rounding of
/// c_0 and c_1 and of the sum, a few 1e-17 to 2.5e-16. Beyond |x| ≥ 8.5 it returns 0 or 1,
/// off by at most Φ(−8.5) ≈ 1e-17. Relative accuracy in the far tails is what `cdf` is for.
enum NormalCDFTable {
    static let limit = 8.5
    static let nodesPerUnit = 64.0
    static let nodeCount = 17 * 64 + 1
    static let degree = 6

    /// The address of the coefficients: c_0…c_6 of node i at 7i…7i+6. A raw pointer, because
    /// an array costs a retain and a release on every read; built once, never freed or
    /// written, hence safe to share between threads.
    struct Coefficients: @unchecked Sendable {
        let base: UnsafePointer<Double>
    }

    static let coefficients: Coefficients = {
        let table = UnsafeMutablePointer<Double>.allocate(capacity: nodeCount * (degree + 1))
        var factorial = [1.0]
        for k in 1...degree { factorial.append(factorial[k - 1] * Double(k)) }
        for i in 0..<nodeCount {
            let x = -limit + Double(i) / nodesPerUnit
            let density = NormalDistribution.pdf(x)
            // He_0 … He_5 at x by the recurrence He_{n+1} = x·He_n − n·He_{n−1}.
            var hermite = [1.0, x]
            for n in 1..<(degree - 1) { hermite.append(x * hermite[n] - Double(n) * hermite[n - 1]) }
            table[i * (degree + 1)] = NormalDistribution.cdf(x)
            for k in 1...degree {
                let sign: Double = (k - 1).isMultiple(of: 2) ? 1 : -1
                table[i * (degree + 1) + k] = sign * hermite[k - 1] * density / factorial[k]
            }
        }
        return Coefficients(base: UnsafePointer(table))
    }()

    /// Φ(x) to within 3e-16 absolute.
    static func cdf(_ x: Double) -> Double { cdf(x, coefficients: coefficients) }

    /// Φ(x) to within 3e-16 absolute, from `coefficients` (the table above): a caller in a hot
    /// loop keeps the table's address, since every read of a lazily built static checks that it
    /// is built, through a call that spills every floating-point register.
    @inline(__always)
    static func cdf(_ x: Double, coefficients: Coefficients) -> Double {
        guard abs(x) < limit else { return x < 0 ? 0 : (x > 0 ? 1 : .nan) }
        let (c, t) = nearestNode(x, coefficients: coefficients)
        return c[0] + t * (c[1] + t * (c[2] + t * (c[3] + t * (c[4] + t * (c[5] + t * c[6])))))
    }

    /// Φ(x), and φ(x) = Φ′(x) as the derivative of the same expansion (the degree-5 Taylor
    /// polynomial of φ about the node), from one node lookup: φ is even, so the lookup at
    /// sign·d₁ for a call's or a put's delta also gives the gamma, without an exp. φ is within
    /// 3e-15 absolute ((1/128)^6/6! · max|He_6·φ|; 0 beyond |x| ≥ 8.5, where φ < 1.4e-16).
    @inline(__always)
    static func cdfAndPdf(_ x: Double, coefficients: Coefficients) -> (cdf: Double, pdf: Double) {
        guard abs(x) < limit else { return (x < 0 ? 0 : (x > 0 ? 1 : .nan), x.isNaN ? .nan : 0) }
        let (c, t) = nearestNode(x, coefficients: coefficients)
        return (c[0] + t * (c[1] + t * (c[2] + t * (c[3] + t * (c[4] + t * (c[5] + t * c[6]))))),
                c[1] + t * (2 * c[2] + t * (3 * c[3] + t * (4 * c[4] + t * (5 * c[5] + t * (6 * c[6]))))))
    }

    /// The coefficients of the node nearest `x` (|x| < 8.5) and t = x − node, exact.
    @inline(__always)
    private static func nearestNode(_ x: Double, coefficients: Coefficients) -> (UnsafePointer<Double>, Double) {
        // Adding 1.5·2^52 rounds (x + 8.5)·64 to the nearest node and leaves its index in the
        // low bits, without a checked float-to-integer conversion.
        let shifted = (x + limit) * nodesPerUnit + roundingShift
        let node = Int(truncatingIfNeeded: shifted.bitPattern & 0xFFFF)
        let t = x - ((shifted - roundingShift) / nodesPerUnit - limit)
        return (coefficients.base + node &* (degree + 1), t)
    }

    /// 1.5·2^52.
    static let roundingShift = 0x1.8p52
}
