/// The last `capacity` values taken in, read oldest first as one contiguous run: each value is
/// stored twice, `capacity` apart, so the window never wraps and a sum over it adds in time
/// order without copying. Memory is 2 × `capacity` values, whatever the length of the stream.
struct WindowRing<Element: Sendable>: Sendable {
    /// Values the window holds when full (≥ 1).
    let capacity: Int
    private var storage: [Element]
    /// Where the next value goes, in 0 ..< capacity.
    private var next = 0
    /// Values in the window now, at most `capacity`.
    private(set) var count = 0

    /// An empty window of `capacity` values; `filler` only fills the unused storage.
    init(capacity: Int, filler: Element) {
        self.capacity = max(capacity, 1)
        storage = Array(repeating: filler, count: 2 * self.capacity)
    }

    /// Takes in `value`, forgetting the oldest once the window is full.
    mutating func append(_ value: Element) {
        storage.withUnsafeMutableBufferPointer { storage in
            storage[next] = value
            storage[next + capacity] = value
        }
        next = next + 1 == capacity ? 0 : next + 1
        if count < capacity { count += 1 }
    }

    /// Calls `body` with the window's values, oldest first.
    func withValues<Result>(_ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
        let start = count < capacity ? 0 : next
        return storage.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<(start + count)])) }
    }
}
