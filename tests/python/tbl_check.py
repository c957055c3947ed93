#!/usr/bin/env python3
"""Independent check of `clio tbl` with NumPy: read a matrix-set folder
(Z.csv, Y.csv, x.csv, V.csv, satellites.csv), form L = (I - A)^-1
explicitly, and compare direct (c / x), total (d'L) and embodied (d'L * y)
of every sector and account with the tidy CSV that `clio tbl --format csv`
wrote; the value_added account is recomputed from the V rows named in
argv[3] (comma-separated).  Prints the worst relative error; exit 1 above
1e-9.

usage: tbl_check.py MATRIXSET_DIR TBL.csv VALUE_ADDED_ROWS"""
import csv
import sys

import numpy as np


def labelled(path, units=False):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    first = 2 if units else 1
    cols = rows[0][first:]
    keys = [r[0] for r in rows[1:]]
    values = np.array([[float(v) for v in r[first:]] for r in rows[1:]])
    return keys, cols, values


folder, tbl_csv, va_rows = sys.argv[1], sys.argv[2], sys.argv[3].split(",")
sectors, _, Z = labelled(f"{folder}/Z.csv")
_, _, Y = labelled(f"{folder}/Y.csv")
_, _, x = labelled(f"{folder}/x.csv")
x = x[:, 0]
va_names, _, V = labelled(f"{folder}/V.csv")
sat_names, _, S = labelled(f"{folder}/satellites.csv", units=True)
n = len(sectors)
A = Z / x
L = np.linalg.inv(np.eye(n) - A)
y = Y.sum(axis=1)
coef = {"output": np.ones(n)}
for k, name in enumerate(va_names):
    coef[name] = V[k] / x
coef["value_added"] = sum(V[va_names.index(r)] for r in va_rows) / x
for k, name in enumerate(sat_names):
    coef[name] = S[k] / x

worst, checked = 0.0, 0
with open(tbl_csv, newline="") as f:
    for row in csv.DictReader(f):
        if row["sector"] not in sectors or row["region"] == "":
            continue
        j = sectors.index(row["sector"])
        d = coef[row["account"]]
        want = {"direct": d[j], "total": (d @ L)[j], "embodied": (d @ L)[j] * y[j]}
        for field, w in want.items():
            got = float(row[field])
            worst = max(worst, abs(got - w) / max(abs(w), 1e-12))
            checked += 1
print(f"tbl_check: {checked} values, worst relative error {worst:.3g}")
sys.exit(0 if checked > 0 and worst < 1e-9 else 1)
