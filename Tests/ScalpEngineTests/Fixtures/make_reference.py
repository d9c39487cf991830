#!/usr/bin/env python3
"""Writes black_scholes_reference.json: Black-Scholes-Merton prices and Greeks computed
independently with mpmath at 50 significant digits, for random inputs.

The Swift tests compare ScalpEngine's double-precision results with these to 1e-9 relative.
Regenerate with:  python3 Tests/ScalpEngineTests/Fixtures/make_reference.py
(needs mpmath; the output is committed so the test suite does not need Python).
"""
import json
import os
import random

import mpmath as mp

mp.mp.dps = 50


def greeks(kind, s, k, vol, t, r, q):
    s, k, vol, t, r, q = map(mp.mpf, (s, k, vol, t, r, q))
    w = 1 if kind == "call" else -1
    sq = mp.sqrt(t)
    d1 = (mp.log(s / k) + (r - q + vol * vol / 2) * t) / (vol * sq)
    d2 = d1 - vol * sq
    N = mp.ncdf
    pdf = mp.npdf(d1)
    dq, dr = mp.e ** (-q * t), mp.e ** (-r * t)
    price = w * (s * dq * N(w * d1) - k * dr * N(w * d2))
    delta = w * dq * N(w * d1)
    gamma = dq * pdf / (s * vol * sq)
    vega = s * dq * pdf * sq
    theta = -s * dq * pdf * vol / (2 * sq) - w * r * k * dr * N(w * d2) + w * q * s * dq * N(w * d1)
    rho = w * k * t * dr * N(w * d2)
    return {n: float(v) for n, v in
            dict(price=price, delta=delta, gamma=gamma, vega=vega, theta=theta, rho=rho).items()}


def main():
    rng = random.Random(20261125)
    cases = []
    for _ in range(600):
        kind = rng.choice(["call", "put"])
        s = 10 ** rng.uniform(0, 3)            # spot 1 .. 1000
        k = s * 10 ** rng.uniform(-0.4, 0.4)   # moneyness 0.4 .. 2.5
        vol = 10 ** rng.uniform(-2, 0.3)       # 1% .. 200%
        t = 10 ** rng.uniform(-2.5, 1)         # ~1 day .. 10 years
        r = rng.uniform(-0.02, 0.12)
        q = rng.uniform(0, 0.06)
        case = dict(kind=kind, spot=s, strike=k, vol=vol, expiry=t, rate=r, dividend=q)
        case.update(greeks(kind, s, k, vol, t, r, q))
        cases.append(case)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "black_scholes_reference.json")
    with open(out, "w") as f:
        json.dump({"generator": "mpmath %s, 50 digits" % mp.__version__, "cases": cases}, f, indent=0)
        f.write("\n")


if __name__ == "__main__":
    main()
