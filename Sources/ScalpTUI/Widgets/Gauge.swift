/// A horizontal gauge centered at zero: a track from −scale to +scale, the band edges
/// marked, and a bar from the center to the value, in `inside` while |value| ≤ band and in
/// `outside` beyond it. Values past the scale end in an arrow.
public struct CenteredGauge: Sendable {
    public var value: Double
    public var band: Double
    public var scale: Double
    public var inside: Role
    public var outside: Role

    public init(value: Double, band: Double, scale: Double, inside: Role = .gauge, outside: Role = .warning) {
        self.value = value
        self.band = band
        self.scale = scale
        self.inside = inside
        self.outside = outside
    }

    public func render(into grid: inout Grid, _ rect: Rect) {
        guard rect.width >= 5, rect.height >= 1, scale > 0 else { return }
        let y = rect.y
        let half = (rect.width - 1) / 2
        let center = rect.x + half
        let track = Style(.muted)
        for x in rect.x..<rect.maxX { grid.set(x, y, "─", track) }
        func column(_ v: Double) -> Int {
            let offset = Int((v / scale * Double(half)).rounded())
            return center + min(max(offset, -half), half)
        }
        if band > 0, band < scale {
            grid.set(column(-band), y, "┊", track)
            grid.set(column(band), y, "┊", track)
        }
        let role = abs(value) > band ? outside : inside
        let end = column(value)
        if end != center {
            let step = end > center ? 1 : -1
            var x = center + step
            while true {
                grid.set(x, y, "█", Style(role))
                if x == end { break }
                x += step
            }
            if abs(value) > scale { grid.set(end, y, step > 0 ? "▶" : "◀", Style(role, on: .background, .bold)) }
        }
        grid.set(center, y, "┼", Style(.text))
    }
}
