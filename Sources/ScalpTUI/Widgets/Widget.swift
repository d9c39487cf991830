/// Something that draws itself into an area of the grid, as ratatui's `Widget::render(area, buf)`:
/// it reads only what it was made with, writes only inside `area`, and keeps no state between
/// frames. Every panel of the dashboard is one.
public protocol Widget {
    func render(into grid: inout Grid, _ area: Rect)
}

extension Sparkline: Widget {}
extension CenteredGauge: Widget {}
