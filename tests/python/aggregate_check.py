#!/usr/bin/python3
"""aggregate_check.py -- `clio aggregate` against dense numpy products.

The aggregation is rebuilt here the textbook way, with explicit 0/1
concordance matrices (S: n' x n for sectors, T: nfd' x nfd for final-demand
columns) and matrix products:

    Z' = S Z S',  Y' = S Y T',  x' = S x (x = Z 1 + Y 1 when absent),
    V' = V S',    F' = F S',    F_Y' = F_Y T'

and every value of clio's output folder (a matrix-set written by `clio
aggregate -o DIR`) is compared by its labels, to 1e-12 relative to the
block's largest value.  Totals are compared too.

usage: aggregate_check.py DATA_DIR SECTOR_MAP REGION_MAP CLIO_DIR [Z Y V F F_Y]

DATA_DIR holds pymrio-style flat CSVs keyed region|name (default file names
Z.csv Y.csv F_factor_inputs.csv F_emissions.csv F_Y_emissions.csv; pass
'-' for a missing one).  The maps are CSVs region,group and sector,group.
Prints "N values compared with numpy, M mismatches"; exit 0 when M = 0.
"""
import csv
import sys

import numpy as np

RTOL = 1e-12


def read_matrix(path, skip=1):
    """Keys of rows and columns and the values; `skip` label columns."""
    with open(path, newline="") as fp:
        rows = list(csv.reader(fp))
    cols = rows[0][skip:]
    keys = [r[0] for r in rows[1:]]
    return keys, cols, np.array([[float(v) for v in r[skip:]] for r in rows[1:]])


def read_map(path):
    with open(path, newline="") as fp:
        rows = list(csv.DictReader(fp))
    key = "sector" if "sector" in rows[0] else "region"
    return {r[key]: r["group"] for r in rows}


def concordance(keys, sector_map, region_map):
    """0/1 matrix S from keys region|name to (new region)|(new name), new
    keys in order of first appearance."""
    new = []
    for k in keys:
        reg, name = k.split("|", 1)
        reg = region_map.get(reg, reg)
        name = sector_map.get(name, name) if sector_map is not None else name
        new.append(f"{reg}|{name}")
    order = list(dict.fromkeys(new))
    S = np.zeros((len(order), len(keys)))
    for j, k in enumerate(new):
        S[order.index(k), j] = 1
    return order, S


def compare(label, want_keys, want_cols, want, got_path, skip=1):
    keys, cols, got = read_matrix(got_path, skip)
    if keys != want_keys or cols != want_cols:
        print(f"{label}: labels differ: {keys[:3]}... / {cols[:3]}... vs "
              f"{want_keys[:3]}... / {want_cols[:3]}...")
        return want.size, want.size
    scale = max(np.abs(want).max(), 1e-300)
    bad = int((np.abs(got - want) > RTOL * scale).sum())
    if bad:
        print(f"{label}: {bad} values differ, largest by "
              f"{np.abs(got - want).max() / scale:.3g} relative")
    return want.size, bad


def main(argv):
    if len(argv) not in (5, 10):
        print(__doc__)
        return 2
    data, sector_path, region_path, out = argv[1:5]
    names = argv[5:] or ["Z.csv", "Y.csv", "F_factor_inputs.csv", "F_emissions.csv",
                         "F_Y_emissions.csv"]
    sector_map, region_map = read_map(sector_path), read_map(region_path)

    keys, _, Z = read_matrix(f"{data}/{names[0]}")
    _, ycols, Y = read_matrix(f"{data}/{names[1]}")
    new_keys, S = concordance(keys, sector_map, region_map)
    new_fd, T = concordance(ycols, None, region_map)
    x = Z.sum(1) + Y.sum(1)

    total = mismatches = 0
    # (block, row keys, column keys, numpy value, clio file, label columns)
    checks = [("Z", new_keys, new_keys, S @ Z @ S.T, "Z.csv", 1),
              ("Y", new_keys, new_fd, S @ Y @ T.T, "Y.csv", 1),
              ("x", new_keys, ["output"], (S @ x)[:, None], "x.csv", 1)]
    if names[2] != "-":
        rows, _, V = read_matrix(f"{data}/{names[2]}")
        checks.append(("V", rows, new_keys, V @ S.T, "V.csv", 1))
    if names[3] != "-":
        rows, _, F = read_matrix(f"{data}/{names[3]}")
        checks.append(("satellites", rows, new_keys, F @ S.T, "satellites.csv", 2))
    if names[4] != "-":
        rows, _, FY = read_matrix(f"{data}/{names[4]}")
        checks.append(("satellites_Y", rows, new_fd, FY @ T.T, "satellites_Y.csv", 2))
    for name, rows, cols, want, path, skip in checks:
        n, bad = compare(name, rows, cols, want, f"{out}/{path}", skip)
        total += n
        mismatches += bad
    # totals: every block sums to the original's sum
    for name, orig, path, skip in (("Z", Z, "Z.csv", 1), ("Y", Y, "Y.csv", 1)):
        got = read_matrix(f"{out}/{path}", skip)[2].sum()
        if abs(got - orig.sum()) > RTOL * abs(orig.sum()):
            print(f"total of {name}: {got} vs {orig.sum()}")
            mismatches += 1
        total += 1
    print(f"{total} values compared with numpy, {mismatches} mismatches")
    return 0 if mismatches == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
