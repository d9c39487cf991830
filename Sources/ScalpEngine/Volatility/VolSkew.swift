import Foundation

/// A smile in log-moneyness around the ATM implied vol, so each strike has its own vol:
///
/// σ(K) = max(σ_ATM + slope·x + curvature·x², `ImpliedVolDynamics.minimumVol`), x = ln(K/S).
///
/// A negative slope is the equity skew (puts dearer than calls); a positive curvature
/// lifts both wings. With slope −0.1, a 10%-lower strike (x ≈ −0.105) trades about one vol
/// point over ATM.
public struct VolSkew: Sendable, Hashable, Codable {
    /// Change of implied vol per unit of ln(K/S) (vol as a fraction).
    public var slope: Double
    /// Change of implied vol per unit of ln(K/S)² (vol as a fraction).
    public var curvature: Double

    public init(slope: Double = 0, curvature: Double = 0) {
        self.slope = slope
        self.curvature = curvature
    }

    /// The implied vol of strike `strike` with the underlying at `spot` and the ATM vol at `atmVol`.
    public func impliedVol(strike: Double, spot: Double, atmVol: Double) -> Double {
        let x = log(strike / spot)
        return max(atmVol + slope * x + curvature * x * x, ImpliedVolDynamics.minimumVol)
    }
}
