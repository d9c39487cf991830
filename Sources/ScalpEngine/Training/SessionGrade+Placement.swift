import Foundation

/// How the points place a book among the reference family on the same path.
///
/// With the family's utilities sorted, u₀ ≤ u₁ ≤ … ≤ u_{n−1}, a book's placement is 0 at or
/// below u₀, 1 at or above u_{n−1}, and in between (k + (U − u_k)/(u_{k+1} − u_k)) / (n − 1) for
/// the largest k with u_k ≤ U: a piecewise-linear rank, so one reckless rule's awful utility
/// cannot squeeze every other rule to the top.
///
/// points = max(0, 100 × placement − 20 × (fraction of steps over the net-delta limit)
///          − (20 if the loss limit was breached)).
///
/// More cost at the same hedging error, or more hedging error at the same P&L, lowers U and so
/// never raises the points. A trainee who hedges exactly like a family rule has that rule's P&L,
/// Q and limit use, and so its points: nothing is pinned to one benchmark.
extension SessionGrade {
    /// Points lost per unit of time over the net-delta limit, and for a loss-limit breach.
    public static let deltaLimitPenalty = 20.0
    public static let lossLimitPenalty = 20.0

    /// `book`'s points (0–100), placement (0–1) and points lost to the limits, among `family`.
    public static func placement(of book: BookResult, among family: [BookResult])
        -> (points: Double, placement: Double, penalty: Double) {
        precondition(!family.isEmpty, "a grade needs a reference family")
        let placement = placement(of: book.utility.value, among: family.map(\.utility.value).sorted())
        let penalty = penalty(book.record)
        return (max(0, 100 * placement - penalty), placement, penalty)
    }

    /// The placement of utility `u` among the sorted utilities `sorted` (see the type).
    public static func placement(of u: Double, among sorted: [Double]) -> Double {
        guard let first = sorted.first, let last = sorted.last, sorted.count > 1 else {
            return u >= (sorted.first ?? u) ? 1 : 0
        }
        if u < first { return 0 }
        if u >= last { return 1 }
        var k = 0
        while sorted[k + 1] <= u { k += 1 }
        let fraction = (u - sorted[k]) / (sorted[k + 1] - sorted[k])
        return (Double(k) + fraction) / Double(sorted.count - 1)
    }

    /// Points lost to the risk limits.
    public static func penalty(_ record: HedgingRecord) -> Double {
        deltaLimitPenalty * record.timeOverDeltaLimit + (record.lossLimitBreached ? lossLimitPenalty : 0)
    }
}
