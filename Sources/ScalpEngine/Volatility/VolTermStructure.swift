/// The at-the-money implied vol of each expiry before events, from a few pillars.
///
/// Each pillar is an expiry T (session time, years) and its ATM vol σ. Between pillars the
/// total variance w(T) = σ(T)²·T is interpolated linearly, and σ(T) = √(w(T)/T); before the
/// first pillar and after the last the vol is flat. Linear in total variance is what keeps the
/// calendar free of arbitrage: if the pillars' w is non-decreasing, so is w(T) at every T.
///
/// Each expiry keeps its vol as time passes (the structure is fixed in expiry dates, not in
/// tenors): an option's remaining variance is σ(T)²·(T − t). If σ(T)²·T is non-decreasing in
/// T, so is σ(T)²·(T − t) at every later t: d/dT[σ²(T − t)] = σ² + 2σσ′(T − t) is smallest at
/// t = 0 when σ′ < 0 and positive anyway when σ′ ≥ 0.
public struct VolTermStructure: Sendable, Hashable, Codable {
    /// One expiry and its ATM vol.
    public struct Pillar: Sendable, Hashable, Codable {
        /// Session time of the expiry, years (> 0).
        public var expiry: Double
        /// ATM implied vol of that expiry, annualised fraction.
        public var atmVol: Double

        public init(expiry: Double, atmVol: Double) {
            self.expiry = expiry
            self.atmVol = atmVol
        }

        /// Total variance σ²·T, log units².
        public var totalVariance: Double { atmVol * atmVol * expiry }
    }

    /// The pillars in expiry order (at least one).
    public private(set) var pillars: [Pillar]

    /// Sorts `pillars` by expiry; nil when empty.
    public init?(_ pillars: [Pillar]) {
        guard !pillars.isEmpty else { return nil }
        self.pillars = pillars.sorted { $0.expiry < $1.expiry }
    }

    /// The first pair of neighbouring pillars whose total variance falls (calendar arbitrage:
    /// the longer option would be worth less than the shorter one), or nil.
    public var calendarArbitrage: (shorter: Pillar, longer: Pillar)? {
        for (shorter, longer) in zip(pillars, pillars.dropFirst()) where longer.totalVariance < shorter.totalVariance {
            return (shorter, longer)
        }
        return nil
    }

    /// The ATM vol of the expiry at session time `expiry` (years), interpolated in total variance.
    public func atmVol(expiry: Double) -> Double {
        guard let first = pillars.first, let last = pillars.last else { return 0 }
        if expiry <= first.expiry { return first.atmVol }
        if expiry >= last.expiry { return last.atmVol }
        let upper = pillars.firstIndex { $0.expiry >= expiry }!
        let (a, b) = (pillars[upper - 1], pillars[upper])
        let weight = (expiry - a.expiry) / (b.expiry - a.expiry)
        let variance = a.totalVariance + weight * (b.totalVariance - a.totalVariance)
        return (variance / expiry).squareRoot()
    }
}
