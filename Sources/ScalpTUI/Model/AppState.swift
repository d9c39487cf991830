import Foundation
import ScalpEngine
import ScalpJournal
import ScalpFormat

/// What `gammascalp play` starts from.
public struct PlaySettings: Sendable {
    public var scenario: Scenario
    public var seed: UInt64
    /// Multiplier of the scenario's steps per second (1 = its default speed).
    public var speed: Double
    /// Start with the auto-hedger on (it hedges to neutral at time 0).
    public var autoHedge: Bool
    public var startPaused: Bool
    /// A recorded session to show again instead of live play (`gammascalp replay`).
    public var replay: ScriptedPlay?
    /// Training: show the scenario's description and goal over the screen at the start
    /// (time starts when it is dismissed).
    public var showIntro = false
    /// Training: the price file's row labels (`play --prices`), shown instead of the clock.
    public var priceLabels: [String]?
    /// The wall-clock time the session started, for the journal's start line (nil: not recorded).
    public var startedAt: Date?
    /// The class's name when playing in one (`play --class DIR`: the folder's name). The seed
    /// is the class's answer key, so no screen shows it until the session ends, and the speed
    /// is the instructor's: `+` and `-` do not change it.
    public var className: String?
    /// A class trainee rejoining: the journal's session so far, replayed to its last line and
    /// carried on live in the same journal (no new start line).
    public var resume: ReplayScript?
    /// With `resume`: the times the coach was asked in the journal's session so far.
    public var resumedCoachUses = 0
    /// The course level the session is played for (`course play`), recorded on the journal's
    /// start line; nil outside a course.
    public var course: CourseMark?

    public init(scenario: Scenario, seed: UInt64, speed: Double = 1, autoHedge: Bool = false, startPaused: Bool = false,
                replay: ScriptedPlay? = nil) {
        self.scenario = scenario
        self.seed = seed
        self.speed = speed
        self.autoHedge = autoHedge
        self.startPaused = startPaused
        self.replay = replay
    }
}

/// The live screen's whole state: the engine session plus what only the screen needs (run
/// state, speed, overlays, chart history). One value, changed only by `handle(_:)`,
/// `advance(steps:)` and `end(_:)`, the Bubble Tea `Update` of this program: keys become
/// `Command`s, commands become `SessionAction`s on the engine's `TrainingSession` (or, in a
/// replay, the engine's `SessionReplay` moves it), and what the session did is told to the
/// journal library's `SessionRecorder`, which decides the journal lines.
public struct AppState: Sendable {
    public let scenario: Scenario
    /// The scenario's name made safe to draw.
    public let title: String
    public let seed: UInt64
    /// The class played in, if any (`PlaySettings.className`).
    public let className: String?
    /// Set when `+` or `-` was pressed in a class, whose speed is the instructor's: the header
    /// says so until the next key.
    public private(set) var speedIsLocked = false
    /// The trainee's session and the benchmark hedger beside it (`AppState+Training`).
    public var training: TrainingSession { replayer?.training ?? liveTraining }
    /// Live play: the session the keys drive.
    private var liveTraining: TrainingSession
    /// Replay: the engine's re-run of the recording, which moves the session instead.
    private var replayer: SessionReplay?
    /// The trainee's session: everything on the screen but the benchmark.
    public var session: Session { training.trainee }
    /// Intro, option ticket, option fills and limit states (`AppState+Training`).
    public internal(set) var trainingState: TrainingState
    public private(set) var history: History
    public private(set) var paused: Bool
    /// Multiplier of `scenario.stepsPerSecond`.
    public private(set) var speed: Double
    public private(set) var showHelp = false
    /// How far from the touch `B` and `S` rest their orders.
    public internal(set) var orderEntry = OrderEntry()
    /// The realized-vol estimate the volatility panel leads with (`v`).
    public private(set) var volatilityReading = VolatilityReading.closeToClose
    /// Set once the session has ended; the summary shows and the next key exits.
    public private(set) var endReason: EndReason?
    public private(set) var exitRequested = false
    /// Bumped on every change the screen could show: the loop redraws only when it moved.
    public private(set) var revision = 0
    public var journalLocation: String?
    /// Set when the journal could not be written; shown in the header.
    public var journalProblem: String? { didSet { revision += 1 } }
    /// `A` cycles through these.
    public let policyCycle: [HedgeRule]
    /// `[` and `]` step through these lot sizes (0 = fractional shares).
    public let lotLadder: [Double]
    /// Replay: the recorded session shown again; nil when playing live.
    public let replay: ScriptedPlay?
    /// What the session did, as journal lines waiting to be written (`writeJournal(to:)`).
    public internal(set) var recorder: SessionRecorder

