/// The price processes a session can run, as one concrete type: the session stores this
/// enum rather than an existential, so a step is a switch, not a dynamic dispatch.
public enum MarketProcess: PriceProcess, Hashable, Codable {
    case geometricBrownian(GeometricBrownianMotion)
    case mertonJumpDiffusion(MertonJumpDiffusion)
    case regimeSwitching(RegimeSwitchingVolatility)
    case heston(HestonProcess)
    case historical(HistoricalPath)

    @inlinable
    public mutating func advance(spot: Double, dt: Double, using rng: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .geometricBrownian(var process):
            let next = process.advance(spot: spot, dt: dt, using: &rng)
            self = .geometricBrownian(process)
            return next
        case .mertonJumpDiffusion(var process):
            let next = process.advance(spot: spot, dt: dt, using: &rng)
            self = .mertonJumpDiffusion(process)
            return next
        case .regimeSwitching(var process):
            let next = process.advance(spot: spot, dt: dt, using: &rng)
            self = .regimeSwitching(process)
            return next
        case .heston(var process):
            let next = process.advance(spot: spot, dt: dt, using: &rng)
            self = .heston(process)
            return next
        case .historical(var process):
            let next = process.advance(spot: spot, dt: dt, using: &rng)
            self = .historical(process)
            return next
        }
    }

    public var instantaneousVolatility: Double {
        switch self {
        case .geometricBrownian(let process): process.instantaneousVolatility
        case .mertonJumpDiffusion(let process): process.instantaneousVolatility
        case .regimeSwitching(let process): process.instantaneousVolatility
        case .heston(let process): process.instantaneousVolatility
        case .historical(let process): process.instantaneousVolatility
        }
    }

    /// A short name for screens and reports.
    public var name: String {
        switch self {
        case .geometricBrownian: "GBM"
        case .mertonJumpDiffusion: "Merton jumps"
        case .regimeSwitching: "regime switching"
        case .heston: "Heston"
        case .historical: "price history"
        }
    }
}
