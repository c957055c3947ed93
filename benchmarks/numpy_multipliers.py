#!/usr/bin/python3
"""numpy_multipliers.py -- the NumPy baseline of clio's benchmark.

    /usr/bin/python3 benchmarks/numpy_multipliers.py TABLE.nc > multipliers.csv
    /usr/bin/python3 benchmarks/numpy_multipliers.py --compare CLIO.csv NUMPY.csv

Loads a clio NetCDF table (the same file `clio multipliers` reads) and
computes the same Type I multipliers the way pymrio does:

    A = Z / x                     (column-wise; zero-output columns stay 0)
    L = numpy.linalg.inv(I - A)   (pymrio's calc_L)
    effects = C @ L               (pymrio's calc_M, with C = [1; V/x; S/x])

so the output multipliers are L.sum(0) and the employment multipliers
(S/x) @ L.  Plain NumPy arrays, not pandas DataFrames: this is the NumPy
core of pymrio without its pandas overhead, i.e. a leaner baseline than
pymrio itself.  Prints tidy CSV (region,sector,account,coefficient,effect,
multiplier) on stdout, like `clio multipliers --format csv`, and one JSON
line of phase timings and peak memory on stderr.

--compare reads two such CSVs and prints the largest relative difference
of the effects (a correctness cross-check of the benchmark).

Run it with Debian's /usr/bin/python3 (python3-numpy, python3-netcdf4),
whose NumPy uses the system OpenBLAS, the same library clio links.
"""
import time

T_START = time.perf_counter()

import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402


def load(path):
    """Z, x, V, S, labels of a clio table.  clio stores matrices column-major:
    the variable Z has dimensions (buying_sector, sector), so the file array
    is Z transposed (likewise Y, V and satellite)."""
    import netCDF4

    with netCDF4.Dataset(path, "r") as ds:
        ds.set_auto_mask(False)
        v = ds.variables
        n = len(ds.dimensions["sector"])
        Z = v["Z"][:].T  # (sector, buying_sector), a Fortran-ordered view
        x = np.asarray(v["x"][:], dtype=float)
        if "value_added" in ds.dimensions and "V" in v:
            V = v["V"][:].T  # file (sector, value_added) -> V(value_added, sector)
            va_names = [str(s) for s in v["value_added"][:]]
        else:
            V, va_names = np.zeros((0, n)), []
        if "account" in ds.dimensions and "satellite" in v:
            S = v["satellite"][:].T
            sat_names = [str(s) for s in v["account"][:]]
        else:
            S, sat_names = np.zeros((0, n)), []
        regions = [str(s) for s in v["region"][:]]
        sector_region = np.asarray(v["sector_region"][:])
        sector_names = [str(s) for s in v["sector_name"][:]]
    return Z, x, V, S, va_names, sat_names, regions, sector_region, sector_names


def csv_field(s):
    if any(c in s for c in ',"\n\r'):
        return '"' + s.replace('"', '""') + '"'
    return s


def num(v):
    return repr(v) if v == v else "NaN"


def main(argv):
    if len(argv) == 4 and argv[1] == "--compare":
        return compare(argv[2], argv[3])
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    t_imported = time.perf_counter()

    Z, x, V, S, va_names, sat_names, regions, sector_region, sector_names = load(argv[1])
    n = x.shape[0]
    t_loaded = time.perf_counter()

    # pymrio calc_A: recix = 1/x with inf -> 0, A = Z * recix (column-wise).
    with np.errstate(divide="ignore"):
        recix = 1.0 / x
    recix[np.isinf(recix)] = 0.0
    A = Z * recix[np.newaxis, :]
    t_coef = time.perf_counter()

    # pymrio calc_L
    L = np.linalg.inv(np.eye(n) - A)
    t_inv = time.perf_counter()

    # pymrio calc_M: multipliers = coefficients @ L, for output (1' L),
    # every value-added row and every satellite account.
    # (The output row of C is all ones, so its effects are L.sum(0).)
    C = np.vstack([np.ones((1, n)), V * recix, S * recix])
    E = C @ L
    with np.errstate(divide="ignore", invalid="ignore"):
        M = np.where(C != 0, E / np.where(C != 0, C, 1.0), np.nan)
    t_mult = time.perf_counter()

    accounts = ["output"] + va_names + sat_names
    out = sys.stdout
    out.write("region,sector,account,coefficient,effect,multiplier\n")
    reg = [csv_field(regions[r]) for r in sector_region]
    sec = [csv_field(s) for s in sector_names]
    acc = [csv_field(a) for a in accounts]
    Ct, Et, Mt = C.T.tolist(), E.T.tolist(), M.T.tolist()
    lines = []
    for j in range(n):
        cj, ej, mj = Ct[j], Et[j], Mt[j]
        for a in range(len(accounts)):
            lines.append(f"{reg[j]},{sec[j]},{acc[a]},{num(cj[a])},{num(ej[a])},{num(mj[a])}\n")
    out.write("".join(lines))
    out.flush()
    t_end = time.perf_counter()

    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({
        "n": int(n), "naccounts": len(accounts),
        "import_s": round(t_imported - T_START, 4),
        "load_s": round(t_loaded - t_imported, 4),
        "coefficients_s": round(t_coef - t_loaded, 4),
        "inverse_s": round(t_inv - t_coef, 4),
        "multipliers_s": round(t_mult - t_inv, 4),
        "write_s": round(t_end - t_mult, 4),
        "total_s": round(t_end - T_START, 4),
        "maxrss_kb": int(rss_kb),
        "numpy": np.__version__,
    }), file=sys.stderr)
    return 0


def compare(path_a, path_b):
    """Largest relative difference of the 'effect' column of two tidy CSVs."""
    import csv

    def effects(path):
        with open(path, newline="") as fp:
            return {(r["region"], r["sector"], r["account"]): float(r["effect"])
                    for r in csv.DictReader(fp)}

    a, b = effects(path_a), effects(path_b)
    if a.keys() != b.keys():
        print(f"compare: different rows ({len(a)} vs {len(b)})", file=sys.stderr)
        return 1
    worst = 0.0
    for k, va in a.items():
        vb = b[k]
        if np.isnan(va) and np.isnan(vb):
            continue
        worst = max(worst, abs(va - vb) / max(abs(va), abs(vb), 1e-300))
    print(f"{worst:.3g}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
