import Foundation
import Testing
@testable import ScalpEngine

/// The scenario price processes against their theory: exact moments where the schemes are
/// exact, within four standard errors of the Monte Carlo estimate.
@Suite("Scenario price processes")
struct ScenarioProcessTests {
    /// Terminal spots and log returns of `paths` paths of `steps` steps over `horizon` years.
    func terminals<P: PriceProcess>(_ process: P, paths: Int, steps: Int, horizon: Double,
                                    seed: UInt64) -> (spots: [Double], logs: [Double]) {
        var rng = Xoshiro256StarStar(seed: seed)
        var spots: [Double] = []
        var logs: [Double] = []
        spots.reserveCapacity(paths)
        logs.reserveCapacity(paths)
        let dt = horizon / Double(steps)
        for _ in 0..<paths {
            var path = process
            var s = 100.0
            for _ in 0..<steps { s = path.advance(spot: s, dt: dt, using: &rng) }
            spots.append(s)
            logs.append(log(s / 100))
        }
        return (spots, logs)
    }

    /// Sample mean, variance, and the standard errors of both (the variance's from the fourth moment).
    func moments(_ xs: [Double]) -> (mean: Double, meanError: Double, variance: Double, varianceError: Double) {
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let m2 = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let m4 = xs.reduce(0) { $0 + pow($1 - mean, 4) } / n
        return (mean, (m2 / n).squareRoot(), m2 * n / (n - 1), ((m4 - m2 * m2) / n).squareRoot())
    }

    // MARK: - Merton

    /// E[S_T] = S₀e^{(μ−q)T} (the jumps are compensated) and Var[ln S_T] = (σ² + λ(m² + s²))T.
    @Test func mertonMomentsMatchTheory() {
        let (mu, q, sigma, lambda, m, s, horizon) = (0.08, 0.02, 0.2, 5.0, -0.05, 0.1, 1.0)
        let process = MertonJumpDiffusion(drift: mu, volatility: sigma, dividendYield: q,
                                          jumpIntensity: lambda, jumpMean: m, jumpStdev: s)
        let (spots, logs) = terminals(process, paths: 40_000, steps: 8, horizon: horizon, seed: 11)
        let spot = moments(spots)
        #expect(abs(spot.mean - 100 * exp((mu - q) * horizon)) < 4 * spot.meanError, "E[S_T] \(spot.mean)")
        let log = moments(logs)
        let k = exp(m + s * s / 2) - 1
        #expect(abs(log.mean - (mu - q - sigma * sigma / 2 - lambda * k + lambda * m) * horizon) < 4 * log.meanError)
        let variance = (sigma * sigma + lambda * (m * m + s * s)) * horizon
        #expect(abs(log.variance - variance) < 4 * log.varianceError, "Var[ln S_T] \(log.variance) vs \(variance)")
        #expect(close(process.totalVolatility, variance.squareRoot(), rel: 1e-15))
    }

    /// The jump count is drawn exactly: P(N = 0) = e^{−λdt}, and mean = variance = λdt,
    /// also for a mean large enough to be split into pieces.
    @Test(arguments: [0.3, 27.0])
    func poissonCountsAreExact(mean: Double) {
        let sampler = PoissonSampler(mean: mean)
        var rng = Xoshiro256StarStar(seed: 5)
        let n = 100_000
        var zeros = 0
        var counts = RunningStatistics()
        for _ in 0..<n {
            let count = sampler.sample(using: &rng)
            if count == 0 { zeros += 1 }
            counts.add(Double(count))
        }
        let meanError = (mean / Double(n)).squareRoot()
        #expect(abs(counts.mean - mean) < 4 * meanError)
        // Var of a Poisson sample variance ≈ (μ + 2μ²)/n.
        #expect(abs(counts.variance - mean) < 4 * ((mean + 2 * mean * mean) / Double(n)).squareRoot())
        let p0 = exp(-mean)
        #expect(abs(Double(zeros) / Double(n) - p0) < 4 * (p0 * (1 - p0) / Double(n)).squareRoot() + 1e-9)
    }

    // MARK: - Regime switching

