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
        impliedVol(coordinate: log(strike / spot), atmVol: atmVol)
    }

    /// The implied vol at smile coordinate `x` (ln(K/S) under sticky moneyness; see `StickyRule`).
    public func impliedVol(coordinate x: Double, atmVol: Double) -> Double {
        max(atmVol + slope * x + curvature * x * x, ImpliedVolDynamics.minimumVol)
    }
}
