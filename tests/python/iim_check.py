#!/usr/bin/python3
"""iim_check.py -- clio iim against an independent numpy computation.

usage: iim_check.py static DIR C.csv OUT.csv
       iim_check.py supply Z.csv C.csv OUT.csv
       iim_check.py dynamic A.csv K.csv C.csv PERIODS FROM TO SERIES.csv SUMMARY.csv

static: DIR is a one-region matrix-set folder (Z.csv, x.csv);
A* = xhat^-1 Z, q = clip(inv(I - A*) c*), loss = q x.  supply: diim's
transactions layout (header, n rows of Z, a row of x); A*s = (Z xhat^-1)'.
dynamic: A* in diim's layout, K as sector,value rows; the recursion
q(t+1) = q + K (A* q + c*(t) - q), clipped, with c* in periods FROM..TO-1,
and the trapezoidal sums.  Files of values have rows [region,]sector,value
with or without a header.  Everything is compared to 1e-10 relative
(absolute below 1e-12).  Exit 0 when all match.
"""
import csv
import sys

import numpy as np


def rows(path):
    with open(path, newline="") as fp:
        return [r for r in csv.reader(fp) if r]


def values(path, names):
    v = np.zeros(len(names))
    for r in rows(path):
        try:
            v[names.index(r[-2])] = float(r[-1])
        except ValueError:
            continue  # header
    return v


def close(got, want, what):
    got, want = np.asarray(got, float), np.asarray(want, float)
    bad = np.abs(got - want) > 1e-10 * np.maximum(np.abs(want), 1e-2)
    if bad.any():
        print(f"{what}: got {got[bad]}, want {want[bad]}")
        return False
    return True


def check_static(astar, x, c, out, names):
    q = np.clip(np.linalg.solve(np.eye(len(c)) - astar, c), 0, 1)
    res = rows(out)
    col = res[0].index("inoperability")
    got = {r[col - 1]: r for r in res[1:]}
    ok = close([float(got[s][col]) for s in names], q, "inoperability")
    if x is not None:
        ok &= close([float(got[s][col + 1]) for s in names], q * x, "loss")
    return ok


def main(argv):
    mode = argv[1]
    if mode == "static":
        z = rows(argv[2] + "/Z.csv")
        names = z[0][1:]
        Z = np.array([[float(v) for v in r[1:]] for r in z[1:]])
        xr = rows(argv[2] + "/x.csv")
        x = np.array([float(r[-1]) for r in xr[1:]])
        return check_static(Z / x[:, None], x, values(argv[3], names), argv[4], names)
    if mode == "supply":
        t = rows(argv[2])
        names = t[0]
        M = np.array([[float(v) for v in r] for r in t[1:]])
        Z, x = M[:-1], M[-1]
        return check_static((Z / x[None, :]).T, x, values(argv[3], names), argv[4], names)
    a = rows(argv[2])
    names = a[0]
    A = np.array([[float(v) for v in r] for r in a[1:]])
    k, c = values(argv[3], names), values(argv[4], names)
    periods, lo, hi = int(argv[5]), int(argv[6]), int(argv[7])
    q = np.zeros((periods + 1, len(names)))
    for t in range(periods):
        ct = c if lo <= t < hi else 0 * c
        q[t + 1] = np.clip(q[t] + k * (A @ q[t] + ct - q[t]), 0, 1)
    cum = (q[:-1] + q[1:]).sum(axis=0) / 2
    series = {(int(r[0]), r[1]): float(r[2]) for r in rows(argv[8])[1:]}
    ok = close([series[(t, s)] for t in range(periods + 1) for s in names], q.ravel(),
               "series")
    summary = {r[0]: float(r[1]) for r in rows(argv[9])[1:]}
    return ok & close([summary[s] for s in names], cum, "cumulative")


if __name__ == "__main__":
    sys.exit(0 if main(sys.argv) else 1)
