import Foundation
import ScalpEngine
import ScalpFormat

/// The option ticket (`o`): a small form to buy or sell calls, puts or straddles, so the
/// trainee can build and adjust the book as well as hedge it.
///
/// A pure value, like the rest of the screen state: keys change it (`handle(_:)`), `quote(_:)`
/// prices it against the session as it stands, and `orders(at:)` turns it into the engine's
/// `OptionOrder`s (a straddle is two, a call and a put). The fill is the engine's: the model
/// price at the strike's implied vol, plus the option half-spread in vol.
public struct OptionTicket: Sendable, Hashable {
    public enum Side: String, Sendable, Hashable, CaseIterable {
        case buy, sell
        /// +1 buys, −1 sells.
        public var sign: Double { self == .buy ? 1 : -1 }
    }

    /// The form's fields, top to bottom; Tab and ↑/↓ move between them.
    public enum Field: Int, Sendable, Hashable, CaseIterable {
        case side, kind, strike, expiry, quantity

        public var label: String {
            switch self {
            case .side: "Side"
            case .kind: "Kind"
            case .strike: "Strike"
            case .expiry: "Expiry"
            case .quantity: "Quantity"
            }
        }

        var isNumber: Bool { self == .strike || self == .expiry || self == .quantity }
    }

    /// What a key did to the ticket.
    public enum Outcome: Sendable, Hashable {
        /// The form changed (or the key was ignored); it stays open.
        case editing
        /// Enter on a valid form: send `orders(at:)` and close.
        case submit
        /// Esc: close without trading.
        case cancel
    }

    public var side: Side = .buy
    public var kind: OptionStructure = .call
    /// Strike, currency (> 0).
    public var strike: Double
    /// Days to expiry from now (> 0).
    public var expiryDays: Double
    /// Contracts per leg (> 0).
    public var quantity: Double = 1
    /// Units of the underlying per contract: the book's, so new lines match it.
    public let multiplier: Double
    /// The strike grid: ←/→ on the strike move by one step.
    public let strikeStep: Double
    /// The session time the ticket was opened at (time stands still while it is open).
    public let openedAt: Double
    /// The session's clock: the ticket's days are its days.
    public let dayCount: DayCount
    /// The book's nearest expiry (session time), used exactly while the expiry is untouched,
    /// so a new option lines up with the book's.
    public private(set) var bookExpiry: Double?
    public var focus: Field = .side
    /// What is being typed into the focused number field, not yet taken.
    public private(set) var entry: String?
    /// Why the last Enter did not send, shown on the form.
    public private(set) var problem: String?

    /// Days to expiry when the book has no live option.
    public static let defaultExpiryDays = 30.0

    /// A ticket for `session` now: at the money on the strike grid, the book's nearest expiry
    /// (else 30 days), one contract of the book's multiplier (else 100).
    public init(session: Session) {
        let grid = Self.strikeStep(forSpot: session.config.spot)
        strikeStep = grid
        strike = max((session.spot / grid).rounded() * grid, grid)
        openedAt = session.time
        dayCount = session.config.dayCount
        multiplier = session.book.positions.first?.multiplier ?? 100
        if let expiry = session.book.nextExpiry, expiry > session.time + OptionBook.timeTolerance {
            bookExpiry = expiry
            expiryDays = (expiry - session.time) * dayCount.daysPerYear
        } else {
            expiryDays = Self.defaultExpiryDays
        }
    }

    /// A strike grid step for a spot: the nearest (in ratio) of 1, 2.5 and 5 times a power of
    /// ten to a hundredth of the spot, e.g. 1.0 for a spot near 100, 25 near 2,500.
    public static func strikeStep(forSpot spot: Double) -> Double {
        guard spot.isFinite, spot > 0 else { return 1 }
        let target = spot / 100
        let decade = pow(10, floor(log10(target)))
        let candidates = [0.5, 1, 2.5, 5, 10].map { $0 * decade }
        return candidates.min { abs(log($0 / target)) < abs(log($1 / target)) } ?? 1
    }

    /// The expiry as a session time.
    public var expiry: Double {
        if let bookExpiry { return bookExpiry }
        return openedAt + expiryDays / dayCount.daysPerYear
    }

    /// The orders Enter sends: one per leg, quantity signed by the side.
    public func orders() -> [OptionOrder] {
        kind.legs.map {
            OptionOrder(kind: $0, strike: strike, expiry: expiry, quantity: side.sign * quantity, multiplier: multiplier)
        }
    }