    /// A long chain spends the fraction b/(a+b) of its time calm.
    @Test func regimeStationaryFractionIsTheRateRatio() {
        let (a, b) = (20.0, 60.0)
        var process = RegimeSwitchingVolatility(drift: 0, calmVolatility: 0.1, stressedVolatility: 0.4,
                                                calmToStressedRate: a, stressedToCalmRate: b)
        var rng = Xoshiro256StarStar(seed: 3)
        let (steps, dt) = (200_000, 0.001)
        var calm = 0
        var spot = 100.0
        for _ in 0..<steps {
            if process.regime == .calm { calm += 1 }
            spot = process.advance(spot: spot, dt: dt, using: &rng)
        }
        let fraction = Double(calm) / Double(steps)
        let expected = b / (a + b)
        // The time average of a two-state chain has variance ≈ 2pq / ((a+b)·T).
        let error = (2 * expected * (1 - expected) / ((a + b) * Double(steps) * dt)).squareRoot()
        #expect(abs(fraction - expected) < 4 * error, "calm \(fraction) vs \(expected) ± \(error)")
        #expect(process.stationaryCalmFraction == expected)
    }

    /// One step switches with the exact probability a/(a+b)·(1 − e^{−(a+b)dt}), however long the step.
    @Test func regimeSwitchProbabilityIsExact() {
        let process = RegimeSwitchingVolatility(drift: 0, calmVolatility: 0.1, stressedVolatility: 0.4,
                                                calmToStressedRate: 20, stressedToCalmRate: 60)
        let dt = 0.05
        let expected = 20.0 / 80 * (1 - exp(-80 * dt))
        #expect(close(process.switchProbability(from: .calm, dt: dt), expected, rel: 1e-14))
        var rng = Xoshiro256StarStar(seed: 8)
        let n = 100_000
        var switched = 0
        for _ in 0..<n {
            var step = process
            _ = step.advance(spot: 100, dt: dt, using: &rng)
            if step.regime == .stressed { switched += 1 }
        }
        let error = (expected * (1 - expected) / Double(n)).squareRoot()
        #expect(abs(Double(switched) / Double(n) - expected) < 4 * error)
    }

    /// The regime is independent of the price shocks, so E[S_T] = S₀e^{(μ−q)T}; the process
    /// reports the current regime's vol.
    @Test func regimeMeanSpotAndVolatility() {
        let process = RegimeSwitchingVolatility(drift: 0.1, dividendYield: 0.03, calmVolatility: 0.15,
                                                stressedVolatility: 0.6, calmToStressedRate: 4,
                                                stressedToCalmRate: 8, regime: .stressed)
        #expect(process.instantaneousVolatility == 0.6)
        let spot = moments(terminals(process, paths: 30_000, steps: 12, horizon: 1, seed: 21).spots)
        #expect(abs(spot.mean - 100 * exp(0.07)) < 4 * spot.meanError, "E[S_T] \(spot.mean)")
    }

    // MARK: - Heston

    /// Spot (from 100) and variance after `steps` equal steps over `horizon` years, per path.
    func terminalStates(_ process: HestonProcess, seed: UInt64, paths: Int, steps: Int,
                        horizon: Double) -> (spots: [Double], variances: [Double]) {
        var rng = Xoshiro256StarStar(seed: seed)
        var spots: [Double] = []
        var variances: [Double] = []
        for _ in 0..<paths {
            var path = process
            var s = 100.0
            for _ in 0..<steps { s = path.advance(spot: s, dt: horizon / Double(steps), using: &rng) }
            spots.append(s)
            variances.append(path.variance)
        }
        return (spots, variances)
    }

    /// QE matches the variance's conditional mean exactly: E[v_T] = θ + (v₀ − θ)e^{−κT} at any
    /// step; its martingale correction makes E[S_T] = S₀e^{(μ−q)T}.
    @Test func hestonQEMomentsMatchTheory() {
        let (v0, theta, kappa, horizon) = (0.09, 0.04, 1.5, 1.0)
        let process = HestonProcess(drift: 0.06, dividendYield: 0.01, initialVariance: v0, longRunVariance: theta,
                                    meanReversion: kappa, volOfVol: 0.8, correlation: -0.7)
        let (spots, variances) = terminalStates(process, seed: 17, paths: 40_000, steps: 10, horizon: horizon)
        #expect(variances.allSatisfy { $0 >= 0 })
        let v = moments(variances)
        let expectedVariance = theta + (v0 - theta) * exp(-kappa * horizon)
        #expect(close(process.expectedVariance(after: horizon), expectedVariance, rel: 1e-15))
        #expect(abs(v.mean - expectedVariance) < 4 * v.meanError, "E[v_T] \(v.mean) vs \(expectedVariance)")
        let spot = moments(spots)
        #expect(abs(spot.mean - 100 * exp(0.05 * horizon)) < 4 * spot.meanError, "E[S_T] \(spot.mean)")
    }

