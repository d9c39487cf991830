import ScalpEngine

/// The realized-vol estimate the volatility panel leads with; `v` cycles through them. All
/// look back over the session's window: the rolling close-to-close sample vol (the panel's
/// default), the EWMA (over its half-life), and the four range estimators of
/// `RangeVolEstimator` on the session's bars (`Session.rangeRealizedVol`).
public enum VolatilityReading: CaseIterable, Sendable, Hashable {
    case closeToClose, ewma, parkinson, garmanKlass, rogersSatchell, yangZhang

    /// The one `v` switches to next, back to close-to-close after Yang-Zhang.
    public var next: VolatilityReading {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The range estimator behind this reading; nil for close-to-close and EWMA.
    public var rangeEstimator: RangeVolEstimator? {
        switch self {
        case .closeToClose, .ewma: nil
        case .parkinson: .parkinson
        case .garmanKlass: .garmanKlass
        case .rogersSatchell: .rogersSatchell
        case .yangZhang: .yangZhang
        }
    }

    /// The trader's name, e.g. "Garman-Klass".
    public var name: String { rangeEstimator?.name ?? (self == .ewma ? "EWMA" : "close-to-close") }

    /// A few letters for narrow panels.
    public var shortName: String {
        switch self {
        case .closeToClose: "rv"
        case .ewma: "ewma"
        case .parkinson: "park"
        case .garmanKlass: "gk"
        case .rogersSatchell: "rs"
        case .yangZhang: "yz"
        }
    }

    /// The estimate now, annualised fraction; nil before the estimator has enough steps.
    public func value(in session: Session) -> Double? {
        switch self {
        case .closeToClose: session.rollingRealizedVol
        case .ewma: session.ewmaRealizedVol
        case .parkinson, .garmanKlass, .rogersSatchell, .yangZhang: rangeEstimator.flatMap { session.rangeRealizedVol($0) }
        }
    }
}
