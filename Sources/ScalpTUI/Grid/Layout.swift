/// How much of a split one part takes, as in ratatui's layout constraints.
public enum Constraint: Sendable, Hashable {
    /// Exactly this many cells (less only if the space runs out).
    case length(Int)
    /// A share of what is left after the fixed lengths, by weight.
    case fill(Int)
}

extension Rect {
    /// Splits into rows top to bottom.
    public func rows(_ constraints: [Constraint]) -> [Rect] {
        Self.split(total: height, constraints).map { Rect(x: x, y: y + $0.start, width: width, height: $0.size) }
    }

    /// Splits into columns left to right.
    public func columns(_ constraints: [Constraint]) -> [Rect] {
        Self.split(total: width, constraints).map { Rect(x: x + $0.start, y: y, width: $0.size, height: height) }
    }

    /// Fixed lengths first (in order, while space lasts), then the rest shared by weight;
    /// rounding leftovers go to the last fill.
    static func split(total: Int, _ constraints: [Constraint]) -> [(start: Int, size: Int)] {
        var sizes = Array(repeating: 0, count: constraints.count)
        var remaining = max(total, 0)
        for (index, constraint) in constraints.enumerated() {
            if case .length(let length) = constraint {
                sizes[index] = min(max(length, 0), remaining)
                remaining -= sizes[index]
            }
        }
        let weights = constraints.map { if case .fill(let w) = $0 { max(w, 0) } else { 0 } }
        let totalWeight = weights.reduce(0, +)
        if totalWeight > 0 {
            var given = 0
            var lastFill = 0
            for (index, weight) in weights.enumerated() where weight > 0 {
                sizes[index] = remaining * weight / totalWeight
                given += sizes[index]
                lastFill = index
            }
            sizes[lastFill] += remaining - given
        }
        var start = 0
        return sizes.map { size in
            defer { start += size }
            return (start, size)
        }
    }
}
