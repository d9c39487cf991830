/// The equity venue's trading calendar: the session trades only in 6.5-hour days, Monday to
/// Friday; between two days the market is shut, over a night or a weekend, and the price gaps.
///
/// Time runs on the trading-day clock (`DayCount.tradingDays`, 252 days a year), laid on an
/// even grid: each trading day is `gridStepsPerDay` steps of 1/(252·gridStepsPerDay) years,
/// the first `gapSteps` of them the gap since the last close and the other `stepsPerDay` the
/// day's session. The gap is one session step spanning `gapSteps` grid steps: no one trades in
/// it, the price moves by the variance of its time (a share `nightShare` ≈ `overnightVariance`
/// of each day's σ²/252), the options decay by it, and the first trade after it is at the open.
/// A weekend is one gap like a night: on a trading-day clock the days the market is shut are
/// not days (French and Roll, 1986, measured weekend variance only slightly above a night's).
/// The session opens at a Friday's close, so its first step is a weekend.
public struct EquityCalendar: Sendable, Hashable, Codable {
    /// Session steps in each trading day (between its open and its close).
    public var stepsPerDay: Int
    /// The share of each trading day's variance asked to fall in the gap before it, in [0, 1).
    public var overnightVariance: Double
    /// Grid steps the gap spans: `overnightVariance` of the day rounded to whole steps.
    public let gapSteps: Int

    /// The default share of a day's variance that falls overnight: about what US large caps show.
    public static let defaultOvernightVariance = 0.2
    /// 09:30 and 16:00, minutes after midnight.
    public static let openMinute = 570, closeMinute = 960

    /// A calendar of `stepsPerDay` (≥ 1) session steps a day, `overnightVariance` (in [0, 1)) of
    /// each day's variance in the gap before it.
    public init(stepsPerDay: Int, overnightVariance: Double = Self.defaultOvernightVariance) {
        self.stepsPerDay = stepsPerDay
        self.overnightVariance = overnightVariance
        let gap = overnightVariance / (1 - overnightVariance) * Double(stepsPerDay)
        gapSteps = gap.isFinite ? Int(gap.rounded()) : 0
    }

    /// Grid steps in one trading day: the gap's and the session's.
    public var gridStepsPerDay: Int { stepsPerDay + gapSteps }

    /// The share of each day's time (and variance) the gap has on the grid: `overnightVariance`
    /// to within half a grid step.
    public var nightShare: Double { Double(gapSteps) / Double(gridStepsPerDay) }

    /// Years per grid step.
    public var timeStep: Double { 1 / (DayCount.tradingDaysPerYear * Double(gridStepsPerDay)) }

    /// Whether the step taken from grid step `step` is a gap (the grid step is a close).
    @inline(__always)
    public func gapFollows(step: Int) -> Bool { gapSteps > 0 && step % gridStepsPerDay == 0 }

    /// Checks the calendar; the message names the scenario key.
    public func validate() throws(SessionConfigError) {
        if !(overnightVariance.isFinite && overnightVariance >= 0 && overnightVariance < 1) {
            throw SessionConfigError(message: "overnight_variance must be in [0, 1), got \(overnightVariance)")
        }
        if stepsPerDay < 1 { throw SessionConfigError(message: "steps per trading day must be at least 1, got \(stepsPerDay)") }
    }
}
