import Foundation
import ScalpEngine
import ScalpJournal
import ScalpFormat

/// The training side of the live screen: the benchmark hedger beside the trainee, the risk
/// limits, the intro, the option ticket and the scheduled events. Everything the trainee
/// does still goes through `apply(_:)`, and so through `TrainingSession.apply`.
extension AppState {
    /// The shadow book, hedged by the scenario's benchmark rule on the same price path.
    public var benchmark: Session { training.benchmark }

    /// Trainee P&L minus benchmark P&L, currency.
    public var pnlGap: Double { training.pnlGap }

    /// The score against the benchmark so far (final once the session has ended).
    public var score: SessionGrade { training.grade }

    /// True while an overlay that holds simulated time still is open: the intro, the ticket,
    /// the help.
    public var holdsTime: Bool { trainingState.showIntro || trainingState.ticket != nil || showHelp }

    /// The trainee's |net delta| against the scenario's net-delta limit.
    public var deltaLimitStatus: LimitStatus { training.deltaLimitStatus }

    /// The trainee's loss (−P&L) against the scenario's loss limit.
    public var lossLimitStatus: LimitStatus { training.lossLimitStatus }

    // MARK: - Scheduled events

    /// The latest scheduled event while it is news: for five seconds of play at the current
    /// speed after it fired (at least one step).
    public var recentEvent: ScheduledEvent? {
        guard let event = session.latestEvent else { return nil }
        let window = max((stepsPerSecond * Self.eventNewsSeconds).rounded(), 1) * session.config.timeStep
        return session.time - event.time <= window + OptionBook.timeTolerance ? event : nil
    }

    /// Seconds of play an event stays on the screen.
    public static let eventNewsSeconds = 5.0

    /// An event in a few words: "earnings: -5.8%, IV -30 pts", or with the move the options
    /// priced in, "earnings: -5.8% vs ±8.0% priced".
    public static func describe(_ event: ScheduledEvent) -> String {
        var parts: [String] = []
        if event.logPriceJump != 0 || event.expectedMove != nil {
            let move = Format.number((event.priceFactor - 1) * 100, 1, sign: true) + "%"
            parts.append(move + (event.expectedMove.map { " vs ±" + Format.percent($0) + " priced" } ?? ""))
        }
        if event.impliedVolChange != 0 { parts.append("IV " + Format.points(event.impliedVolChange, 0) + " pts") }
        let label = TextLayout.sanitize(event.label)
        return parts.isEmpty ? label : label + ": " + parts.joined(separator: ", ")
    }

    // MARK: - The coach

    /// Seconds of play the coach's line stays on the screen (a key clears it sooner).
    public static let coachSeconds = 5.0

    /// The coach's line while it is fresh: asked at most `coachSeconds` of play ago at the
    /// current speed (at least one step), and no key pressed since.
    public var coachLine: String? {
        guard let coach = trainingState.coach else { return nil }
        let window = max(Int((stepsPerSecond * Self.coachSeconds).rounded()), 1)
        return session.step - coach.step <= window ? coach.text : nil
    }

    /// What a class trainee sees for `m` when the scenario keeps the coach out of the class.
    public static let coachOffInClass = "off in this class: the instructor has not allowed it"

    /// `m`: what the best reference rule on the path so far would do now, and why, as one
    /// line; the recorder journals it as a `coach` line. In a class only when the scenario
    /// allows it (`[training] coach_in_class`): otherwise the line says so and nothing is
    /// journaled. Live play only, while the session runs.
    mutating func askCoach() {
        guard replay == nil, endReason == nil, !session.isFinished else { return }
        guard scenario.allowsCoach(inClass: className != nil) else {
            trainingState.coach = CoachLine(step: session.step, text: Self.coachOffInClass)
            return
        }
        let advice = CoachAdvice(training)
        trainingState.coach = CoachLine(step: session.step, text: CoachText.sentence(advice))
        recorder.recordCoach(advice)
    }

    // MARK: - Time labels

    /// The session time at `step` as the screen shows it: the price file's row label when
    /// replaying one, else "day D hh:mm" ("dD hh:mm" when `short`, at most 8 columns).
    public func timeLabel(step: Int, short: Bool = false) -> String {
        if let labels = trainingState.priceLabels {
            let label = labels[min(max(step, 0), labels.count - 1)]
            return short ? Self.shortLabel(label) : label
        }
        let time = Double(step) * session.config.timeStep
        let clock = session.config.clock
        return short ? Format.shortClock(time, on: clock) : Format.clock(time, on: clock)
    }

    /// When replaying a price file, the row label of the book's next expiry (nil otherwise,
    /// or when it falls outside the file).
    public func expiryLabel(short: Bool) -> String? {
        guard let labels = trainingState.priceLabels, let expiry = session.book.nextExpiry else { return nil }
        let step = Int((expiry / session.config.timeStep).rounded())
        guard step >= 0, step < labels.count else { return nil }
        return timeLabel(step: step, short: short)
    }

    /// A row label cut to 8 columns: "2024-03-15" → "24-03-15", "2024-03-15 10:30" → "15 10:30".
    static func shortLabel(_ label: String) -> String {
        let scalars = Array(label.unicodeScalars)
        guard scalars.count > 8 else { return label }
        if let space = scalars.firstIndex(where: { $0 == " " || $0 == "T" }), space >= 2 {
            let day = String(String.UnicodeScalarView(scalars[(space - 2)..<space]))
            let clock = String(String.UnicodeScalarView(scalars[(space + 1)...].prefix(5)))
            return day + " " + clock
        }
        return String(String.UnicodeScalarView(scalars.suffix(8)))
    }

    // MARK: - Keys for the overlays

    /// Gives a key to the ticket or the intro when one is open; true when it took the key.
    /// On the intro, q and ? keep their meaning (after closing it); any other key only closes it.
    mutating func handleTrainingKey(_ key: Key, keyMap: KeyMap) -> Bool {
        if trainingState.ticket != nil {
            handleTicketKey(key)
            return true
        }
        if trainingState.showIntro {
            trainingState.showIntro = false
            if let command = keyMap.command(for: key), command == .quit || command == .toggleHelp { return false }
            return true
        }
        return false
    }

    /// Opens the option ticket (live play only, while the session runs).
    mutating func openTicket() {
        guard replay == nil, endReason == nil, !session.isFinished else { return }
        trainingState.showIntro = false
        trainingState.ticket = OptionTicket(session: session)
    }

    private mutating func handleTicketKey(_ key: Key) {
        guard var ticket = trainingState.ticket else { return }
        switch ticket.handle(key) {
        case .editing:
            trainingState.ticket = ticket
        case .cancel:
            trainingState.ticket = nil
        case .submit:
            trainingState.ticket = nil
            let quote = ticket.quote(session)
            let stockTrades = session.tradeCount
            let filledBefore = session.optionTradeCount
            let orders = ticket.orders()
            for order in orders { apply(.tradeOption(order)) }
            guard session.optionTradeCount - filledBefore == orders.count else { return }
            if trainingState.fills.count >= TrainingState.fillCapacity { trainingState.fills.removeFirst() }
            trainingState.fills.append(TicketFill(
                step: session.step, time: session.time, description: ticket.shortDescription,
                price: quote.fillPrice, spreadCost: quote.spreadCost, isBuy: ticket.side == .buy,
                stockTradesBefore: stockTrades))
        }
    }
}
