#!/usr/bin/python3
"""bea_check.py -- clio symmetric's total requirements against an independent
NumPy implementation of BEA's "Mathematical derivation of the total
requirements tables" (MathIO, 1997/2002), plus the model's identities.

usage: bea_check.py MAKE.csv USE.csv SCRAP VALUE_ADDED DIR

SCRAP is the scrap commodity code; VALUE_ADDED a comma-separated list of
value-added row codes, or "V" for BEA's V+digits rows.  Totals are not
supported here (1997 and 1992 files have none).  DIR holds clio's outputs
cc.csv ((I - BW)^-1), ic.csv (W (I - BW)^-1) and ii.csv ((I - WB)^-1).

Checks (exit 1 on the first failure):
  * every element of the three matrices equal to NumPy's to 1e-9 relative
    (of the matrix's largest element);
  * q = (I - BW)^-1 e and g = W (I - BW)^-1 e (BEA eqs. 10-11) to 1e-6
    relative, with e the use table's final demand, q and g from the make table;
  * every column of the commodity and industry total requirements sums to
    at least 1, and the diagonals are at least 1.
"""
import csv
import re
import sys

import numpy as np


def read(path):
    with open(path, newline="") as fp:
        rows = list(csv.reader(fp))
    cols = rows[0][1:]
    keys = [r[0] for r in rows[1:]]
    values = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
    return keys, cols, values


def fail(msg):
    print("bea_check: FAIL: " + msg)
    sys.exit(1)


def main():
    make, use, scrap, va, out = sys.argv[1:6]
    ind, mcols, M = read(make)
    urows, ucols, Uall = read(use)
    if va == "V":
        is_va = [re.fullmatch(r"V\d+", r) is not None for r in urows]
    else:
        names = va.split(",")
        is_va = [r in names for r in urows]
    com = [r for r, v in zip(urows, is_va) if not v]
    com += [c for c in mcols if c not in com]
    nc, ni = len(com), len(ind)
    V = np.zeros((ni, nc))
    for j, c in enumerate(mcols):
        V[:, com.index(c)] = M[:, j]
    U = np.zeros((nc, ni))
    e = np.zeros(nc)
    for j, c in enumerate(ucols):
        for i, r in enumerate(urows):
            if is_va[i]:
                continue
            if c in ind:
                U[com.index(r), ind.index(c)] = Uall[i, j]
            else:
                e[com.index(r)] += Uall[i, j]
    g = V.sum(axis=1)                     # industry output, scrap included
    s = com.index(scrap)
    h = V[:, s].copy()                    # scrap made by each industry
    V[:, s] = 0
    q = V.sum(axis=0)                     # commodity output without scrap
    B = U / g
    D = np.divide(V, q, out=np.zeros_like(V), where=q != 0)
    p = h / g
    W = D / (1 - p)[:, None]
    cc = np.linalg.inv(np.eye(nc) - B @ W)
    ic = W @ cc
    ii = np.linalg.inv(np.eye(ni) - W @ B)

    for name, want, rk, ck in (("cc", cc, com, com), ("ic", ic, ind, com), ("ii", ii, ind, ind)):
        rows, cols, got = read(f"{out}/{name}.csv")
        if rows != rk or cols != ck:
            fail(f"{name}.csv: labels differ from the make/use codes")
        err = np.max(np.abs(got - want)) / np.max(np.abs(want))
        if not err <= 1e-9:
            fail(f"{name}.csv differs from NumPy by {err:.3g} relative")
        print(f"bea_check: {name}.csv {got.shape[0]}x{got.shape[1]} matches NumPy "
              f"({err:.2g} relative)")

    qm = V.sum(axis=0)
    qm[s] = h.sum()
    for what, got, want in (("q = (I-BW)^-1 e", cc @ e, qm), ("g = W (I-BW)^-1 e", ic @ e, g)):
        err = np.max(np.abs(got - want)) / np.max(np.abs(want))
        if not err <= 1e-6:
            fail(f"{what}: off by {err:.3g} relative")
        print(f"bea_check: {what} holds ({err:.2g} relative)")
    for name, L in (("cc", cc), ("ii", ii)):
        if not (np.all(L.sum(axis=0) >= 1 - 1e-12) and np.all(np.diag(L) >= 1 - 1e-12)):
            fail(f"{name}: a column sum or diagonal element is below 1")
    print("bea_check: column sums and diagonals >= 1")


if __name__ == "__main__":
    main()
