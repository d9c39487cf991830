#!/usr/bin/env python3
"""Times `gammascalp vol --prices FILE` against pandas.read_csv plus a numpy estimator of the
same vols, interleaved in one run, with each process's peak RSS.

Usage:
    prices_bench.py generate FILE [--rows N] [--seed S]   # an OHLC CSV of 5-minute bars
    prices_bench.py numpy FILE [--window W]                 # the pandas + numpy side alone
    prices_bench.py bench BINARY FILE [--repeats R]         # both sides, interleaved

The generated file is `timestamp,open,high,low,close,volume`, 78 five-minute bars a weekday
(09:30 to 15:55) on a seeded random walk, prices to the cent. `numpy` reads it with
`pandas.read_csv` and computes what `vol --json` prints (the five estimators over the whole
file and their rolling last/mean/min/max; close-to-close leaves out the returns across a
night), vectorised with cumulative sums; its time is the read plus the estimate, without
python's start-up and imports (reported apart). `bench` runs each side `--repeats` times,
alternating, and prints each run's wall-clock seconds and peak RSS (from wait4), then the
medians and the ratio gammascalp / pandas+numpy; it also checks the two agree to 1e-6.
Needs pandas and numpy (`pip install pandas numpy`), not needed to build or test.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def generate(path, rows, seed):
    import numpy as np
    rng = np.random.default_rng(seed)
    per_day = 78
    days = -(-rows // per_day)
    # Weekdays from 1990-01-01 (a Monday).
    day_numbers = np.arange(days * 7 // 5 + 7)
    weekdays = day_numbers[(day_numbers % 7) < 5][:days]
    start = np.datetime64("1990-01-01T09:30:00", "s")
    stamps = (start + weekdays.repeat(per_day) * np.timedelta64(1, "D")
              + np.tile(np.arange(per_day) * np.timedelta64(300, "s"), days))[:rows]
    sigma = 0.2 / np.sqrt(252 * per_day * 4)  # four sub-steps a bar
    gaps = np.where(np.arange(rows) % per_day == 0, rng.normal(0, 6 * sigma, rows), rng.normal(0, 0.2 * sigma, rows))
    moves = rng.normal(0, sigma, (rows, 4))
    close = np.empty(rows)
    opens, highs, lows = np.empty(rows), np.empty(rows), np.empty(rows)
    price = 200.0
    # Inside a bar, four sub-steps from the open; high and low take in open, close and sub-steps.
    for i in range(rows):
        o = round(price * np.exp(gaps[i]), 2)
        path_ = o * np.exp(np.cumsum(moves[i]))
        c = round(path_[-1], 2)
        opens[i], close[i] = o, c
        highs[i] = round(max(o, c, path_.max()) + 0.01, 2)
        lows[i] = round(min(o, c, path_.min()) - 0.01, 2)
        price = c
    volume = rng.integers(100, 100_000, rows)
    text = np.datetime_as_string(stamps, unit="s")
    with open(path, "w") as f:
        f.write("timestamp,open,high,low,close,volume\n")
        for i in range(rows):
            f.write(f"{text[i][:10]} {text[i][11:]},{opens[i]:.2f},{highs[i]:.2f},{lows[i]:.2f},{close[i]:.2f},{volume[i]}\n")


def numpy_vol(path, window):
    """What `gammascalp vol --json` reports, from pandas.read_csv and numpy."""
    import numpy as np
    import pandas as pd
    frame = pd.read_csv(path)
    times = pd.to_datetime(frame["timestamp"], format="%Y-%m-%d %H:%M:%S").to_numpy().astype("datetime64[s]").astype("int64").astype(float)
    o, h, l, c = (frame[name].to_numpy(dtype=float) for name in ("open", "high", "low", "close"))
    a = 252 * 6.5 * 3600 / np.median(np.diff(times))
    days = np.floor(times / 86_400)
    prev, o, h, l, c = c[:-1], o[1:], h[1:], l[1:], c[1:]
    day_bars = days[1:] == days[:-1]
    window = window or min(78, len(c))

    def rolling_sum(x):
        s = np.concatenate(([0.0], np.cumsum(x)))
        return s[window:] - s[:-window]

    def summary(values):
        return {"last": float(values[-1]), "mean": float(np.mean(values)), "min": float(np.min(values)), "max": float(np.max(values))}

    r = np.log(c / prev)[day_bars]
    hl, co = np.log(h / l), np.log(c / o)
    on = np.log(o / prev)
    rs = np.log(h / c) * np.log(h / o) + np.log(l / c) * np.log(l / o)
    terms = {"parkinson": hl ** 2 / (4 * np.log(2)), "garman_klass": 0.5 * hl ** 2 - (2 * np.log(2) - 1) * co ** 2,
             "rogers_satchell": rs}
    full = {"close_to_close": np.sqrt(a * np.mean(r ** 2))}
    rolling = {"close_to_close": summary(np.sqrt(a * rolling_sum(r ** 2) / window))}
    for name, term in terms.items():
        full[name] = np.sqrt(a * max(np.mean(term), 0))
        rolling[name] = summary(np.sqrt(a * np.maximum(rolling_sum(term) / window, 0)))

    def yang_zhang(n, s_on, q_on, s_co, q_co, s_rs):
        k = 0.34 / (1.34 + (n + 1) / (n - 1))
        var_on = (q_on - s_on ** 2 / n) / (n - 1)
        var_co = (q_co - s_co ** 2 / n) / (n - 1)
        return np.sqrt(a * np.maximum(var_on + k * var_co + (1 - k) * s_rs / n, 0))

    n = len(c)
    full["yang_zhang"] = float(np.sqrt(a * max(np.var(on, ddof=1) + 0.34 / (1.34 + (n + 1) / (n - 1)) * np.var(co, ddof=1)
                                               + (1 - 0.34 / (1.34 + (n + 1) / (n - 1))) * np.mean(rs), 0)))
    rolling["yang_zhang"] = summary(yang_zhang(window, rolling_sum(on), rolling_sum(on ** 2), rolling_sum(co),
                                               rolling_sum(co ** 2), rolling_sum(rs)))
    return {"rows": len(frame), "window": window, "annualisation": a,
            "full_sample": {k: float(v) for k, v in full.items()}, "rolling": rolling}


def run(command):
    """(wall seconds, peak RSS in MB, stdout) of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{' '.join(command)} failed ({status})")
    return wall, usage.ru_maxrss / 1024, out


