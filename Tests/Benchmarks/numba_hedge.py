#!/usr/bin/env python3
"""The default `gammascalp simulate` in numba, for the README's speed comparison.

Same semantics as `simulate` with its defaults (SimulationSetup.defaultConfig): a long
1-year ATM call (strike 100, implied vol 20%) on a stock at 100, r = 5%, no dividend;
the stock is GBM (drift 5%, vol 20%) stepped exactly in log space over 252 trading-day steps
(dt = 1/252); after every step the stock position is set to minus the call's Black-Scholes
delta at the implied vol (hedge every:1, no costs); cash accrues at r; the P&L at expiry is
the call's payoff plus stock plus cash, less the premium paid. Paths run in parallel
(prange), each on its own seeded stream. Prints path-steps a second (after a warm-up run
that compiles) and the P&L's mean and standard deviation.

Not part of CI (numba is not a dependency):  pip install numba;
    python3 Tests/Benchmarks/numba_hedge.py --paths 200000 --steps 252 --threads 2
"""
import argparse
import math
import time

import numpy as np
from numba import njit, prange, set_num_threads


@njit(cache=True, fastmath=False)
def norm_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


@njit(cache=True)
def call_delta(spot, strike, vol, tau, rate):
    if tau <= 0.0:
        return 1.0 if spot > strike else 0.0
    sq = vol * math.sqrt(tau)
    d1 = (math.log(spot / strike) + (rate + 0.5 * vol * vol) * tau) / sq
    return norm_cdf(d1)


@njit(cache=True)
def call_price(spot, strike, vol, tau, rate):
    sq = vol * math.sqrt(tau)
    d1 = (math.log(spot / strike) + (rate + 0.5 * vol * vol) * tau) / sq
    d2 = d1 - sq
    return spot * norm_cdf(d1) - strike * math.exp(-rate * tau) * norm_cdf(d2)


@njit(parallel=True, cache=True)
def simulate(paths, steps, seed, spot0, strike, implied, drift, vol, rate, expiry):
    dt = 1.0 / 252.0
    pnl = np.empty(paths)
    premium = call_price(spot0, strike, implied, expiry, rate)
    growth = math.exp(rate * dt)
    mu = (drift - 0.5 * vol * vol) * dt
    sd = vol * math.sqrt(dt)
    for p in prange(paths):
        np.random.seed(seed + p)  # each path its own stream, whatever the thread count
        spot = spot0
        shares = -call_delta(spot, strike, implied, expiry, rate)
        cash = -premium - shares * spot
        for i in range(steps):
            cash *= growth
            spot *= math.exp(mu + sd * np.random.standard_normal())
            tau = expiry - (i + 1) * dt
            target = -call_delta(spot, strike, implied, tau, rate)
            cash -= (target - shares) * spot
            shares = target
        pnl[p] = max(spot - strike, 0.0) + shares * spot + cash
    return pnl


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", type=int, default=200_000)
    parser.add_argument("--steps", type=int, default=252)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    set_num_threads(args.threads)
    arguments = (100.0, 100.0, 0.20, 0.05, 0.20, 0.05, 1.0)
    simulate(1_000, args.steps, args.seed, *arguments)  # compile (or load the cache)
    start = time.perf_counter()
    pnl = simulate(args.paths, args.steps, args.seed, *arguments)
    elapsed = time.perf_counter() - start
    rate = args.paths * args.steps / elapsed
    print(f"numba {args.threads} threads: {args.paths} paths x {args.steps} steps in {elapsed:.3f} s, "
          f"{rate / 1e6:.2f} M path-steps per second; P&L mean {pnl.mean():.4f}, std {pnl.std():.4f}")


if __name__ == "__main__":
    main()
