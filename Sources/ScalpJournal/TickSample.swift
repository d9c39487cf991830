import ScalpEngine
import ScalpFormat

/// The `tick` line: a thinned sample of the trainee's session. Numbers that were not finite
/// are written as null and read back as NaN.
public struct TickSample: Sendable, Hashable {
    public var step: Int
    /// Session time, years.
    public var time: Double
    public var spot: Double
    /// Shares: options at implied vol plus stock.
    public var netDelta: Double
    /// Rolling-window realized vol (annualised), nil before two returns.
    public var realizedVol: Double?
    public var ewmaVol: Double?
    /// The book's vega-weighted implied vol (as bought, once every option has expired).
    public var impliedVol: Double
    /// Currency.
    public var pnl: Double

    public init(_ session: Session) {
        step = session.step
        time = session.time
        spot = session.spot
        netDelta = session.netDelta
        realizedVol = session.rollingRealizedVol
        ewmaVol = session.ewmaRealizedVol
        impliedVol = session.book.live.isEmpty ? session.openingImpliedVol : session.impliedVol
        pnl = session.pnl
    }

    var fields: [(String, JSONText)] {
        [("step", .integer(step)), ("spot", .number(spot)), ("net_delta", .number(netDelta)),
         ("realized_vol", realizedVol.map { .number($0) } ?? .null), ("ewma_vol", ewmaVol.map { .number($0) } ?? .null),
         ("implied_vol", .number(impliedVol)), ("pnl", .number(pnl))]
    }
}

extension TickSample: Decodable {
    enum CodingKeys: String, CodingKey {
        case step, t, spot, pnl
        case netDelta = "net_delta", realizedVol = "realized_vol", ewmaVol = "ewma_vol", impliedVol = "implied_vol"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        step = try c.step(.step)
        time = try c.decode(Double.self, forKey: .t)
        spot = try c.number(.spot)
        netDelta = try c.number(.netDelta)
        realizedVol = try c.decodeIfPresent(Double.self, forKey: .realizedVol)
        ewmaVol = try c.decodeIfPresent(Double.self, forKey: .ewmaVol)
        impliedVol = try c.number(.impliedVol)
        pnl = try c.number(.pnl)
    }
}
