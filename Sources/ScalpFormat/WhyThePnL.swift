/// The debrief's line on why the P&L came out as it did: realized against implied, and the
/// gamma the moves paid against the theta the options cost.
public enum WhyThePnL {
    /// "Realized 24.7% beat implied 20.0%: the moves paid 2,322 of gamma against 1,239 of
    /// theta." Vols are annualised fractions, gamma and theta the attribution's buckets
    /// (currency, theta negative when paid). Nil before there is a realized vol.
    public static func sentence(realizedVol: Double?, impliedVol: Double, gamma: Double, theta: Double) -> String? {
        guard let realizedVol, realizedVol.isFinite else { return nil }
        let relation = realizedVol > impliedVol ? "beat" : realizedVol < impliedVol ? "fell short of" : "matched"
        return "Realized \(Format.percent(realizedVol)) \(relation) implied \(Format.percent(impliedVol)): the moves paid "
            + "\(Format.number(gamma, 0)) of gamma against \(Format.number(-theta, 0)) of theta."
    }
}
