import Foundation
import XCTest
@testable import ScalpTUI

extension XCTestCase {
    /// Compares a rendered grid with Snapshots/NAME.txt (GAMMASCALP_RECORD=1 writes it).
    func assertGolden(_ grid: Grid, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = SnapshotTests.folder.appendingPathComponent(name + ".txt")
        let text = grid.text + "\n"
        if ProcessInfo.processInfo.environment["GAMMASCALP_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: SnapshotTests.folder, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return XCTFail("no snapshot \(name).txt: run GAMMASCALP_RECORD=1 swift test", file: file, line: line)
        }
        if text != expected {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            XCTFail("""
            \(name) differs from line \(first + 1):
            got:  \(first < got.count ? got[first] : "<end>")
            want: \(first < want.count ? want[first] : "<end>")
            full screen:
            \(text)
            (GAMMASCALP_RECORD=1 rewrites the snapshots)
            """, file: file, line: line)
        }
    }
}
