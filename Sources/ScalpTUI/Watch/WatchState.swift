import ScalpEngine

/// What `gammascalp watch` shows: the race, each lane's P&L at every step so far (the chart),
/// the standings as of the latest refresh (the table), the speed and whether it is paused.
/// Keys change it through `handle(_:keyMap:)`; `WatchScreen` only draws it.
public struct WatchState: Sendable {
    public private(set) var race: HedgeRace
    /// Per lane, in the race's order: P&L after each step from step 0, currency.
    public private(set) var pnlPaths: [[Double]]
    /// The lanes' numbers at `standingsStep`, best first.
    public private(set) var standings: [RaceStanding]
    public private(set) var standingsStep: Int
    public private(set) var paused: Bool
    /// Multiplier of the scenario's steps per second, within `AppState`'s speed range.
    public private(set) var speed: Double
    public private(set) var exitRequested = false
    /// Bumped on every change, so the loop redraws only when something changed.
    public private(set) var revision = 0

    public init(race: HedgeRace, speed: Double = 1, startPaused: Bool = false) {
        self.race = race
        pnlPaths = race.lanes.map { [$0.session.pnl] }
        standings = race.standings
        standingsStep = race.step
        paused = startPaused
        self.speed = min(max(speed, AppState.minimumSpeed), AppState.maximumSpeed)
    }

    /// Steps per real second at the current speed.
    public var stepsPerSecond: Double { race.scenario.stepsPerSecond * speed }

    public var isRunning: Bool { !paused && !race.isFinished }

    /// Whether the table is behind the race (the loop refreshes it before drawing).
    public var standingsAreStale: Bool { standingsStep != race.step }

    /// Advances the race `steps` steps (fewer at the end), noting each lane's P&L at each.
    public mutating func advance(steps: Int) {
        for _ in 0..<steps where !race.isFinished {
            race.tick()
            for index in race.lanes.indices { pnlPaths[index].append(race.lanes[index].session.pnl) }
        }
        revision += 1
    }

    /// Grades every lane as it stands (points so far) and re-ranks the table.
    public mutating func refreshStandings() {
        guard standingsAreStale else { return }
        standings = race.standings
        standingsStep = race.step
        revision += 1
    }

    /// Pause, one step, speed, quit; other keys do nothing here.
    public mutating func handle(_ key: Key, keyMap: KeyMap) {
        switch keyMap.command(for: key) {
        case .togglePause: paused.toggle()
        case .stepOnce:
            if paused { advance(steps: 1) } else { paused = true }
        case .faster: speed = min(speed * 2, AppState.maximumSpeed)
        case .slower: speed = max(speed / 2, AppState.minimumSpeed)
        case .quit: exitRequested = true
        default: return
        }
        revision += 1
    }

    public mutating func requestExit() {
        exitRequested = true
        revision += 1
    }
}
