#!/usr/bin/python3
"""numpy_structural.py -- NumPy baselines for benchmarks/structural.sh.

    numpy_structural.py type2 TABLE.nc INCOME CONSUMPTION > type2.csv
    numpy_structural.py extract TABLE.nc > extract.csv
    numpy_structural.py refactor TABLE.nc SAMPLE
    numpy_structural.py --compare FIELD CLIO.csv NUMPY.csv

How a NumPy user computes what `clio multipliers --type II` and `clio
extract` compute, with explicit inverses (Miller & Blair's textbook
formulas, as pymrio builds L):

  type2     Type I effects C @ inv(I - A) and Type II effects from the
            inverse of the closed (n + k) x (n + k) matrix, households
            closed region by region (k groups), as clio does;
  extract   all-sector hypothetical extraction from L = inv(I - A): total
            E_aj x_j / L_jj, backward (E_aj - d_aj) x_j / L_jj, forward
            ((L (x o d_a))_j - x_j d_aj) / L_jj, internal (one sector's
            purchases from itself) E_aj a_jj x_j / (1 + a_jj L_jj);
  refactor  what fio does: for SAMPLE sectors, remove the sector's row and
            column and solve the modified system again (one factorisation
            per sector); prints the seconds per sector, so the time for
            all n sectors is n times that.

type2 and extract print the output account of their results as CSV
(region,sector,account,FIELD...) and a JSON line of timings on stderr;
--compare prints the largest relative difference of FIELD between clio's
CSV and this script's (a check that both compute the same numbers).
"""
import time

T_START = time.perf_counter()

import csv  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402

from numpy_multipliers import load  # noqa: E402


def load_y(path):
    import netCDF4

    with netCDF4.Dataset(path, "r") as ds:
        ds.set_auto_mask(False)
        v = ds.variables
        Y = v["Y"][:].T  # file (final_demand, sector) -> Y(sector, final_demand)
        names = [str(s) for s in v["final_demand"][:]]
        regions = np.asarray(v["final_demand_region"][:])
    return Y, names, regions


def coefficients(Z, x):
    with np.errstate(divide="ignore"):
        recix = 1.0 / x
    recix[np.isinf(recix)] = 0.0
    return Z * recix[np.newaxis, :], recix


def accounts(x, V, S, recix):
    return np.vstack([np.ones((1, x.shape[0])), V * recix, S * recix])


def emit(labels, fields, columns):
    regions, sector_region, sector_names = labels
    out = ["region,sector,account," + ",".join(fields) + "\n"]
    for j in range(len(sector_names)):
        vals = ",".join(repr(float(c[j])) for c in columns)
        out.append(f"{regions[sector_region[j]]},{sector_names[j]},output,{vals}\n")
    sys.stdout.write("".join(out))


def type2(path, income, consumption):
    Z, x, V, S, va_names, sat_names, regions, sector_region, sector_names = load(path)
    Y, fd_names, fd_region = load_y(path)
    t_loaded = time.perf_counter()
    n = x.shape[0]
    A, recix = coefficients(Z, x)
    C = accounts(x, V, S, recix)
    L = np.linalg.inv(np.eye(n) - A)
    E1 = C @ L
    t_type1 = time.perf_counter()
    hr = V[va_names.index(income)] * recix
    cols = [k for k, name in enumerate(fd_names) if name == consumption]
    k = len(cols)
    HR = np.zeros((k, n))
    HC = np.zeros((n, k))
    for g, col in enumerate(cols):
        mine = sector_region == fd_region[col]
        HR[g, mine] = hr[mine]
        HC[:, g] = Y[:, col] / (V[va_names.index(income)][mine]).sum()
    closed = np.block([[A, HC], [HR, np.zeros((k, k))]])
    Lbar = np.linalg.inv(np.eye(n + k) - closed)
    E2 = C @ Lbar[:n, :n]
    t_type2 = time.perf_counter()
    emit((regions, sector_region, sector_names), ["type1_effect", "type2_effect"], [E1[0], E2[0]])
    print(json.dumps({"n": int(n), "groups": k, "load_s": round(t_loaded - T_START, 4),
                      "type1_s": round(t_type1 - t_loaded, 4),
                      "type2_s": round(t_type2 - t_type1, 4),
                      "total_s": round(time.perf_counter() - T_START, 4)}), file=sys.stderr)
    return 0


def extract(path):
    Z, x, V, S, va_names, sat_names, regions, sector_region, sector_names = load(path)
    t_loaded = time.perf_counter()
    n = x.shape[0]
    A, recix = coefficients(Z, x)
    C = accounts(x, V, S, recix)
    L = np.linalg.inv(np.eye(n) - A)
    t_inv = time.perf_counter()
    E = C @ L
    d = np.diag(L)
    ajj = np.diag(A)
    scale = x / d
    total = E * scale
    backward = (E - C) * scale
    forward = ((L @ (C * x).T).T - C * x) / d
    internal = E * ajj * x / (1 + ajj * d)
    t_end = time.perf_counter()
    emit((regions, sector_region, sector_names), ["total", "backward", "forward", "internal"],
         [total[0], backward[0], forward[0], internal[0]])
    print(json.dumps({"n": int(n), "load_s": round(t_loaded - T_START, 4),
                      "inverse_s": round(t_inv - t_loaded, 4),
                      "extract_s": round(t_end - t_loaded, 4),
                      "total_s": round(time.perf_counter() - T_START, 4)}), file=sys.stderr)
    return 0


def refactor(path, sample):
    Z, x, *_ = load(path)
    n = x.shape[0]
    A, _ = coefficients(Z, x)
    f = x - A @ x
    picks = np.linspace(0, n - 1, sample).astype(int)
    t0 = time.perf_counter()
    for j in picks:
        A2 = A.copy()
        A2[j, :] = 0.0
        A2[:, j] = 0.0
        f2 = f.copy()
        f2[j] = 0.0
        np.linalg.solve(np.eye(n) - A2, f2)
    per = (time.perf_counter() - t0) / sample
    print(json.dumps({"n": int(n), "sample": sample, "per_sector_s": round(per, 5),
                      "all_sectors_s": round(per * n, 2)}))
    return 0


def compare(field, path_a, path_b):
    def read(p):
        with open(p) as fh:
            rows = list(csv.DictReader(fh))
        return {(r["region"], r["sector"]): float(r[field]) for r in rows if r["account"] == "output"}
    a, b = read(path_a), read(path_b)
    worst = max(abs(a[k] - b[k]) / max(abs(a[k]), abs(b[k]), 1e-300) for k in b)
    print(f"{worst:.1e}")
    return 0


if __name__ == "__main__":
    argv = sys.argv
    if len(argv) == 5 and argv[1] == "type2":
        sys.exit(type2(argv[2], argv[3], argv[4]))
    if len(argv) == 3 and argv[1] == "extract":
        sys.exit(extract(argv[2]))
    if len(argv) == 4 and argv[1] == "refactor":
        sys.exit(refactor(argv[2], int(argv[3])))
    if len(argv) == 5 and argv[1] == "--compare":
        sys.exit(compare(argv[2], argv[3], argv[4]))
    print(__doc__, file=sys.stderr)
    sys.exit(64)
