import ArgumentParser
import ScalpEngine

/// `simulate`'s execution overrides: the venue, market impact, latency, maker and taker fees
/// and funding, laid over the scenario's `[execution]` (or the standard terms).
struct SimulatedExecution: ParsableArguments {
    @Option(help: ArgumentHelp("Where the hedge trades: equity (default) or crypto-perp (a perpetual future: no financing, funding).",
                               valueName: "venue"))
    var venue: String?

    @Option(parsing: .unconditional, help: "η of the square-root impact law: η·σ_day·S·√(Q/ADV) per share (≥ 0; default 0).")
    var impact: Double?

    @Option(name: .customLong("daily-volume"), parsing: .unconditional,
            help: "ADV, shares a day, for impact (≥ 0; 0 = no impact).")
    var dailyVolume: Double?

    @Option(name: .customLong("touch-size"), parsing: .unconditional,
            help: "Shares displayed at the bid and at the ask, taken without impact (≥ 0; 0 = the impact book's depth).")
    var touchSize: Double?

    @Option(name: .customLong("latency-ms"), parsing: .unconditional,
            help: "Market orders fill this many milliseconds after they are sent, at the price then (≥ 0; default 0).")
    var latencyMs: Double?

    @Option(name: .customLong("maker-fee-bps"), parsing: .unconditional,
            help: "Fee on limit fills, bps of notional; negative = rebate (default 0).")
    var makerFeeBps: Double?

    @Option(name: .customLong("taker-fee-bps"), parsing: .unconditional,
            help: "Fee on market fills, bps of notional (≥ 0; default 0).")
    var takerFeeBps: Double?

    @Option(name: .customLong("funding-rate"), parsing: .unconditional,
            help: "Perpetual funding rate per year, fraction; longs pay shorts when > 0 (crypto-perp only; default 0).")
    var fundingRate: Double?

    func apply(to config: inout SessionConfig) throws {
        var terms = config.executionTerms
        if let venue {
            guard let chosen = Venue(rawValue: venue) else {
                throw ValidationError("--venue must be equity or crypto-perp, got '\(venue)'")
            }
            terms.venue = chosen
        }
        if let impact { try FlagCheck.nonNegative(impact, "--impact"); terms.impact = impact }
        if let dailyVolume { try FlagCheck.within(InputLimits.dailyVolume, dailyVolume, "--daily-volume", "units a day"); terms.dailyVolume = dailyVolume }
        if let touchSize { try FlagCheck.nonNegative(touchSize, "--touch-size"); terms.touchSize = touchSize }
        if let latencyMs { try FlagCheck.within(InputLimits.latencyMs, latencyMs, "--latency-ms", "milliseconds"); terms.latencyMs = latencyMs }
        if let makerFeeBps { try FlagCheck.finite(makerFeeBps, "--maker-fee-bps"); terms.makerFeeBps = makerFeeBps }
        if let takerFeeBps { try FlagCheck.nonNegative(takerFeeBps, "--taker-fee-bps"); terms.takerFeeBps = takerFeeBps }
        if let fundingRate {
            try FlagCheck.finite(fundingRate, "--funding-rate")
            guard fundingRate == 0 || terms.venue == .cryptoPerp else {
                throw ValidationError("--funding-rate needs --venue crypto-perp, got \(fundingRate) on \(terms.venue.rawValue)")
            }
            terms.fundingRate = fundingRate
        }
        do {
            try terms.validate()
        } catch {
            throw ValidationError("execution: \(error)")
        }
        config.executionTerms = terms
    }
}