    /// Full truncation keeps E[S_T] = S₀e^{(μ−q)T} (its log step is a martingale given v⁺),
    /// and at fine steps its E[v_T] approaches the theory.
    @Test func hestonFullTruncationMoments() {
        let (v0, theta, kappa, horizon) = (0.04, 0.06, 2.0, 0.5)
        let process = HestonProcess(drift: 0.05, initialVariance: v0, longRunVariance: theta, meanReversion: kappa,
                                    volOfVol: 0.5, correlation: -0.5, scheme: .fullTruncation)
        let (spots, variances) = terminalStates(process, seed: 23, paths: 20_000, steps: 25, horizon: horizon)
        let spot = moments(spots)
        #expect(abs(spot.mean - 100 * exp(0.05 * horizon)) < 4 * spot.meanError, "E[S_T] \(spot.mean)")
        let v = moments(variances)
        let expectedVariance = theta + (v0 - theta) * exp(-kappa * horizon)
        #expect(abs(v.mean - expectedVariance) < 4 * v.meanError + 0.002, "E[v_T] \(v.mean) vs \(expectedVariance)")
    }

    /// With no vol of vol the variance follows its mean exactly and √v is the process's vol.
    @Test func hestonWithoutVolOfVolIsDeterministicVariance() {
        var process = HestonProcess(drift: 0, initialVariance: 0.09, longRunVariance: 0.04, meanReversion: 2,
                                    volOfVol: 0, correlation: -0.9)
        #expect(close(process.instantaneousVolatility, 0.3, rel: 1e-15))
        var rng = Xoshiro256StarStar(seed: 1)
        var s = 100.0
        for _ in 0..<100 { s = process.advance(spot: s, dt: 0.01, using: &rng) }
        #expect(close(process.variance, 0.04 + 0.05 * exp(-2.0), rel: 1e-12))
        #expect(s.isFinite && s > 0)
    }

    // MARK: - Determinism

    /// A seed fixes the path of every process; another seed gives another path.
    @Test(arguments: [
        MarketProcess.mertonJumpDiffusion(MertonJumpDiffusion(drift: 0.05, volatility: 0.2, jumpIntensity: 50,
                                                              jumpMean: -0.03, jumpStdev: 0.05)),
        .regimeSwitching(RegimeSwitchingVolatility(drift: 0.05, calmVolatility: 0.1, stressedVolatility: 0.5,
                                                   calmToStressedRate: 30, stressedToCalmRate: 30)),
        .heston(HestonProcess(drift: 0.05, initialVariance: 0.04, longRunVariance: 0.05, meanReversion: 3,
                              volOfVol: 0.7, correlation: -0.7)),
        .heston(HestonProcess(drift: 0.05, initialVariance: 0.04, longRunVariance: 0.05, meanReversion: 3,
                              volOfVol: 0.7, correlation: -0.7, scheme: .fullTruncation)),
    ])
    func pathsAreFixedBySeed(process: MarketProcess) {
        func path(seed: UInt64) -> [Double] {
            var rng = Xoshiro256StarStar(seed: seed)
            var running = process
            var s = 100.0
            return (0..<500).map { _ in
                s = running.advance(spot: s, dt: 1.0 / 3650, using: &rng)
                return s + running.instantaneousVolatility
            }
        }
        #expect(path(seed: 42) == path(seed: 42))
        #expect(path(seed: 42) != path(seed: 43))
        // The process's state is part of the value; its per-step caches are not.
        var stepped = process
        var rng = Xoshiro256StarStar(seed: 1)
        _ = stepped.advance(spot: 100, dt: 1.0 / 3650, using: &rng)
        if case .mertonJumpDiffusion = process { #expect(stepped == process) }
    }

    /// The session runs each new process, and the same seed gives the same session.
    @Test func sessionsRunTheNewProcesses() {
        for process in [MarketProcess.mertonJumpDiffusion(MertonJumpDiffusion(drift: 0.05, volatility: 0.2,
                                                                              jumpIntensity: 20, jumpMean: -0.02, jumpStdev: 0.04)),
                        .heston(HestonProcess(drift: 0.05, initialVariance: 0.04, longRunVariance: 0.04,
                                              meanReversion: 2, volOfVol: 0.5, correlation: -0.6))] {
            var config = unitOptionConfig(steps: 50, detail: .pnlOnly)
            config.process = process
            var first = Session(config: config, seed: 9)
            var second = Session(config: config, seed: 9)
            runToEnd(&first)
            runToEnd(&second)
            #expect(first.pnl == second.pnl && first.spot == second.spot)
            #expect(first.pnl.isFinite)
        }
    }
}
