/// The price processes a session can run, as one concrete type: the session stores this
/// enum rather than an existential, so a step is a switch, not a dynamic dispatch.
public enum MarketProcess: PriceProcess, Hashable, Codable {
    case geometricBrownian(GeometricBrownianMotion)

    @inlinable
    public mutating func advance(spot: Double, dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .geometricBrownian(var process):
            let next = process.advance(spot: spot, dt: dt, using: &rng)
            self = .geometricBrownian(process)
            return next
        }
    }

    public var instantaneousVolatility: Double {
        switch self {
        case .geometricBrownian(let process): process.instantaneousVolatility
        }
    }

    /// A short name for screens and reports.
    public var name: String {
        switch self {
        case .geometricBrownian: "GBM"
        }
    }
}
