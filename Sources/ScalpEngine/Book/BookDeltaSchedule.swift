import Foundation

/// The book's Black-Scholes hedge delta and gamma on a session's time grid, with everything
/// that does not depend on the spot worked out once.
///
/// For position p at step k, d1 = (ln S − ln K_p) · scale + offset, where scale = 1/(σ√τ) and
/// offset = (r − q)τ/(σ√τ) + σ√τ/2: one multiply-add per step instead of a logarithm, a square
/// root and a division. The Monte Carlo's paths share one schedule (its arrays are
/// copy-on-write), so the hedger's inner loop is a normal CDF per position and little else.
///
/// A schedule is only valid while the positions, their vols and the hedge vol stay as built:
/// the session builds none when implied vols move or the hedge vol varies, and rebuilds it when
/// the book changes. The last bits differ from `BlackScholes.delta` (a product by 1/(σ√τ)
/// instead of a quotient, ln S carried along the path): about 1e-15 in delta.
struct BookDeltaSchedule: Sendable {
    /// Schedules larger than this many entries (24 bytes each) are not built: such a session
    /// computes its Greeks directly instead.
    static let maximumEntries = 1 << 20

    private struct Entry: Sendable {
        /// 1/(σ√τ); NaN where τ ≤ 0 or σ√τ = 0, whose edge cases `BlackScholes` handles.
        var scale: Double
        /// (r − q)τ/(σ√τ) + σ√τ/2.
        var offset: Double
        /// e^{−qτ}.
        var discount: Double
    }

    /// What the schedule needs of each position: fixed while the schedule is valid.
    private struct Leg: Sendable {
        var logStrike: Double
        /// +1 for a call, −1 for a put.
        var sign: Double
        /// Units of the underlying held, signed.
        var units: Double
    }

    private let positionCount: Int
    private let legs: [Leg]
    /// Step-major: the entry of position p at step k is at k × positionCount + p.
    private let entries: [Entry]
    private let timeStep: Double
    private let rate: Double
    private let dividendYield: Double
    /// The vol every delta is computed at, or nil for each position's implied vol.
    private let volatility: Double?
    /// `NormalCDFTable.coefficients`, kept so the per-step CDF does not re-check the static.
    private let cdfTable = NormalCDFTable.coefficients

    /// The schedule for steps 0...`steps` of `timeStep` years, or nil when it would be larger
    /// than `maximumEntries`.
    init?(book: OptionBook, timeStep: Double, steps: Int, rate: Double, dividendYield: Double, volatility: Double?) {
        let positions = book.positions
        guard !positions.isEmpty, (steps + 1).multipliedReportingOverflow(by: positions.count).partialValue
                <= Self.maximumEntries, steps < Self.maximumEntries else { return nil }
        positionCount = positions.count
        legs = positions.map { Leg(logStrike: log($0.strike), sign: $0.kind.sign, units: $0.units) }
        self.timeStep = timeStep
        self.rate = rate
        self.dividendYield = dividendYield
        self.volatility = volatility
        var entries: [Entry] = []
        entries.reserveCapacity((steps + 1) * positions.count)
        for step in 0...steps {
            let time = Double(step) * timeStep
            for position in positions {
                let tau = position.timeToExpiry(at: time)
                let v = (volatility ?? position.impliedVol) * tau.squareRoot()
                guard tau > 0, v > 0, v.isFinite else {
                    entries.append(Entry(scale: .nan, offset: 0, discount: 0))
                    continue
                }
                entries.append(Entry(scale: 1 / v, offset: (rate - dividendYield) * tau / v + 0.5 * v,
                                     discount: dividendYield == 0 ? 1 : exp(-dividendYield * tau)))
            }
        }
        self.entries = entries
    }

    /// The live positions' delta in shares at `step`, for ln(spot) = `logSpot`.
    @inline(__always)
    func delta(of book: OptionBook, step: Int, spot: Double, logSpot: Double) -> Double {
        sumOverLivePositions(of: book, step: step, spot: spot, logSpot: logSpot, edge: \.delta) { leg, entry, d1 in
            leg.sign * entry.discount * NormalCDFTable.cdf(leg.sign * d1, coefficients: cdfTable)
        }
    }

    /// Delta and gamma together, with one table lookup per position: with φ from the CDF
    /// table's expansion (no exp): what the Whalley-Wilmott hedger reads every step. Delta is `delta(of:…)`'s to the last bit.
    @inline(__always)
    func deltaAndGamma(of book: OptionBook, step: Int, spot: Double, logSpot: Double) -> (delta: Double, gamma: Double) {
        var delta = 0.0, gamma = 0.0
        forEachLivePosition(of: book, step: step) { index, leg, entry in
            guard !entry.scale.isNaN else {
                let greeks = edgeGreeks(of: book.positions[index], step: step, spot: spot)
                delta += leg.units * greeks.delta
                gamma += leg.units * greeks.gamma
                return
            }
            let d1 = (logSpot - leg.logStrike) * entry.scale + entry.offset
            let normal = NormalCDFTable.cdfAndPdf(leg.sign * d1, coefficients: cdfTable)
            delta += leg.units * (leg.sign * entry.discount * normal.cdf)
            gamma += leg.units * (entry.discount * normal.pdf * entry.scale / spot)
        }
        return (delta, gamma)
    }

    /// Σ units × `unitValue(leg, entry, d1)` over the live positions at `step`; at the edges
    /// (expiry, zero vol) `edge` of `BlackScholes`'s Greeks instead.
    @inline(__always)
    private func sumOverLivePositions(of book: OptionBook, step: Int, spot: Double, logSpot: Double,
                                      edge: (OptionGreeks) -> Double,
                                      unitValue: (Leg, Entry, Double) -> Double) -> Double {
        var total = 0.0
        forEachLivePosition(of: book, step: step) { index, leg, entry in
            guard !entry.scale.isNaN else {
                total += leg.units * edge(edgeGreeks(of: book.positions[index], step: step, spot: spot))
                return
            }
            let d1 = (logSpot - leg.logStrike) * entry.scale + entry.offset
            total += leg.units * unitValue(leg, entry, d1)
        }
        return total
    }

    /// `body(index, leg, entry)` for each position of `book` not yet settled, at `step`, in
    /// position order. Reads the tables through their buffers: the indices are in range by
    /// construction (`step` ≤ the schedule's steps, the book the schedule was built for), and
    /// three bounds checks a position were a tenth of the Monte Carlo's step.
    @inline(__always)
    private func forEachLivePosition(of book: OptionBook, step: Int, _ body: (Int, Leg, Entry) -> Void) {
        precondition(step >= 0 && (step &+ 1) &* positionCount <= entries.count && book.positions.count == positionCount,
                     "the delta schedule is read outside its steps or for another book")
        let base = step &* positionCount
        book.positions.withUnsafeBufferPointer { positions in
            legs.withUnsafeBufferPointer { legs in
                entries.withUnsafeBufferPointer { entries in
                    for index in 0..<positionCount where !positions[index].isSettled {
                        body(index, legs[index], entries[base &+ index])
                    }
                }
            }
        }
    }

    /// At expiry or zero vol, `BlackScholes` has the limits.
    private func edgeGreeks(of position: OptionPosition, step: Int, spot: Double) -> OptionGreeks {
        position.unitGreeks(spot: spot, time: Double(step) * timeStep, rate: rate, dividendYield: dividendYield,
                            volatility: volatility)
    }
}
