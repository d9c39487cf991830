import ScalpEngine

/// libFuzzer entry: any bytes through the price-file reader (as bytes, and as the text they
/// decode to) must parse or throw its error, and what parses has finite positive closes. Built by
/// `Tests/Fuzz/run.sh price`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPriceFile(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: count)
    if let history = try? PriceHistory.parse(buffer: bytes, file: "fuzz.csv") {
        precondition(history.closes.allSatisfy { $0.isFinite && $0 > 0 }, "a close that is not a positive number")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if let history = try? PriceHistory.parse(csv: text, file: "fuzz.csv") {
        precondition(history.closes.allSatisfy { $0.isFinite && $0 > 0 }, "a close that is not a positive number")
    }
    return 0
}
