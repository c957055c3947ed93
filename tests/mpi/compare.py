#!/usr/bin/python3
"""compare.py -- do two clio results agree?  Used by tests/mpi/mpi.bats to
hold clio-mpi's output against the single-node `clio`.

    compare.py csv A.csv B.csv [RTOL]   tidy CSVs (clio --format csv / -o X.csv):
                                        the same rows (region, sector, account)
                                        and, per number, |a - b| <= RTOL * max(|a|, |b|)
    compare.py csv-norm A.csv B.csv [RTOL]   as csv, but normwise: relative to the
                                        largest |value| of the same account and field
                                        (for results where differences of solutions
                                        cancel, e.g. the indirect effect of a mixed-sign
                                        demand change solved iteratively)
    compare.py nc A.nc B.nc [RTOL]      result NetCDF files: the same variables,
                                        every floating-point one within RTOL

RTOL defaults to 1e-10.  NaN (an empty CSV field) equals NaN.  Prints "ok N numbers, largest
relative difference D" and exits 0, or names the first difference and exits 1.
"""
import csv
import math
import sys


def close(a, b, rtol):
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= rtol * max(abs(a), abs(b))


def rel(a, b):
    if math.isnan(a) or a == b:
        return 0.0
    return abs(a - b) / max(abs(a), abs(b))


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    numeric = [i for i, h in enumerate(header) if h not in ("region", "sector", "account")]
    keyed = {}
    for r in body:
        key = (r[0], r[1], r[2])
        if key in keyed:
            sys.exit(f"{path}: row {key} twice")
        keyed[key] = [float(r[i]) if r[i] != "" else math.nan for i in numeric]
    return header, keyed


def compare_csv(a, b, rtol, normwise=False):
    ha, ra = read_csv(a)
    hb, rb = read_csv(b)
    scale = {}
    for key, va in ra.items():
        for k, x in enumerate(va):
            if normwise and not math.isnan(x):
                scale[key[2], k] = max(scale.get((key[2], k), 0.0), abs(x))
    if ha != hb:
        print(f"not ok: headers differ: {ha} vs {hb}")
        return 1
    if ra.keys() != rb.keys():
        print(f"not ok: rows differ: {sorted(set(ra) ^ set(rb))[:5]}")
        return 1
    count, worst = 0, 0.0
    for key, va in ra.items():
        for k, (name, x, y) in enumerate(zip(ha[3:], va, rb[key])):
            if normwise and not math.isnan(x) and not math.isnan(y):
                s = scale[key[2], k]
                x, y = x / s if s else x, y / s if s else y
            if not close(x, y, rtol) and not (normwise and abs(x - y) <= rtol):
                print(f"not ok: {key} {name}: {x!r} vs {y!r} (relative {rel(x, y):.3g})")
                return 1
            count += 1
            worst = max(worst, rel(x, y))
    print(f"ok {count} numbers, largest relative difference {worst:.3g}")
    return 0


def compare_nc(a, b, rtol):
    import netCDF4
    import numpy as np
    with netCDF4.Dataset(a) as da, netCDF4.Dataset(b) as db:
        if set(da.variables) != set(db.variables):
            print(f"not ok: variables differ: {set(da.variables) ^ set(db.variables)}")
            return 1
        count, worst = 0, 0.0
        for name, va in da.variables.items():
            if getattr(va.dtype, "kind", "") != "f":  # string variables: labels
                continue
            x = np.ma.filled(va[:], np.nan).astype(float).ravel()
            y = np.ma.filled(db.variables[name][:], np.nan).astype(float).ravel()
            if x.shape != y.shape:
                print(f"not ok: {name}: shapes {x.shape} vs {y.shape}")
                return 1
            for k, (p, q) in enumerate(zip(x, y)):
                if not close(p, q, rtol):
                    print(f"not ok: {name}[{k}]: {p!r} vs {q!r}")
                    return 1
                worst = max(worst, rel(p, q))
            count += x.size
    if count == 0:
        print("not ok: no floating-point variables")
        return 1
    print(f"ok {count} numbers, largest relative difference {worst:.3g}")
    return 0


def main():
    if len(sys.argv) not in (4, 5) or sys.argv[1] not in ("csv", "csv-norm", "nc"):
        sys.exit(__doc__)
    rtol = float(sys.argv[4]) if len(sys.argv) == 5 else 1e-10
    a, b = sys.argv[2], sys.argv[3]
    if sys.argv[1] == "nc":
        return compare_nc(a, b, rtol)
    return compare_csv(a, b, rtol, sys.argv[1] == "csv-norm")


if __name__ == "__main__":
    sys.exit(main())
