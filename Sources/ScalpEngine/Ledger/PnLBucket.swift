/// One source of P&L in `PnLAttribution`, and how views name and show it. `PnLBucket.all` is
/// the one ordered list every view iterates (the screen's P&L panel and summary, the session
/// summary, the journal's `end` line, the step CSV, the report's table and chart), so adding a
/// bucket changes this file and `PnLAttribution` only.
///
/// Every bucket is positive when it earned: costs paid are negative, financing and funding
/// received positive, as the P&L itself.
public struct PnLBucket: Sendable, Hashable {
    /// What kind of source the bucket is.
    public enum Kind: Sendable, Hashable {
        /// A Greek's share of the move (delta, gamma, theta, vega and the higher orders).
        case greek
        /// Spread, impact and fees paid.
        case costs
        /// Interest, dividends and funding: carrying the position.
        case carry
        /// Whatever the other buckets leave out.
        case residual
    }

    /// The journal key, the report's row and the chart's series name ("delta", "vanna").
    public let name: String
    /// The column in `simulate --csv-steps` and `export --csv` ("delta_pnl", "costs").
    public let csvColumn: String
    /// The shortest label a view may use ("fin."); the name when it needs none.
    public let abbreviation: String
    public let kind: Kind
    /// Vanna, volga, speed: a second-order effect the screen shows only when it says something.
    public let isHigherOrder: Bool
    /// Moves only when implied vols move (vanna, volga).
    public let movesWithImpliedVol: Bool
    /// Written and shown only when not zero (funding, which only a perpetual pays), so sessions
    /// without it read as they did before it existed.
    public let onlyWhenNonZero: Bool
    /// Journals of every version carry it; a bucket added since reads as 0 where absent (its
    /// part then inside those journals' residual).
    public let isInEveryJournal: Bool
    /// Always true: a positive value is P&L earned.
    public let positiveMeansEarned = true
    let value: WritableKeyPath<PnLAttribution, Double> & Sendable

    init(_ name: String, _ value: WritableKeyPath<PnLAttribution, Double> & Sendable, kind: Kind = .greek,
         csvColumn: String? = nil, abbreviation: String? = nil, isHigherOrder: Bool = false,
         movesWithImpliedVol: Bool = false, onlyWhenNonZero: Bool = false, isInEveryJournal: Bool = false) {
        self.name = name
        self.value = value
        self.kind = kind
        self.csvColumn = csvColumn ?? (kind == .greek ? name + "_pnl" : name)
        self.abbreviation = abbreviation ?? name
        self.isHigherOrder = isHigherOrder
        self.movesWithImpliedVol = movesWithImpliedVol
        self.onlyWhenNonZero = onlyWhenNonZero
        self.isInEveryJournal = isInEveryJournal
    }

    /// Every bucket, in the order views list them; their sum is the whole P&L.
    public static let all: [PnLBucket] = [
        PnLBucket("delta", \.delta, isInEveryJournal: true),
        PnLBucket("gamma", \.gamma, isInEveryJournal: true),
        PnLBucket("theta", \.theta, isInEveryJournal: true),
        PnLBucket("vega", \.vega, isInEveryJournal: true),
        PnLBucket("vanna", \.vanna, isHigherOrder: true, movesWithImpliedVol: true),
        PnLBucket("volga", \.volga, isHigherOrder: true, movesWithImpliedVol: true),
        PnLBucket("speed", \.speed, isHigherOrder: true),
        PnLBucket("costs", \.costs, kind: .costs, isInEveryJournal: true),
        PnLBucket("financing", \.financing, kind: .carry, abbreviation: "fin.", isInEveryJournal: true),
        PnLBucket("funding", \.funding, kind: .carry, onlyWhenNonZero: true),
        PnLBucket("residual", \.residual, kind: .residual, abbreviation: "resid.", isInEveryJournal: true),
    ]

    /// The buckets a one-line summary names: the first-order Greeks, costs and the carry every
    /// session has (no higher orders, no residual).
    public static var headline: [PnLBucket] {
        all.filter { !$0.isHigherOrder && !$0.onlyWhenNonZero && $0.kind != .residual }
    }

    /// Whether a view that lists the buckets present in `attribution` lists this one.
    public func isPresent(in attribution: PnLAttribution) -> Bool {
        !onlyWhenNonZero || attribution[self] != 0
    }

    public static func == (lhs: PnLBucket, rhs: PnLBucket) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

extension PnLAttribution {
    /// The amount in `bucket`, currency (positive = earned).
    public subscript(bucket: PnLBucket) -> Double {
        get { self[keyPath: bucket.value] }
        set { self[keyPath: bucket.value] = newValue }
    }

    /// The buckets a view lists for this attribution, in order (funding only when some was paid).
    public var presentBuckets: [PnLBucket] { PnLBucket.all.filter { $0.isPresent(in: self) } }
}