    // MARK: - Keys

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape:
            return .cancel
        case .enter:
            take()
            if problem == nil { problem = validationProblem }
            return problem == nil ? .submit : .editing
        case .character("\t"), .down:
            take()
            focus = Field(rawValue: (focus.rawValue + 1) % Field.allCases.count) ?? .side
        case .up, .other(Self.backTabKeyCode):
            take()
            focus = Field(rawValue: (focus.rawValue + Field.allCases.count - 1) % Field.allCases.count) ?? .side
        case .left:
            take()
            change(by: -1)
        case .right, .character(" "):
            take()
            change(by: 1)
        case .backspace:
            guard focus.isNumber else { break }
            var text = entry ?? text(for: focus)
            if !text.isEmpty { text.removeLast() }
            entry = text
        case .character(let scalar):
            guard focus.isNumber, scalar.properties.numericType != nil || scalar == "." else { break }
            guard scalar.isASCII, (entry ?? "").count < 9 else { break }
            if scalar == ".", focus == .quantity || (entry ?? "").contains(".") { break }
            entry = (entry ?? "") + String(Character(scalar))
        default:
            break
        }
        return .editing
    }

    /// curses' KEY_BTAB (Shift-Tab).
    public static let backTabKeyCode = 353

    /// The focused field's value as the form shows it (the entry while typing).
    public func text(for field: Field) -> String {
        if field == focus, let entry { return entry }
        switch field {
        case .side: return side.rawValue.uppercased()
        case .kind: return kind.rawValue
        case .strike: return Format.number(strike, strike == strike.rounded() ? 0 : 2)
        case .expiry: return Format.trimmed((expiryDays * 10).rounded() / 10)
        case .quantity: return Format.trimmed(quantity)
        }
    }

    /// Takes what was typed into the focused field (a bad number is dropped, with a note).
    private mutating func take() {
        guard let text = entry else { return }
        entry = nil
        guard let value = Double(text), value.isFinite, value > 0 else {
            problem = text.isEmpty ? nil : "'\(text)' is not a positive number"
            return
        }
        problem = nil
        switch focus {
        case .strike: strike = value
        case .expiry:
            expiryDays = value
            bookExpiry = nil
        case .quantity: quantity = value.rounded() >= 1 ? value.rounded() : 1
        case .side, .kind: break
        }
    }

    private mutating func change(by direction: Int) {
        problem = nil
        let up = direction > 0
        switch focus {
        case .side:
            side = side == .buy ? .sell : .buy
        case .kind:
            let all = OptionStructure.allCases
            let index = all.firstIndex(of: kind) ?? 0
            kind = all[(index + (up ? 1 : all.count - 1)) % all.count]
        case .strike:
            let position = strike / strikeStep
            let next = up ? (position + 1e-9).rounded(.down) + 1 : (position - 1e-9).rounded(.up) - 1
            strike = max(next, 1) * strikeStep
        case .expiry:
            expiryDays = up ? (expiryDays + 1e-9).rounded(.down) + 1 : max((expiryDays - 1e-9).rounded(.up) - 1, 1)
            bookExpiry = nil
        case .quantity:
            quantity = max(quantity + (up ? 1 : -1), 1)
        }
    }

    /// Why the form cannot be sent, or nil.
    private var validationProblem: String? {
        if !(strike.isFinite && strike > 0) { return "the strike must be positive" }
        if !(expiryDays.isFinite && expiryDays * 24 >= 1) { return "the expiry must be at least an hour away" }
        if !(quantity.isFinite && quantity >= 1) { return "the quantity must be at least 1 contract" }
        return nil
    }

    // MARK: - Quote

    /// The ticket priced against the session now, as the engine will fill it.
    public struct Quote: Sendable, Hashable {
        /// The strike's implied vol, annualised fraction.
        public var impliedVol: Double
        /// Model value per share at that vol (the legs summed for a straddle).
        public var modelPrice: Double
        /// The fill per share: the model price at vol ± the option half-spread.
        public var fillPrice: Double
        /// Cash paid (positive) or received (negative), currency.
        public var premium: Double
        /// What the spread costs, currency (≥ 0).
        public var spreadCost: Double
        /// The change of the book's net delta, shares.
        public var deltaChange: Double
        /// The net delta after the trade, shares.
        public var netDeltaAfter: Double
        /// Half the option spread, in vol.
        public var halfSpreadVol: Double
    }

    /// The engine's quote of each leg (`Session.quote`), summed: what Enter will fill at.
    public func quote(_ session: Session) -> Quote {
        let legs = orders().map(session.quote)
        let model = legs.reduce(0) { $0 + $1.markPrice }
        let fill = legs.reduce(0) { $0 + $1.fillPrice }
        let deltaChange = legs.reduce(0) { $0 + $1.deltaChange }
        return Quote(impliedVol: legs.first?.impliedVol ?? session.atmImpliedVol, modelPrice: model, fillPrice: fill,
                     premium: legs.reduce(0) { $0 + $1.premium }, spreadCost: legs.reduce(0) { $0 + $1.spreadCost },
                     deltaChange: deltaChange, netDeltaAfter: session.netDelta + deltaChange,
                     halfSpreadVol: session.config.costs.optionHalfSpreadVol)
    }

    /// The trade in a few words: "buy 5 C100 29d", "sell 2 straddle 97.5 7d".
    public var shortDescription: String {
        let strikeText = Format.trimmed(strike)
        let what: String
        switch kind {
        case .call: what = "C" + strikeText
        case .put: what = "P" + strikeText
        case .straddle: what = "straddle " + strikeText
        }
        return "\(side == .buy ? "bought" : "sold") \(Format.trimmed(quantity)) \(what) \(Format.days(expiry - openedAt, on: dayCount))"
    }
}

/// An option trade the ticket made, as the blotter shows it (a straddle is one line; the
/// engine keeps each order's fill as an `OptionFill`).
public struct TicketFill: Sendable, Hashable {
    public var step: Int
    public var time: Double
    /// E.g. "bought 5 C100 29d".
    public var description: String
    /// Fill per share (the legs summed for a straddle).
    public var price: Double
    public var spreadCost: Double
    public var isBuy: Bool
    /// The trainee's stock trades before this one: where it goes among them in the blotter.
    public var stockTradesBefore: Int
}
