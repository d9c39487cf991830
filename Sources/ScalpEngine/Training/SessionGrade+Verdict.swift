import Foundation

/// The grade's verdict: how the trainee hedged, next to the family rule it was most like and
/// the best rule on the path, and what to do next time (`Debrief`).
extension SessionGrade {
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

