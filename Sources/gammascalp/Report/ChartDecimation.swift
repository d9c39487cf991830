/// Thins a long series for drawing without losing its extremes: the points are split into
/// `buckets` runs by x, and each run keeps its lowest and highest point, in x order (so a
/// spike narrower than a pixel still shows).
enum ChartDecimation {
    static func minMax(_ points: [ChartPoint], buckets: Int = 600) -> [ChartPoint] {
        guard points.count > 2 * buckets, buckets > 0 else { return points }
        var out: [ChartPoint] = []
        out.reserveCapacity(2 * buckets + 2)
        let size = Double(points.count) / Double(buckets)
        for bucket in 0..<buckets {
            let range = Int(Double(bucket) * size)..<min(Int(Double(bucket + 1) * size), points.count)
            guard let first = range.first else { continue }
            var low = first
            var high = first
            for index in range {
                if points[index].y < points[low].y { low = index }
                if points[index].y > points[high].y { high = index }
            }
            // The first run keeps its first point, so the line starts where the data does.
            let keep = bucket == 0 ? [first, low, high] : [low, high]
            for index in Set(keep).sorted() { out.append(points[index]) }
        }
        if let last = points.last, out.last?.x != last.x { out.append(last) }
        return out
    }
}
