import Foundation
import Testing
import ScalpEngine
@testable import ScalpJournal

/// Seeded random byte mutations of a recorded journal through the reader and the verifier:
/// each must read or throw, never trap.
@Suite("Journal fuzz")
struct JournalFuzzTests {
    @Test func mutatedJournalsReadOrThrow() throws {
        let text = try String(contentsOfFile: try RecordedJournalTests.fixture("drill-0.2.0.jsonl"), encoding: .utf8)
        let valid = Array(text.utf8)
        var rng = Xoshiro256StarStar(seed: 9)
        for _ in 0..<60 {
            var bytes = valid
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1: bytes.removeSubrange(at...)
            case 2: bytes.insert([0, 0x0D, 0x1B][Int.random(in: 0..<3, using: &rng)], at: at)
            default: bytes.insert(contentsOf: Array("1e308".utf8), at: at)
            }
            if let document = try? JournalReader.parse(String(decoding: bytes, as: UTF8.self), path: "fuzz.jsonl") {
                for session in document.sessions { _ = try? JournalVerifier.verify(session) }
            }
        }
    }
}
