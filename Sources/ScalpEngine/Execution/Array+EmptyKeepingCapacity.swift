extension Array {
    /// Removes every element and keeps the storage, for the few-element scratch and order
    /// arrays the Monte Carlo's ladder empties nearly every step: `removeAll(keepingCapacity:)`
    /// goes through `replaceSubrange` (about 75 instructions, even when empty), while popping
    /// one or two elements costs a few.
    @inline(__always)
    mutating func emptyKeepingCapacity() {
        while popLast() != nil {}
    }
}
