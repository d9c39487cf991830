/// The documented range of every number a user can give (scenario keys, flags, price-file
/// values). Wide enough for any market a desk trades, narrow enough that no value overflows the
/// engine into NaN or runs for hours. The README's table lists them; a value outside is refused
/// naming its key or flag.
public enum InputLimits {
    /// Spot and strikes, currency: above 0, at most ten million (BTC is about 1e5).
    public static let price = ValueRange(0, 1e7, excludingLower: true)
    /// Implied and realized vols, annualised fractions: above 0 (implied) or at least 0
    /// (a process), at most 10 (1,000% a year).
    public static let impliedVol = ValueRange(0, 10, excludingLower: true)
    public static let processVol = ValueRange(0, 10)
    /// A process's variance (Heston's v), fraction² per year: the square of `processVol`.
    public static let processVariance = ValueRange(0, 100)
    /// Rates of a process (jump intensity, regime switches, mean reversion, vol of vol), per year.
    public static let eventRate = ValueRange(0, 1e5)
    /// Drift, rates and dividend yields, per year: ±100%.
    public static let rate = ValueRange(-1, 1)
    /// Option contracts held or traded, each leg, signed: at most a million either way.
    public static let contracts = ValueRange(-1e6, 1e6)
    /// Units of the underlying per contract.
    public static let multiplier = ValueRange(0, 1e6, excludingLower: true)
    /// The hedge's lot, units (0: fractional).
    public static let lot = ValueRange(0, 1e6)
    /// Market orders' latency, milliseconds: at most a minute.
    public static let latencyMs = ValueRange(0, 60_000)
    /// Average daily volume, units a day.
    public static let dailyVolume = ValueRange(0, 1e12)
    /// Session length and option expiries, days: at most ten years.
    public static let days = ValueRange(0, 3650, excludingLower: true)
    /// The same in years, for flags given in years.
    public static let years = ValueRange(0, 10, excludingLower: true)
    /// Scheduled events in one scenario.
    public static let events = 10_000
}
