/// The row labels of a price file (its dates or timestamps, as written), kept as one run of
/// UTF-8 bytes and where each label ends: a label's bytes plus 4 a row, not a `String` each.
/// A label becomes a `String` when it is read.
public struct PriceLabels: RandomAccessCollection, Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    private var text: [UInt8] = []
    /// Where each label ends in `text`.
    private var ends: [UInt32] = []

    /// Which labels a reader keeps.
    public enum Kept: Sendable {
        /// Every row's: for a replay that shows each row's time.
        case everyRow
        /// The first row's and the last's: for a report that names the span.
        case firstAndLast
    }

    public init() {}

    public init(_ labels: some Sequence<String>) {
        for label in labels {
            var label = label
            label.withUTF8 { append($0) }
        }
    }

    public init(arrayLiteral labels: String...) { self.init(labels) }

    /// Encoded as an array of strings, as the labels were kept before.
    public init(from decoder: any Decoder) throws {
        self.init(try [String](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try Array(self).encode(to: encoder)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    public subscript(row: Int) -> String {
        withBytes(row) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with label `row`'s UTF-8 bytes.
    public func withBytes<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = row == 0 ? 0 : Int(ends[row - 1]), end = Int(ends[row])
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// Room for `rows` labels of `bytesEach` bytes, so the storage is allocated once.
    mutating func reserveCapacity(rows: Int, bytesEach: Int) {
        ends.reserveCapacity(rows)
        text.reserveCapacity(rows * bytesEach)
    }

    /// Puts `label` in place of the last label, or adds it when there are fewer than two.
    mutating func replaceLast(_ label: UnsafeBufferPointer<UInt8>) {
        guard ends.count >= 2 else { return append(label) }
        text.removeSubrange(Int(ends[ends.count - 2])...)
        ends.removeLast()
        append(label)
    }

    /// Adds a label after the last, from its UTF-8 bytes.
    mutating func append(_ label: UnsafeBufferPointer<UInt8>) {
        text.append(contentsOf: label)
        precondition(text.count <= Int(UInt32.max), "price labels beyond 4 GiB")
        ends.append(UInt32(text.count))
    }
}
