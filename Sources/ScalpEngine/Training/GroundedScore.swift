import Foundation

/// The grade of a session against the reference family on the same path.
///
/// Every book (the trainee's and each reference rule's) has a utility U = P&L − luck − (λ/2)·Σ Δ²·Var
/// (`HedgingUtility`). With the family's utilities sorted, u₀ ≤ u₁ ≤ … ≤ u_{n−1}, the
/// trainee's placement is 0 at or below u₀, 1 at or above u_{n−1}, and in between
/// (k + (U − u_k)/(u_{k+1} − u_k)) / (n − 1) for the largest k with u_k ≤ U: a piecewise-linear
/// rank, so one reckless rule's awful utility cannot squeeze every other rule to the top.
///
/// points = max(0, 100 × placement − 20 × (fraction of steps over the net-delta limit)
///          − (20 if the loss limit was breached)).
///
/// More cost at the same hedging error, or more hedging error at the same P&L, lowers U and so
/// never raises the points. A trainee who hedges exactly like a family rule has that rule's P&L,
/// Q and limit use, and so its points: nothing is pinned to one benchmark.
public struct GroundedScore: Sendable, Hashable, Codable {
    /// 0–100.
    public var points: Double
    /// Where the trainee's utility falls among the family's, 0–1.
    public var placement: Double
    /// Points lost to the limits.
    public var limitPenalty: Double
    /// The trainee's utility.
    public var utility: HedgingUtility
    /// The family rule nearest the trainee in (costs, hedging error), and the rule with the
    /// highest utility on this path.
    public var nearestRule: String
    public var bestRule: String
    /// One or two plain sentences.
    public var verdict: String
    /// Every reference book's result with its points, in the family's order.
    public var family: [GradedBook]

    /// Points lost per unit of time over the net-delta limit, and for a loss-limit breach.
    public static let deltaLimitPenalty = 20.0
    public static let lossLimitPenalty = 20.0

    public init(trainee: BookResult, family books: [BookResult]) {
        precondition(!books.isEmpty, "a score needs a reference family")
        let sorted = books.map(\.utility.value).sorted()
        func grade(_ book: BookResult) -> (points: Double, placement: Double, penalty: Double) {
            let placement = Self.placement(of: book.utility.value, among: sorted)
            let penalty = Self.penalty(book.record)
            return (max(0, 100 * placement - penalty), placement, penalty)
        }
        let own = grade(trainee)
        points = own.points
        placement = own.placement
        limitPenalty = own.penalty
        utility = trainee.utility
        family = books.map { GradedBook(result: $0, points: grade($0).points) }
        let best = books.max { $0.utility.value < $1.utility.value }!
        bestRule = best.rule
        let nearest = Self.nearest(to: trainee, in: books)
        nearestRule = nearest.rule
        verdict = Self.verdict(trainee: trainee, nearest: nearest, best: best, placement: placement, penalty: limitPenalty)
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

    /// The book nearest `trainee` in (costs, hedging error), each axis scaled by the family's spread of it.
    static func nearest(to trainee: BookResult, in books: [BookResult]) -> BookResult {
        func spread(_ values: [Double]) -> Double {
            max((values.max() ?? 0) - (values.min() ?? 0), 1e-9)
        }
        let costScale = spread(books.map(\.costs))
        let errorScale = spread(books.map(\.utility.hedgingError))
        return books.min { a, b in
            distance(trainee, a, costScale, errorScale) < distance(trainee, b, costScale, errorScale)
        }!
    }

    private static func distance(_ a: BookResult, _ b: BookResult, _ costScale: Double, _ errorScale: Double) -> Double {
        let dc = (a.costs - b.costs) / costScale
        let de = (a.utility.hedgingError - b.utility.hedgingError) / errorScale
        return dc * dc + de * de
    }

    /// `value` rounded to a whole number, never "-0".
    static func whole(_ value: Double) -> Double {
        let rounded = value.rounded()
        return rounded == 0 ? 0 : rounded
    }

    static func verdict(trainee: BookResult, nearest: BookResult, best: BookResult, placement: Double,
                        penalty: Double) -> String {
        func relative(_ mine: Double, _ theirs: Double, more: String, less: String) -> String? {
            guard theirs > 0 else { return mine > 0 ? more : nil }
            let change = mine / theirs - 1
            guard abs(change) >= 0.05 else { return nil }
            return String(format: "%.0f%% %@", abs(change) * 100, change > 0 ? more : less)
        }
        let average = trainee.record.path.averageNetDelta.rounded()
        let held = average == 0 ? "a net delta of 0" : String(format: "%+.0f units", average)
        var sentence = "You traded \(trainee.trades) times and held \(held) on average. "
            + "Your hedging was like \(nearest.rule)"
            + (trainee.rule == nearest.rule ? "" : HedgeRule(nearest.rule).map { " (a rule that " + $0.inWords.dropFirst(nearest.rule.count + 1) + ")" } ?? "")
        let notes = [relative(trainee.utility.hedgingError, nearest.utility.hedgingError, more: "more risk", less: "less risk"),
                     relative(trainee.costs, nearest.costs, more: "more cost", less: "less cost")].compactMap { $0 }
        sentence += notes.isEmpty ? "." : ", with " + notes.joined(separator: " and ") + "."
        var second = best.rule == nearest.rule && placement >= 1
            ? "That was the best rule on this path."
            : String(format: "The best rule on this path was %@ (utility %.0f against your %.0f).",
                     best.rule, Self.whole(best.utility.value), Self.whole(trainee.utility.value))
        if penalty > 0 { second += String(format: " The risk limits cost you %.0f points.", penalty) }
        return sentence + " " + second + " " + Debrief.nextTime(trainee: trainee, best: best, placement: placement)
    }
}

/// A reference book with its points.
public struct GradedBook: Sendable, Hashable, Codable {
    public var result: BookResult
    public var points: Double
}
