/// A session's scheduled events in time order (events at the same time keep their given order).
public struct EventSchedule: Sendable, Hashable, Codable, ExpressibleByArrayLiteral {
    /// The events, sorted by time.
    public private(set) var events: [ScheduledEvent]

    public init(_ events: [ScheduledEvent] = []) {
        self.events = events.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
    }

    public init(arrayLiteral elements: ScheduledEvent...) { self.init(elements) }

    /// Encoded as the plain list; decoding sorts it like `init(_:)`.
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([ScheduledEvent].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(events)
    }

    public var isEmpty: Bool { events.isEmpty }

    /// Whether any event prices in a move (`ScheduledEvent.expectedMove`): every expiry's vol
    /// then changes from step to step as the event nears, and drops once it has passed.
    public var pricesMoves: Bool { events.contains { $0.expectedMove != nil } }

    /// The summed variance (log units²) of the events still ahead at session time `time` that
    /// an option expiring at session time `expiry` spans: time < event ≤ expiry, with the
    /// tolerance of `events(between:and:)`, so an event stops counting in the step it fires in
    /// and an event at the expiry itself (it moves the settlement price) counts.
    public func variance(after time: Double, through expiry: Double) -> Double {
        let lower = time + OptionBook.timeTolerance, upper = expiry + OptionBook.timeTolerance
        var total = 0.0
        for event in events where event.time > lower && event.time <= upper { total += event.variance }
        return total
    }

    /// The events a step from session time `t0` to `t1` (years) runs into: those with
    /// t0 < time ≤ t1, both ends widened by `OptionBook.timeTolerance` so an event set at a
    /// whole number of steps fires in the step that ends on it. Consecutive steps split the
    /// schedule with nothing lost or repeated.
    public func events(between t0: Double, and t1: Double) -> [ScheduledEvent] {
        let lower = t0 + OptionBook.timeTolerance, upper = t1 + OptionBook.timeTolerance
        guard let first = events.firstIndex(where: { $0.time > lower }) else { return [] }
        return Array(events[first...].prefix { $0.time <= upper })
    }
}
