import ScalpEngine
import ScalpFormat

/// The top line: the scenario, the seed (for a simulated path), the session clock and the
/// time to expiry on the left; run state, speed and the hedger on the right. Drops detail
/// in tiers as the line gets narrower.
struct HeaderBar: Widget {
    let snapshot: ScreenSnapshot

    static let separator = " │ "

    func render(into grid: inout Grid, _ rect: Rect) {
        grid.fill(rect, " ", Style(.text, on: .selection))
        let (left, right) = tiers.first { $0.0.width + $0.1.width + 1 <= rect.width } ?? tiers[tiers.count - 1]
        var shownRight = right
        if let problem = snapshot.journalProblem {
            shownRight = [Span(" ⚠ " + problem + " ", Style(.warning, on: .selection, .bold))]
        }
        let rightWidth = min(shownRight.width, rect.width)
        grid.put(left, x: rect.x, y: rect.y, limit: max(rect.width - rightWidth - 1, 0))
        grid.put(shownRight, x: rect.maxX - rightWidth, y: rect.y, limit: rightWidth)
    }

    /// The left and right halves, longest first; the first pair that fits is drawn.
    var tiers: [([Span], [Span])] {
        let session = snapshot.session
        let text = Style(.text, on: .selection)
        let muted = Style(.muted, on: .selection)
        let sep = Span(Self.separator, Style(.border, on: .selection))
        let name = Style(.accent, on: .selection, .bold)
        let runSymbol: String, runWord: String, runStyle: Style
        switch snapshot.run {
        case .ended: (runSymbol, runWord, runStyle) = ("■", "ended", Style(.muted, on: .selection, .bold))
        case .paused: (runSymbol, runWord, runStyle) = ("❚❚", "paused", Style(.warning, on: .selection, .bold))
        case .running: (runSymbol, runWord, runStyle) = ("▶", "running", Style(.up, on: .selection, .bold))
        }
        // In a class `+`/`-` say the speed is the instructor's; the narrowest header says it in a word.
        func speedSpan(_ note: String) -> Span {
            snapshot.speedIsLocked
                ? Span(" " + Format.multiplier(snapshot.speed) + note, Style(.warning, on: .selection, .bold))
                : Span(" " + Format.multiplier(snapshot.speed), text)
        }
        let speed = speedSpan(" (the instructor's speed)"), narrowSpeed = speedSpan(" fixed")
        let auto = session.autoHedge
            ? Span("auto ON", Style(.profit, on: .selection, .bold))
            : Span("auto off", Style(.muted, on: .selection))
        let policy = Span(" " + session.hedgeRule.description + " ", text)
        let expiry = session.timeToNextExpiry
        // A session shorter than its book ends before the expiry: the header counts down to
        // the session's end, named so, and the fullest form gives the expiry too.
        let sessionLeft = Double(session.config.steps) * session.config.timeStep - session.time
        let endsFirst = (expiry ?? 0) > sessionLeft + OptionBook.timeTolerance
        func expiryText(short: Bool, _ format: (Double) -> String) -> String {
            if endsFirst { return (short ? "end " : "ends in ") + format(max(sessionLeft, 0)) }
            return snapshot.expiryLabel(short: short) ?? expiry.map(format) ?? "expired"
        }
        let fullExpiry: [Span] = endsFirst
            ? [Span(expiryText(short: false) { Format.duration($0, on: session.config.dayCount) }, text), sep,
               Span("expiry ", muted), Span(expiry.map { Format.duration($0, on: session.config.dayCount) } ?? "", text)]
            : [Span("expiry ", muted), Span(expiryText(short: false) { Format.duration($0, on: session.config.dayCount) }, text)]
        let shortExpiry: [Span] = endsFirst
            ? [Span(expiryText(short: false) { Format.timeLeft($0, on: session.config.dayCount) }, text)]
            : [Span("exp ", muted), Span(expiryText(short: false) { Format.timeLeft($0, on: session.config.dayCount) }, text)]
        // A price file's session has no seed worth showing: the file is the path.
        let seed = snapshot.seed.map(String.init)
        let classSpans = snapshot.className.map { [Span("class ", muted), Span($0, text), sep] } ?? []
        let longSeed = seed.map { [Span("seed ", muted), Span($0, text), sep] } ?? classSpans
        let shortSeed = seed.map { [Span("#" + $0, text), sep] } ?? classSpans
        return [
            ([Span(" gammascalp", Style(.title, on: .selection, .bold)), sep, Span(snapshot.title, name), sep] + longSeed
                + [Span(snapshot.timeLabel(step: session.step), text), sep] + fullExpiry,
             [Span(runSymbol + " " + runWord, runStyle), speed,
              Span(" " + Format.trimmed(snapshot.stepsPerSecond) + " steps/s", muted), sep, auto, policy]),
            ([Span(" " + snapshot.title, name), sep] + longSeed
                + [Span(snapshot.timeLabel(step: session.step), text), sep] + shortExpiry,
             [Span(runSymbol + " " + runWord, runStyle), speed, sep, auto, policy]),
            ([Span(" " + snapshot.title, name), sep] + shortSeed
                + [Span(snapshot.timeLabel(step: session.step, short: true), text), sep,
                   Span(expiryText(short: true) { Format.timeLeft($0, on: session.config.dayCount) }, text)],
             [Span(runSymbol, runStyle), narrowSpeed, sep, auto, policy]),
        ]
    }
}
