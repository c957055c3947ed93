#!/usr/bin/python3
"""numpy_scale.py -- the Python baseline of the scale benchmark (scale.sh).

    /usr/bin/python3 benchmarks/numpy_scale.py TABLE.nc SCENARIOS.yaml [--multipliers OUT.csv]
    /usr/bin/python3 benchmarks/numpy_scale.py --sparse TABLE.nc [--multipliers OUT.csv]

Dense tables, the pymrio way in one process (L is computed once and reused,
as a pymrio user would):

    load         Z, x, V, S from the clio NetCDF file (netCDF4)
    inverse      A = Z / x, L = numpy.linalg.inv(I - A)       (calc_A, calc_L)
    multipliers  E = C @ L for C = [1; V/x; S/x]               (calc_M)
    scenarios    dX = L @ DY for the stacked demand changes, and each
                 account's delta C (x o ...) as clio reports them
    extraction   every sector extracted one at a time from L (the
                 closed forms clio uses: e x / L_jj, h = L (x o d), ...)

Sparse tables (clio's CSC storage), the SciPy way: A as a CSC matrix and
scipy.sparse.linalg.spsolve((I - A)', C') for the multipliers (SuperLU).

Prints one JSON line of phase seconds and the peak resident memory (MB) on
stdout.  --multipliers writes the effects as tidy CSV (the columns of
`clio multipliers --format csv`) for numpy_multipliers.py --compare.
Run with Debian's /usr/bin/python3, whose NumPy uses the system OpenBLAS.
"""
import json
import re
import resource
import sys
import time

import numpy as np

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from numpy_multipliers import csv_field, load, num  # noqa: E402


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def read_scenarios(path, keys):
    """The demand changes of a scenario file written by scale.sh (one
    `{region: "R", sector: "S", change: V}` per line) as an n x k matrix."""
    index = {k: i for i, k in enumerate(keys)}
    pattern = re.compile(r'region: "([^"]*)", sector: "([^"]*)", change: ([-0-9.e+]+)')
    columns = []
    with open(path) as f:
        for line in f:
            if line.lstrip().startswith("- name:"):
                columns.append({})
            m = pattern.search(line)
            if m:
                i = index[f"{m.group(1)}|{m.group(2)}"]
                columns[-1][i] = columns[-1].get(i, 0.0) + float(m.group(3))
    DY = np.zeros((len(keys), len(columns)), order="F")
    for s, changes in enumerate(columns):
        for i, v in changes.items():
            DY[i, s] += v
    return DY


def write_multipliers(path, C, E, accounts, regions, sector_region, sector_names):
    with np.errstate(divide="ignore", invalid="ignore"):
        M = np.where(C != 0, E / np.where(C != 0, C, 1.0), np.nan)
    reg = [csv_field(regions[r]) for r in sector_region]
    sec = [csv_field(s) for s in sector_names]
    acc = [csv_field(a) for a in accounts]
    Ct, Et, Mt = C.T.tolist(), E.T.tolist(), M.T.tolist()
    with open(path, "w") as out:
        out.write("region,sector,account,coefficient,effect,multiplier\n")
        for j in range(len(sec)):
            for a in range(len(acc)):
                out.write(f"{reg[j]},{sec[j]},{acc[a]},{num(Ct[j][a])},{num(Et[j][a])},"
                          f"{num(Mt[j][a])}\n")


def dense(path, scenarios, mult_csv):
    times = {}
    t0 = time.perf_counter()
    Z, x, V, S, va_names, sat_names, regions, sector_region, sector_names = load(path)
    n = x.shape[0]
    keys = [f"{regions[r]}|{s}" for r, s in zip(sector_region, sector_names)]
    DY = read_scenarios(scenarios, keys) if scenarios else None
    times["load"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    with np.errstate(divide="ignore"):
        recix = 1.0 / x
    recix[np.isinf(recix)] = 0.0
    A = Z * recix[np.newaxis, :]
    L = np.linalg.inv(np.eye(n) - A)
    times["inverse"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    C = np.vstack([np.ones((1, n)), V * recix, S * recix])
    E = C @ L
    times["multipliers"] = time.perf_counter() - t0

    if DY is not None:
        t0 = time.perf_counter()
        dX = L @ DY
        deltas = C @ dX  # each account's change per scenario
        times["scenarios"] = time.perf_counter() - t0
        del dX, deltas

    t0 = time.perf_counter()
    diag = np.diag(L).copy()
    H = L @ (x[:, np.newaxis] * C.T)  # h_a = L (x o d_a), n x accounts
    total = E * x / diag
    backward = (E - C) * x / diag
    forward = (H.T - x * C) / diag
    internal = E * np.diag(A) * x / (1.0 + np.diag(A) * diag)
    times["extraction"] = time.perf_counter() - t0
    del H, total, backward, forward, internal

    if mult_csv:
        write_multipliers(mult_csv, C, E, ["output"] + va_names + sat_names, regions,
                          sector_region, sector_names)
    return n, times


def sparse(path, mult_csv):
    import netCDF4
    import scipy.sparse as sp
    import scipy.sparse.linalg as spla

    times = {}
    t0 = time.perf_counter()
    with netCDF4.Dataset(path) as ds:
        ds.set_auto_mask(False)
        v = ds.variables
        x = np.asarray(v["x"][:], dtype=float)
        n = x.shape[0]
        Z = sp.csc_matrix((v["Z_value"][:], v["Z_row"][:], v["Z_column_start"][:]), shape=(n, n))
        V = v["V"][:].T if "V" in v else np.zeros((0, n))
        S = v["satellite"][:].T if "satellite" in v else np.zeros((0, n))
    times["load"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    with np.errstate(divide="ignore"):
        recix = 1.0 / x
    recix[np.isinf(recix)] = 0.0
    A = Z @ sp.diags(recix)
    C = np.vstack([np.ones((1, n)), V * recix, S * recix])
    IA = (sp.identity(n, format="csc") - A).T.tocsc()
    E = spla.spsolve(IA, C.T).T  # e_a = (I - A)^-T d_a, all accounts at once
    times["multipliers"] = time.perf_counter() - t0
    if mult_csv:
        np.savetxt(mult_csv, E[0])
    return n, times


def main(argv):
    args = argv[1:]
    mult_csv = None
    if "--multipliers" in args:
        k = args.index("--multipliers")
        mult_csv = args[k + 1]
        del args[k:k + 2]
    if args and args[0] == "--sparse":
        n, times = sparse(args[1], mult_csv)
    elif len(args) in (1, 2):
        n, times = dense(args[0], args[1] if len(args) == 2 else None, mult_csv)
    else:
        print(__doc__, file=sys.stderr)
        return 64
    out = {"n": int(n), "peak_mb": round(peak_mb(), 1)}
    out.update({k + "_s": round(v, 4) for k, v in times.items()})
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