def agree(ours, theirs):
    worst = abs(ours["annualisation"] / theirs["annualisation"] - 1)
    for name, value in theirs["full_sample"].items():
        worst = max(worst, abs(ours["full_sample"][name] / value - 1))
        for key, x in theirs["rolling"][name].items():
            worst = max(worst, abs(ours["rolling"][name][key] / x - 1))
    return worst


def bench(binary, path, repeats):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"machine: {os.cpu_count()} cores, {cpu}; load {os.getloadavg()[0]:.1f}")
    print(f"file: {path}, {os.path.getsize(path) / 1e6:.1f} MB")
    ours, theirs, inside = [], [], []
    for i in range(repeats):
        wall, rss, out = run([binary, "vol", "--prices", path, "--json"])
        ours.append((wall, rss))
        print(f"run {i + 1}: gammascalp vol     {wall:6.2f} s  peak RSS {rss:6.1f} MB")
        wall, rss, out2 = run([sys.executable, __file__, "numpy", path])
        report = json.loads(out2)
        theirs.append((wall, rss))
        inside.append(report["seconds"])
        print(f"run {i + 1}: pandas+numpy       {wall:6.2f} s  peak RSS {rss:6.1f} MB"
              f"  (read_csv + estimate {report['seconds']:.2f} s, the rest python's start-up and imports)")
    worst = agree(json.loads(out), report["vol"])
    ours_s = statistics.median(w for w, _ in ours)
    inside_s = statistics.median(inside)
    theirs_s = statistics.median(w for w, _ in theirs)
    print(f"median: gammascalp {ours_s:.2f} s, peak {max(r for _, r in ours):.1f} MB; "
          f"pandas+numpy {inside_s:.2f} s read+estimate ({theirs_s:.2f} s with start-up), peak {max(r for _, r in theirs):.1f} MB")
    print(f"ratio gammascalp / (read_csv + numpy estimate): {ours_s / inside_s:.2f}x "
          f"(per run: {', '.join(f'{o[0] / t:.2f}' for o, t in zip(ours, inside))})")
    print(f"the two agree to {worst:.1e} (relative, every value of vol --json)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    g = sub.add_parser("generate")
    g.add_argument("file")
    g.add_argument("--rows", type=int, default=1_000_000)
    g.add_argument("--seed", type=int, default=21)
    n = sub.add_parser("numpy")
    n.add_argument("file")
    n.add_argument("--window", type=int)
    b = sub.add_parser("bench")
    b.add_argument("binary")
    b.add_argument("file")
    b.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    if args.mode == "generate":
        generate(args.file, args.rows, args.seed)
    elif args.mode == "numpy":
        import numpy, pandas  # noqa: F401  (imported before the clock starts)
        start = time.perf_counter()
        report = numpy_vol(args.file, args.window)
        print(json.dumps({"seconds": time.perf_counter() - start, "vol": report}))
    else:
        bench(args.binary, args.file, args.repeats)


if __name__ == "__main__":
    main()
