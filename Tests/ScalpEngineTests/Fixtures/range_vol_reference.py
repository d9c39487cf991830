#!/usr/bin/env python3
"""Independent reference for `gammascalp vol`: the realized-vol estimators written straight
from their published formulas with numpy, on a CSV with date, open, high, low, close columns.

Usage: range_vol_reference.py FILE.csv WINDOW...  ->  one JSON object keyed by window, each
value with the keys of `gammascalp vol --json` (rows, window, annualisation, full_sample,
rolling). The committed `range_vol_reference.json` is its output for the GOOG fixture:

    python3 range_vol_reference.py goog-daily-ohlc.csv 5 63 > range_vol_reference.json

A bar is a row with the previous row's close (n rows, n - 1 bars). A = 252 for daily dates;
for timestamps, 252 * 6.5 h divided by the median spacing.
"""
import csv
import json
import sys
from datetime import datetime

import numpy as np


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    key = {name.lower().replace(" ", "").replace("_", ""): name for name in rows[0]}
    column = lambda name: np.array([float(r[key[name]]) for r in rows])
    dates = [r[key["date"] if "date" in key else key["timestamp"]].strip() for r in rows]
    return dates, column("open"), column("high"), column("low"), column("close")


def annualisation(dates):
    if all(len(d) == 10 for d in dates):
        return 252.0
    times = np.array([datetime.fromisoformat(d.replace("Z", "")).timestamp() for d in dates])
    return 252 * 6.5 * 3600 / np.median(np.diff(times))


def estimators(prev, o, h, l, c, a):
    """Annualised vols (fractions) of one run of bars."""
    n = len(c)
    r = np.log(c / prev)
    hl = np.log(h / l)
    co = np.log(c / o)
    rs = np.log(h / c) * np.log(h / o) + np.log(l / c) * np.log(l / o)
    k = 0.34 / (1.34 + (n + 1) / (n - 1))
    overnight = np.var(np.log(o / prev), ddof=1)
    open_close = np.var(co, ddof=1)
    return {
        "close_to_close": np.sqrt(a * np.mean(r ** 2)),
        "parkinson": np.sqrt(a * np.mean(hl ** 2) / (4 * np.log(2))),
        "garman_klass": np.sqrt(a * np.mean(0.5 * hl ** 2 - (2 * np.log(2) - 1) * co ** 2)),
        "rogers_satchell": np.sqrt(a * np.mean(rs)),
        "yang_zhang": np.sqrt(a * (overnight + k * open_close + (1 - k) * np.mean(rs))),
    }


def reference(path, window):
    dates, o, h, l, c = read(path)
    a = annualisation(dates)
    prev, o, h, l, c = c[:-1], o[1:], h[1:], l[1:], c[1:]
    full = estimators(prev, o, h, l, c, a)
    runs = [estimators(prev[s:s + window], o[s:s + window], h[s:s + window], l[s:s + window], c[s:s + window], a)
            for s in range(len(c) - window + 1)]
    rolling = {}
    for name in full:
        values = np.array([run[name] for run in runs])
        rolling[name] = {"last": values[-1], "mean": np.mean(values), "min": np.min(values), "max": np.max(values)}
    out = {"rows": len(dates), "window": window, "annualisation": a,
           "full_sample": {k: float(v) for k, v in full.items()},
           "rolling": {k: {s: float(x) for s, x in v.items()} for k, v in rolling.items()}}
    return out


if __name__ == "__main__":
    windows = [int(w) for w in sys.argv[2:]]
    print(json.dumps({str(w): reference(sys.argv[1], w) for w in windows}, indent=1, sort_keys=True))
