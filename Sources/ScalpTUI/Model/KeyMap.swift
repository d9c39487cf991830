/// A key as the event loop sees it, whatever terminal it came from.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Unicode.Scalar)
    case up, down, left, right
    case escape, enter, backspace
    /// A function or other special key the program does not use (its curses code).
    case other(Int)

    public static func ctrl(_ letter: Character) -> Key {
        let value = letter.asciiValue.map { UInt32($0 & 0x1F) } ?? 0
        return .character(Unicode.Scalar(value)!)
    }

    public var description: String {
        switch self {
        case .character(" "): "space"
        case .character(let scalar) where scalar.value < 0x20:
            "Ctrl-" + String(Character(Unicode.Scalar(scalar.value + 0x40)!))
        case .character(let scalar): String(Character(scalar))
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .escape: "Esc"
        case .enter: "Enter"
        case .backspace: "Backspace"
        case .other(let code): "key \(code)"
        }
    }
}

/// What a key asks for. The app state turns commands into engine actions (`SessionAction`)
/// or screen changes; nothing else reaches the session.
public enum Command: Hashable, Sendable, CaseIterable {
    case togglePause, stepOnce, hedgeNow, buyLot, sellLot, lotDown, lotUp
    case toggleAutoHedge, nextPolicy, faster, slower, optionTicket
    case toggleHelp, closeOverlay, quit, redraw
    case limitBuy, limitSell, cancelOrders, toggleLadder, limitsCloser, limitsFurther, nextVolEstimator
    case askCoach
}

/// The key bindings, and the help text they are listed with (the help overlay and the
/// footer read this table, so they cannot drift from what the keys do).
public struct KeyMap: Sendable {
    public struct Binding: Sendable {
        public var keys: [Key]
        public var command: Command
        public var help: String
    }

    public var bindings: [Binding]

    public init(_ bindings: [Binding]) { self.bindings = bindings }

    public func command(for key: Key) -> Command? {
        bindings.first { $0.keys.contains(key) }?.command
    }

    public func keys(for command: Command) -> [Key] {
        bindings.first { $0.command == command }?.keys ?? []
    }

    public static let standard = KeyMap([
        Binding(keys: [.character(" ")], command: .togglePause, help: "pause / resume"),
        Binding(keys: [.character(".")], command: .stepOnce, help: "one step (while paused)"),
        Binding(keys: [.character("h")], command: .hedgeNow, help: "hedge to neutral now"),
        Binding(keys: [.character("b")], command: .buyLot, help: "buy one lot"),
        Binding(keys: [.character("s")], command: .sellLot, help: "sell one lot"),
        Binding(keys: [.character("["), .down], command: .lotDown, help: "smaller lot"),
        Binding(keys: [.character("]"), .up], command: .lotUp, help: "larger lot"),
        Binding(keys: [.character("a")], command: .toggleAutoHedge, help: "auto-hedge on / off"),
        Binding(keys: [.character("A")], command: .nextPolicy, help: "next hedge policy"),
        Binding(keys: [.character("B")], command: .limitBuy, help: "limit buy under the bid"),
        Binding(keys: [.character("S")], command: .limitSell, help: "limit sell over the ask"),
        Binding(keys: [.character("<")], command: .limitsCloser, help: "B/S nearer the touch"),
        Binding(keys: [.character(">")], command: .limitsFurther, help: "B/S further from touch"),
        Binding(keys: [.character("C")], command: .cancelOrders, help: "cancel resting orders"),
        Binding(keys: [.character("L")], command: .toggleLadder, help: "ladder hedge on / off"),
        Binding(keys: [.character("o")], command: .optionTicket, help: "option ticket"),
        Binding(keys: [.character("v")], command: .nextVolEstimator, help: "next vol estimator"),
        Binding(keys: [.character("m")], command: .askCoach, help: "coach: the best rule now"),
        Binding(keys: [.character("+"), .character("="), .right], command: .faster, help: "faster (×2)"),
        Binding(keys: [.character("-"), .character("_"), .left], command: .slower, help: "slower (÷2)"),
        Binding(keys: [.character("?")], command: .toggleHelp, help: "this help"),
        Binding(keys: [.escape], command: .closeOverlay, help: "close the overlay"),
        Binding(keys: [.character("q"), .ctrl("c")], command: .quit, help: "end session, see summary"),
        Binding(keys: [.ctrl("l")], command: .redraw, help: "redraw the screen"),
    ])
}
