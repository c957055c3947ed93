"""numpy_balance.py -- RAS and GRAS the way NumPy scripts do them (whole-
matrix vectorised updates), timed on the same files as bench_balance, for
benchmarks/balance.sh.

usage: numpy_balance.py ras|gras MATRIX.csv ROWS.csv COLS.csv [REPEATS]
prints: method rows cols iterations residual median_seconds
Same stopping rule as clio: every row and column within 1e-10 * max(1, |target|).
"""
import csv
import statistics
import sys
import time

import numpy as np


def read_matrix(path):
    rows = list(csv.reader(open(path)))
    return [r[0] for r in rows[1:]], rows[0][1:], np.array([[float(v) for v in r[1:]] for r in rows[1:]])


def read_targets(path, labels):
    d = {r[0]: float(r[1]) for r in list(csv.reader(open(path)))[1:]}
    return np.array([d[k] for k in labels])


def gras(X0, u, v, tol=1e-10, max_iter=10000):
    P = np.where(X0 > 0, X0, 0.0)
    N = np.where(X0 < 0, -X0, 0.0)
    r = np.ones(len(u))
    s = np.ones(len(v))

    def solve(p, n, t):
        with np.errstate(divide="ignore", invalid="ignore"):
            root = np.sqrt(t * t + 4 * p * n)
            f = np.where(t >= 0, (t + root) / (2 * p), 2 * n / (root - t))
            f = np.where(n == 0, np.where(p > 0, t / p, 1.0), f)
            f = np.where((p == 0) & (n > 0), -n / t, f)
        return f

    for it in range(1, max_iter + 1):
        r = solve(P @ s, N @ (1 / s), u)
        with np.errstate(divide="ignore"):
            inv_r = np.where(r > 0, 1 / r, 0.0)
        s = solve(P.T @ r, N.T @ inv_r, v)
        with np.errstate(divide="ignore"):
            inv_s = np.where(s > 0, 1 / s, 0.0)
        rows = r * (P @ s) - inv_r * (N @ inv_s)
        if np.max(np.abs(rows - u) / np.maximum(1, np.abs(u))) <= tol:
            break
    X = r[:, None] * P * s[None, :] - (inv_r[:, None] * N * inv_s[None, :])
    res = max(np.max(np.abs(X.sum(1) - u) / np.maximum(1, np.abs(u))),
              np.max(np.abs(X.sum(0) - v) / np.maximum(1, np.abs(v))))
    return X, it, res


def ras(X0, u, v, tol=1e-10, max_iter=10000):
    X = X0.copy()
    for it in range(1, max_iter + 1):
        rs = X.sum(1)
        X *= np.divide(u, rs, out=np.zeros_like(u), where=rs != 0)[:, None]
        cs = X.sum(0)
        X *= np.divide(v, cs, out=np.zeros_like(v), where=cs != 0)[None, :]
        if np.max(np.abs(X.sum(1) - u) / np.maximum(1, np.abs(u))) <= tol:
            break
    res = max(np.max(np.abs(X.sum(1) - u) / np.maximum(1, np.abs(u))),
              np.max(np.abs(X.sum(0) - v) / np.maximum(1, np.abs(v))))
    return X, it, res


def main():
    method, mpath, rpath, cpath = sys.argv[1:5]
    repeats = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    rows, cols, X0 = read_matrix(mpath)
    u, v = read_targets(rpath, rows), read_targets(cpath, cols)
    fn = gras if method == "gras" else ras
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        X, it, res = fn(X0, u, v)
        times.append(time.perf_counter() - t0)
    print(f"{method.upper()} {len(rows)} {len(cols)} {it} {res:.3g} {statistics.median(times):.6f}")


if __name__ == "__main__":
    main()
