import Foundation

/// A linear map from data values to pixels, over a domain widened to round tick values.
struct ChartScale {
    var domain: ClosedRange<Double>
    /// Pixels; `range.lowerBound` is where `domain.lowerBound` lands (may be the larger one,
    /// for a y axis that grows upwards).
    var start: Double
    var end: Double
    /// Round values inside the domain to label, e.g. 0, 250, 500.
    var ticks: [Double]

    /// A scale over `low…high` with about `tickCount` round ticks; the domain is widened to
    /// the ticks around it (and to ±1 around a single value).
    init(low: Double, high: Double, start: Double, end: Double, tickCount: Int = 5, widen: Bool = true) {
        var low = low.isFinite ? low : 0
        var high = high.isFinite ? high : 1
        if high <= low {
            let pad = max(abs(low) * 0.01, 1e-9)
            low -= pad
            high += pad
        }
        let step = Self.niceStep(span: high - low, count: tickCount)
        if widen {
            low = (low / step).rounded(.down) * step
            high = (high / step).rounded(.up) * step
        }
        domain = low...high
        self.start = start
        self.end = end
        let first = (low / step).rounded(.up)
        let last = (high / step).rounded(.down)
        ticks = first <= last ? stride(from: first, through: last, by: 1).map { ($0 * step).roundedAway(step) } : []
    }

    /// The pixel for `value`.
    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        return start + (value - domain.lowerBound) / span * (end - start)
    }

    /// 1, 2 or 5 times a power of ten, so that `span` holds about `count` steps.
    static func niceStep(span: Double, count: Int) -> Double {
        let raw = span / Double(max(count, 1))
        let power = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / power
        let nice: Double = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10
        return nice * power
    }
}

private extension Double {
    /// Clears the floating-point dust of `tick × step` (0.30000000000000004 → 0.3).
    func roundedAway(_ step: Double) -> Double {
        let decimals = max(0, -Int(log10(step).rounded(.down)) + 1)
        let factor = pow(10, Double(decimals))
        return (self * factor).rounded() / factor
    }
}