    public static let minimumSpeed = 1.0 / 64
    public static let maximumSpeed = 1024.0

    public init(_ settings: PlaySettings, historyCapacity: Int = 4096) {
        scenario = settings.scenario
        title = TextLayout.sanitize(settings.scenario.name)
        seed = settings.seed
        className = settings.className
        history = History(capacity: historyCapacity)
        if let script = settings.resume {
            // Replayed step by step, so the charts show the session so far.
            var rejoined = SessionReplay(script)
            while !rejoined.isComplete {
                _ = rejoined.advanceStep()
                history.record(rejoined.training.trainee)
            }
            liveTraining = rejoined.training
        } else {
            liveTraining = TrainingSession(scenario: settings.scenario, seed: settings.seed,
                                           autoHedge: settings.autoHedge ? true : nil)
        }
        replayer = settings.replay.map { SessionReplay($0.script) }
        let config = liveTraining.trainee.config
        trainingState = TrainingState(showIntro: settings.showIntro && settings.replay == nil,
                                      priceLabels: settings.priceLabels)
        paused = settings.startPaused
        speed = min(max(settings.speed, Self.minimumSpeed), Self.maximumSpeed)
        policyCycle = Self.policies(startingWith: config.hedgeRule)
        lotLadder = config.tradingUnit.lots(including: config.lotSize)
        replay = settings.replay
        if settings.resume != nil {
            recorder = SessionRecorder(resuming: liveTraining, coachUses: settings.resumedCoachUses)
        } else {
            recorder = SessionRecorder(replayer?.training ?? liveTraining, startedAt: settings.startedAt, course: settings.course)
            history.record(session)
        }
        applyRecordedActions()
        if session.isFinished { finishJournal(replay?.endReason ?? .quit) }
    }

    /// Steps per real second at the current speed.
    public var stepsPerSecond: Double { scenario.stepsPerSecond * speed }
    /// True while simulated time should advance.
    public var isRunning: Bool { !paused && endReason == nil && !session.isFinished && !isReplayComplete && !holdsTime }

    /// Replay: true once the recording has been shown to its last step.
    public var isReplayComplete: Bool { replayer?.isComplete ?? false }

    /// Writes the journal lines the session produced since the last call to `sink` (drops
    /// them without one); see `SessionRecorder.write(to:)`.
    public mutating func writeJournal(to sink: (any JournalSink)?) throws {
        try recorder.write(to: sink)
    }

    // MARK: - Update

    /// A key press. After the session has ended only Enter, Esc or q close the summary, so a
    /// trading key held at the end never throws it away.
    public mutating func handle(_ key: Key, keyMap: KeyMap = .standard) {
        if endReason != nil {
            if key == .enter || key == .escape || key == .character("q") { exitRequested = true }
            return
        }
        speedIsLocked = false
        trainingState.coach = nil
        if handleTrainingKey(key, keyMap: keyMap) {
            revision += 1
            return
        }
        if let command = keyMap.command(for: key) { perform(command) }
    }

