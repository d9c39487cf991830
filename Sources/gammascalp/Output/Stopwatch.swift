/// Wall-clock time since it was made, for the throughput figures the headless commands print.
/// (The engine reads no clock; the commands time it.)
struct Stopwatch {
    private let start = ContinuousClock.now

    /// Seconds since the stopwatch was made.
    var elapsedSeconds: Double {
        let elapsed = (ContinuousClock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
}
