import ScalpEngine

/// libFuzzer entry: any bytes through the scenario-file reader must parse or throw its error,
/// never trap. Built by `Tests/Fuzz/run.sh scenario`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioFile(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: count), as: UTF8.self)
    _ = try? ScenarioFile.parse(text, file: "fuzz.toml")
    return 0
}
