import XCTest
@testable import ScalpTUI

final class KeyMapTests: XCTestCase {
    let map = KeyMap.standard

    func testDefaultBindings() {
        let expected: [(Key, Command)] = [
            (.character(" "), .togglePause), (.character("."), .stepOnce), (.character("h"), .hedgeNow),
            (.character("b"), .buyLot), (.character("s"), .sellLot), (.character("["), .lotDown),
            (.character("]"), .lotUp), (.character("a"), .toggleAutoHedge), (.character("A"), .nextPolicy),
            (.character("o"), .optionTicket),
            (.character("+"), .faster), (.character("-"), .slower), (.character("?"), .toggleHelp),
            (.escape, .closeOverlay), (.character("q"), .quit), (.ctrl("c"), .quit), (.ctrl("l"), .redraw),
            (.up, .lotUp), (.down, .lotDown), (.right, .faster), (.left, .slower),
            (.character("B"), .limitBuy), (.character("S"), .limitSell), (.character("C"), .cancelOrders),
            (.character("L"), .toggleLadder), (.character("<"), .limitsCloser), (.character(">"), .limitsFurther),
        ]
        for (key, command) in expected {
            XCTAssertEqual(map.command(for: key), command, "\(key)")
        }
    }

    func testUnboundKeysDoNothing() {
        XCTAssertNil(map.command(for: .character("x")))
        XCTAssertNil(map.command(for: .character("H")))
        XCTAssertNil(map.command(for: .other(265)))
    }

    func testEveryCommandHasAKeyAndNoKeyIsBoundTwice() {
        for command in Command.allCases {
            XCTAssertFalse(map.keys(for: command).isEmpty, "\(command) has no key")
        }
        let keys = map.bindings.flatMap(\.keys)
        XCTAssertEqual(Set(keys).count, keys.count)
    }

    func testKeyNames() {
        XCTAssertEqual(Key.character(" ").description, "space")
        XCTAssertEqual(Key.ctrl("c").description, "Ctrl-C")
        XCTAssertEqual(Key.escape.description, "Esc")
        XCTAssertEqual(Key.character("A").description, "A")
    }
}