    public mutating func perform(_ command: Command) {
        if endReason != nil {
            exitRequested = true
            return
        }
        switch command {
        case .togglePause:
            paused.toggle()
            control(paused ? .pause : .resume)
        case .stepOnce:
            if paused { advance(steps: 1) } else {
                paused = true
                control(.pause)
            }
        case .hedgeNow: apply(.hedgeNow)
        case .buyLot: apply(.buyLot)
        case .sellLot: apply(.sellLot)
        case .lotDown:
            // At lot 0 (fractional) b and s trade the unit's manual size: [ goes below it, ] to it.
            if let lot = lotLadder.last(where: { $0 < session.manualLot }) { apply(.setLotSize(lot)) }
        case .lotUp:
            let size = session.config.tradingUnit.manualSizeWhenFractional
            if let lot = lotLadder.first(where: { session.lotSize > 0 ? $0 > session.lotSize : $0 >= size }) { apply(.setLotSize(lot)) }
        case .toggleAutoHedge: apply(.setAutoHedge(!session.autoHedge))
        case .nextPolicy: apply(.setHedgeRule(nextPolicy))
        case .faster, .slower:
            if className != nil {
                speedIsLocked = true
            } else {
                setSpeed(command == .faster ? speed * 2 : speed / 2)
            }
        case .optionTicket:
            showHelp = false
            openTicket()
        case .toggleHelp: showHelp.toggle()
        case .nextVolEstimator: volatilityReading = volatilityReading.next
        case .askCoach: askCoach()
        case .closeOverlay: showHelp = false
        case .quit: end(.quit)
        case .redraw: break
        case .limitBuy, .limitSell, .cancelOrders, .toggleLadder, .limitsCloser, .limitsFurther: performOrderCommand(command)
        }
        revision += 1
    }

    /// Advances simulated time by up to `steps` steps (fewer if the session ends).
    public mutating func advance(steps: Int) {
        guard steps > 0, endReason == nil else { return }
        for _ in 0..<steps {
            guard !session.isFinished, !isReplayComplete else { break }
            if replayer != nil { replayer?.next() } else { liveTraining.apply(.tick) }
            recorder.recordStep(training)
            history.record(session)
            applyRecordedActions()
            if session.isFinished {
                finishJournal(replay?.endReason ?? .atLastStep(of: session))
                break
            }
        }
        if isReplayComplete { paused = true }
        revision += 1
    }

    /// Ends the session now (q, Ctrl-C, SIGTERM, SIGHUP): the stock is closed out and the
    /// summary shows. Does nothing if it already ended.
    public mutating func end(_ reason: EndReason) {
        guard endReason == nil else { return }
        showHelp = false
        trainingState.ticket = nil
        trainingState.showIntro = false
        if !session.isFinished { apply(.finish) }
        finishJournal(reason)
        revision += 1
    }

    /// Leaves the loop after the summary (or at once, on SIGTERM).
    public mutating func requestExit() {
        exitRequested = true
    }

    public var summary: SessionSummary { recorder.summary(training) }

    /// The policy `A` switches to next.
    public var nextPolicy: HedgeRule {
        let index = policyCycle.firstIndex(of: session.hedgeRule).map { $0 + 1 } ?? 0
        return policyCycle[index % policyCycle.count]
    }

    // MARK: - Private

    /// Applies a user action to the live session. A replay takes no trading: only `finish`
    /// (the viewer stopped watching), which closes it out as a quit would have.
    mutating func apply(_ action: SessionAction) {
        if replayer != nil {
            guard action == .finish else { return }
            replayer?.stop()
        } else {
            liveTraining.apply(action)
        }
        recorder.recordAction(action, training)
    }

    /// Replay: the engine applies the recorded actions due at this step, as the keys once did.
    private mutating func applyRecordedActions() {
        while case .action(let recorded)? = replayer?.upcoming {
            replayer?.next()
            recorder.recordAction(recorded.action, training)
        }
    }

    private mutating func control(_ event: ControlEvent) {
        recorder.recordControl(event, session)
    }

    private mutating func setSpeed(_ value: Double) {
        let clamped = min(max(value, Self.minimumSpeed), Self.maximumSpeed)
        guard clamped != speed else { return }
        speed = clamped
        control(.speed(stepsPerSecond))
    }

    private mutating func finishJournal(_ reason: EndReason) {
        endReason = reason
        recorder.recordEnd(reason, training)
    }

    /// The scenario's own rule first, then the classic choices, without repeats.
    static func policies(startingWith rule: HedgeRule) -> [HedgeRule] {
        var cycle = [rule]
        for text in ["every:1", "every:12", "band:100", "band:300", "move:0.005", "ww:0.001", "ladder:0.005"] {
            if let candidate = HedgeRule(text), !cycle.contains(candidate) { cycle.append(candidate) }
        }
        return cycle
    }

}
