#!/usr/bin/env python3
"""numpy_scenarios.py TABLE.nc SCENARIOS.yaml [REPEATS] -- the NumPy way to
run a batch of demand scenarios (as pymrio users do it): L = inv(I - A)
once, then L @ DY for the stacked demand changes, and the deltas of every
account.  Reads the scenario file written by bench_scenarios (three demand
changes per scenario) with a plain line parser, outside the timing.
Prints: n scenarios inverse_s products_s total_s"""
import re
import sys
import time

import netCDF4
import numpy as np


def main(path, scenarios, repeats=3):
    d = netCDF4.Dataset(path)
    Z = np.array(d["Z"][:]).T  # stored (buying_sector, sector): transpose to Z[i, j]
    x = np.array(d["x"][:])
    keys = [str(k) for k in d["sector"][:]]
    n = len(x)
    index = {k: i for i, k in enumerate(keys)}
    pattern = re.compile(r'region: "([^"]*)", sector: "([^"]*)", change: ([-0-9.e]+)')
    columns = []
    with open(scenarios) as f:
        for line in f:
            if line.startswith("  - name:"):
                columns.append({})
            m = pattern.search(line)
            if m:
                i = index[f"{m.group(1)}|{m.group(2)}"]
                columns[-1][i] = columns[-1].get(i, 0.0) + float(m.group(3))
    DY = np.zeros((n, len(columns)))
    for s, changes in enumerate(columns):
        for i, v in changes.items():
            DY[i, s] += v
    best = []
    for _ in range(int(repeats)):
        t0 = time.perf_counter()
        A = Z / np.where(x > 0, x, 1.0)
        L = np.linalg.inv(np.eye(n) - A)
        t1 = time.perf_counter()
        DX = L @ DY
        deltas = [DX, DY]  # output and final demand; one row per further account
        t2 = time.perf_counter()
        best.append((t1 - t0, t2 - t1))
    best.sort(key=lambda p: p[0] + p[1])
    inv, prod = best[len(best) // 2]
    assert deltas[0].shape == (n, len(columns))
    print(f"{n} {len(columns)} {inv:.4f} {prod:.4f} {inv + prod:.4f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
