import Foundation

/// Result of an implied-volatility solve.
public struct ImpliedVolResult: Sendable, Equatable {
    /// Annualised Black-Scholes-Merton volatility as a fraction (0.20 = 20%).
    public var volatility: Double
    /// Householder iterations the solver took after its rational initial guess: 1 or 2 for all
    /// practical inputs, up to 10 only at extreme total volatility σ√T ≳ 10 (see `LetsBeRational`).
    public var iterations: Int

    public init(volatility: Double, iterations: Int) {
        (self.volatility, self.iterations) = (volatility, iterations)
    }
}

/// Why no implied volatility exists for the given inputs.
public enum ImpliedVolError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An input is not a finite number, or is out of its domain (non-positive spot, strike or
    /// expiry; negative premium). The message names the input and its value.
    case invalidInput(String)
    /// The premium is at or below the discounted intrinsic value max(±(S·e^{−qT} − K·e^{−rT}), 0):
    /// only zero volatility (or none at all) reproduces it.
    case belowIntrinsic(premium: Double, lowerBound: Double)
    /// The premium is at or above the price of infinite volatility, S·e^{−qT} for a call or
    /// K·e^{−rT} for a put.
    case aboveUpperBound(premium: Double, upperBound: Double)

    public var description: String {
        switch self {
        case .invalidInput(let message):
            return message
        case let .belowIntrinsic(premium, lowerBound):
            return "premium \(Self.format(premium)) is not above the no-arbitrage lower bound "
                + "\(Self.format(lowerBound)) (discounted intrinsic value), so no positive volatility reproduces it"
        case let .aboveUpperBound(premium, upperBound):
            return "premium \(Self.format(premium)) is not below the no-arbitrage upper bound "
                + "\(Self.format(upperBound)) (discounted spot for a call, discounted strike for a put), "
                + "so no finite volatility reproduces it"
        }
    }

    /// Whole numbers without a trailing ".0"; everything else as Swift prints it (shortest round trip).
    private static func format(_ value: Double) -> String {
        if value.isFinite && value == value.rounded() && abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

/// Implied volatility of European options under Black-Scholes-Merton, to machine precision.
///
/// The solver is Jäckel's "Let's Be Rational" (see `LetsBeRational`): a rational initial guess
/// and, for all practical inputs, at most two third-order Householder steps. It reproduces the
/// normalised price to a few ulps in every regime, including deep out of the money and very short
/// expiries where a plain Newton iteration on the price fails. The volatility is then as accurate
/// as the premium determines it: about 1e-15 relative where vega is not tiny against the premium.
public enum ImpliedVolatility {
    /// Annualised volatility (fraction) at which the BSM price equals `premium`. Time in years, rate/dividend continuous per year.
    ///
    /// - Parameters:
    ///   - kind: call or put.
    ///   - premium: the option's price today, in currency per unit of underlying (same units as `spot`).
    ///   - spot: the underlying's price today, in currency; finite and positive.
    ///   - strike: in currency; finite and positive.
    ///   - timeToExpiry: in years; finite and positive.
    ///   - rate: continuously compounded risk-free rate per year, as a fraction.
    ///   - dividendYield: continuous dividend (or carry) yield per year, as a fraction.
    /// - Returns: the volatility and the number of Householder iterations used.
    /// - Throws: `ImpliedVolError.invalidInput` for non-finite or out-of-domain inputs;
    ///   `.belowIntrinsic` if `premium` ≤ the discounted intrinsic value (including a premium of 0
    ///   out of the money); `.aboveUpperBound` if `premium` ≥ S·e^{−qT} (call) or K·e^{−rT} (put).
    public static func solve(kind: OptionKind, premium: Double, spot: Double, strike: Double,
                             timeToExpiry: Double, rate: Double = 0, dividendYield: Double = 0) throws(ImpliedVolError) -> ImpliedVolResult {
        guard spot.isFinite, spot > 0 else { throw .invalidInput("spot must be positive and finite, got \(spot)") }
        guard strike.isFinite, strike > 0 else { throw .invalidInput("strike must be positive and finite, got \(strike)") }
        guard timeToExpiry.isFinite, timeToExpiry > 0 else {
            throw .invalidInput("time to expiry must be positive and finite (years), got \(timeToExpiry)")
        }
        guard premium.isFinite else { throw .invalidInput("premium must be finite, got \(premium)") }
        guard premium >= 0 else { throw .invalidInput("premium must not be negative, got \(premium)") }
        guard rate.isFinite else { throw .invalidInput("rate must be finite, got \(rate)") }
        guard dividendYield.isFinite else { throw .invalidInput("dividend yield must be finite, got \(dividendYield)") }

        // Discounted spot and strike, computed exactly as `BlackScholes` computes them so that the
        // bounds below are the very numbers the pricer subtracts.
        let spotDisc = spot * exp(-dividendYield * timeToExpiry)
        let strikeDisc = strike * exp(-rate * timeToExpiry)
        guard spotDisc.isNormal, strikeDisc.isNormal else {
            throw .invalidInput("rate \(rate) and dividend yield \(dividendYield) over \(timeToExpiry) years "
                + "overflow or underflow the discount factors")
        }
        let bounds = BlackScholes.noArbitrageBounds(kind: kind, spot: spot, strike: strike, timeToExpiry: timeToExpiry,
                                                    rate: rate, dividendYield: dividendYield)
        guard premium > bounds.lower else { throw .belowIntrinsic(premium: premium, lowerBound: bounds.lower) }
        guard premium < bounds.upper else { throw .aboveUpperBound(premium: premium, upperBound: bounds.upper) }

        // Black's formula on the forward: F = S·e^{(r−q)T}, undiscounted price = premium·e^{rT}, and
        // the normalised price β = premium·e^{rT}/√(F·K) = premium/√(S·e^{−qT}·K·e^{−rT}).
        // x = ln(F/K) is taken as ln(S/K) + (r−q)T rather than from a rounded F.
        let x = logRatio(spot, strike) + (rate - dividendYield) * timeToExpiry

        // In the money, solve for the time value instead: by put–call parity it is the price of the
        // out-of-the-money option of the other kind. As in the reference's top-level function, the
        // subtraction is done in price space; with the same discounted spot and strike as the pricer
        // and the bound check above, a premium that passed that check always leaves a positive time
        // value. (Its absolute rounding error is of order ε·S, the same as the pricer's, so deep in
        // the money with a tiny time value the result is exact for inputs perturbed by about an ulp.)
        var theta = kind.sign
        var outOfTheMoneyPremium = premium
        if bounds.lower > 0 {
            outOfTheMoneyPremium = premium - bounds.lower
            theta = -theta
        }
        let beta = outOfTheMoneyPremium / (spotDisc.squareRoot() * strikeDisc.squareRoot())

        switch LetsBeRational.normalisedImpliedVolatility(beta: beta, x: x, theta: theta) {
        case let .solved(s, iterations):
            let volatility = s / timeToExpiry.squareRoot()
            // A time value of a few ulps of the spot can normalise to a β the solver maps to s = 0
            // (or, with denormal β, fail to converge): that premium is intrinsic to working precision.
            guard volatility.isFinite, volatility > 0 else {
                throw .belowIntrinsic(premium: premium, lowerBound: bounds.lower)
            }
            return ImpliedVolResult(volatility: volatility, iterations: iterations)
        case .belowIntrinsic:
            // β underflowed to 0, or rounding in x made the normalised time value vanish.
            throw .belowIntrinsic(premium: premium, lowerBound: bounds.lower)
        case .aboveMaximum:
            // The premium is below the upper bound, but only by rounding error of the normalisation.
            throw .aboveUpperBound(premium: premium, upperBound: bounds.upper)
        }
    }

    /// ln(a/b) to full relative precision. Near the money, rounding a/b to a double costs an
    /// absolute ε, which is a large relative error in a small logarithm (2e-14 at S/K = 1.01,
    /// and the implied vol inherits it). For b/2 ≤ a ≤ 2b the difference a − b is exact
    /// (Sterbenz), so log1p((a − b)/b) keeps every digit.
    private static func logRatio(_ a: Double, _ b: Double) -> Double {
        if a >= 0.5 * b && a <= 2 * b { return log1p((a - b) / b) }
        let ratio = a / b
        return ratio.isNormal ? log(ratio) : log(a) - log(b)
    }
}
