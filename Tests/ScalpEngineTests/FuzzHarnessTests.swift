import Foundation
import Testing
@testable import ScalpEngine

/// Seeded random mutations of valid scenario and price files through their parsers: each must
/// parse or throw its error, never trap or hang. A fixed seed, so a failure reproduces.
@Suite("Fuzz harness")
struct FuzzHarnessTests {
    /// `text`'s bytes with one random mutation: a flipped byte, a cut, a duplicated run, or an
    /// inserted control character, NUL, CRLF or huge number.
    static func mutate(_ text: String, _ rng: inout Xoshiro256StarStar) -> String {
        var bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return text }
        let at = Int.random(in: 0..<bytes.count, using: &rng)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
        case 1: bytes.removeSubrange(at...)
        case 2:
            let end = min(bytes.count, at + Int.random(in: 1...40, using: &rng))
            bytes.insert(contentsOf: bytes[at..<end], at: at)
        case 3: bytes.insert([0, 1, 0x1B, 0x7F, 0x0D][Int.random(in: 0..<5, using: &rng)], at: at)
        default: bytes.insert(contentsOf: Array(["1e308", "-1e308", "nan", "inf", "99999999999999999999"][Int.random(in: 0..<5, using: &rng)].utf8), at: at)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func mutatedScenarioFilesParseOrThrow() {
        var rng = Xoshiro256StarStar(seed: 19)
        for _ in 0..<300 {
            var text = ScenarioFileTests.minimal
            for _ in 0..<Int.random(in: 1...3, using: &rng) { text = Self.mutate(text, &rng) }
            _ = try? ScenarioFile.parse(text, file: "fuzz.toml")
        }
    }

    @Test func mutatedPriceFilesParseOrThrow() {
        var rng = Xoshiro256StarStar(seed: 21)
        let valid = "date,open,high,low,close,iv\n2024-01-02,100,102,99,101,0.2\n2024-01-03,101,103,100,102,0.21\n2024-01-04,102,104,101,103,0.22\n2024-01-05,103,105,102,104,0.2\n"
        for _ in 0..<1_000 {
            var text = valid
            for _ in 0..<Int.random(in: 1...3, using: &rng) { text = Self.mutate(text, &rng) }
            let fromText = Result { () throws(PriceHistoryError) in try PriceHistory.parse(csv: text, file: "fuzz.csv") }
            let fromBytes = Result { () throws(PriceHistoryError) in try PriceHistory.parse(bytes: Array(text.utf8), file: "fuzz.csv") }
            #expect(fromText == fromBytes, "\(text)")
            if case .success(let history) = fromText {
                #expect(history.closes.allSatisfy { $0.isFinite && $0 > 0 })
            }
        }
    }
}
